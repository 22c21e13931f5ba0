import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { QueryError } from '@/components/ui/query-error';
import { useSessions } from '@/features/sessions/api/get-sessions';
import { SessionList } from '@/features/sessions/components/session-list';

export function SessionsRoute() {
  const { t } = useTranslation();
  const sessions = useSessions();
  return (
    <div className="stack">
      <title>{`${t('sessions.title')} · ${t('app.name')}`}</title>
      <h1>{t('sessions.title')}</h1>
      {sessions.isPending ? (
        <Loading />
      ) : sessions.isError ? (
        <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <SessionList sessions={sessions.data} />
      )}
    </div>
  );
}
