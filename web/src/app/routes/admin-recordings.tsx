import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { useMe } from '@/features/auth/api/get-me';
import { RecordingsCatalogue } from '@/features/catalogue/components/recordings-catalogue';

/** Lazy-loaded: the catalogue is its own chunk, and for admins only. */
export function AdminRecordingsRoute() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.data?.role !== 'admin') return <Alert>{t('errors.forbidden')}</Alert>;
  return (
    <>
      <title>{`${t('catalogue.title')} · ${t('app.name')}`}</title>
      <RecordingsCatalogue />
    </>
  );
}
