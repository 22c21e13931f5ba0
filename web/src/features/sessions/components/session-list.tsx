import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '@/hooks/use-formatters';
import type { SessionSummary } from '@/lib/api-types';
import { SessionRecordingBadge } from './session-recording-badge';
import { paths } from '@/config/paths';

export function SessionList({ sessions }: { sessions: SessionSummary[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (sessions.length === 0) return <p className="empty">{t('sessions.empty')}</p>;

  return (
    <ul className="card-list">
      {sessions.map((session) => (
        <li key={session.id} className="card session-card">
          <h2 className="card__title">
            <Link to={paths.session.getHref(session.id)}>
              <bdi dir="auto">{session.title}</bdi>
            </Link>
          </h2>
          <dl className="facts">
            <div>
              <dt>{t('sessions.kind')}</dt>
              <dd>{t(`sessionKind.${session.kind}`)}</dd>
            </div>
            <div>
              <dt>{t('sessions.scheduledAt')}</dt>
              <dd>
                <time dateTime={session.scheduledAt}>{format.dateTime(session.scheduledAt)}</time>
              </dd>
            </div>
            <div>
              <dt>{t('sessions.status')}</dt>
              <dd>{t(`sessionStatus.${session.status}`)}</dd>
            </div>
          </dl>
          <SessionRecordingBadge session={session} />
        </li>
      ))}
    </ul>
  );
}
