import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading } from '@/components/ui/loading';
import { QueryError } from '@/components/ui/query-error';
import { RecordingPanel } from '@/features/recordings/components/recording-panel';
import { SessionRecordingsList } from '@/features/recordings/components/session-recordings-list';
import { SessionAttendance } from '@/features/learning/components/session-attendance';
import { useSession } from '@/features/sessions/api/get-session';
import { SessionHeader } from '@/features/sessions/components/session-header';
import { paths } from '@/config/paths';

export function SessionRoute() {
  const { t } = useTranslation();
  const { sessionId = '' } = useParams();
  const session = useSession(sessionId);

  return (
    <div className="stack">
      <p>
        <Link to={paths.home.getHref()}>{t('sessions.backToList')}</Link>
      </p>
      {session.isPending ? (
        <Loading />
      ) : session.isError ? (
        <QueryError error={session.error} onRetry={() => void session.refetch()} />
      ) : (
        <>
          <title>{`${session.data.title} · ${t('app.name')}`}</title>
          <SessionHeader session={session.data} />
          <RecordingPanel session={session.data} />
          {session.data.permissions.canAccessRecordings && <SessionRecordingsList sessionId={session.data.id} canRename={session.data.permissions.canControlRecording} />}
          {session.data.permissions.canControlRecording && <SessionAttendance sessionId={session.data.id} />}
        </>
      )}
    </div>
  );
}
