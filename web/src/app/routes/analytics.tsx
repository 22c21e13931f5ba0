import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { useMe } from '@/features/auth/api/get-me';
import { AnalyticsDashboardView } from '@/features/analytics/components/analytics-dashboard';

/** Lazy-loaded: the dashboard (and its chart library, later still) is its own chunk, for admins and teachers. */
export function AnalyticsRoute() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.data?.role !== 'admin' && me.data?.role !== 'teacher') return <Alert>{t('errors.forbidden')}</Alert>;
  return (
    <>
      <title>{`${t('analytics.title')} · ${t('app.name')}`}</title>
      <AnalyticsDashboardView />
    </>
  );
}
