import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '@/hooks/use-formatters';
import type { SessionSummary } from '@/lib/api-types';
import { SessionRecordingBadge } from './session-recording-badge';
import { paths } from '@/config/paths';

const isOver = (session: SessionSummary) => session.status === 'completed' || session.status === 'cancelled';

/** The classes to come or under way, then those that are over (the API's order), each under its own heading. */
export function SessionList({ sessions }: { sessions: SessionSummary[] }) {
  const { t } = useTranslation();
  if (sessions.length === 0) return <p className="empty">{t('sessions.empty')}</p>;
  const coming = sessions.filter((session) => !isOver(session));
  const over = sessions.filter(isOver);

  return (
    <>
      {coming.length > 0 && <SessionGroup heading={t('sessions.coming')} sessions={coming} />}
      {over.length > 0 && <SessionGroup heading={t('sessions.over')} sessions={over} />}
    </>
  );
}

function SessionGroup({ heading, sessions }: { heading: string; sessions: SessionSummary[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const headingId = useId();

  return (
    <section aria-labelledby={headingId} className="session-group">
      <h2 id={headingId}>{heading}</h2>
      <ul className="card-list">
      {sessions.map((session) => (
        <li key={session.id} className="card session-card">
          <h3 className="card__title">
            <Link to={paths.session.getHref(session.id)}>
              <bdi dir="auto">{session.title}</bdi>
            </Link>
          </h3>
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
    </section>
  );
}
