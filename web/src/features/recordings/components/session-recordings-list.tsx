import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RecordingPoster } from '@/components/recording-poster';
import { RecordingStatusBadge } from '@/components/recording-status-badge';
import { Loading } from '@/components/ui/loading';
import { QueryError } from '@/components/ui/query-error';
import { useFormatters } from '@/hooks/use-formatters';
import { useSessionRecordings } from '../api/get-session-recordings';
import { paths } from '@/config/paths';

/** The session's recordings, for those who may access them; polls by itself while one is in flight. */
export function SessionRecordingsList({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const headingId = useId();
  const recordings = useSessionRecordings(sessionId);

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('recordings.heading')}</h2>
      {recordings.isPending ? (
        <Loading />
      ) : recordings.isError ? (
        <QueryError error={recordings.error} onRetry={() => void recordings.refetch()} />
      ) : recordings.data.length === 0 ? (
        <p className="empty">{t('recordings.empty')}</p>
      ) : (
        // The table may scroll sideways on a phone; a focusable region lets keyboard users scroll it.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        <div className="table-scroll" role="region" aria-labelledby={headingId} tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('recordings.name')}</th>
                <th scope="col">{t('recordings.date')}</th>
                <th scope="col">{t('recordings.duration')}</th>
                <th scope="col">{t('recordings.size')}</th>
                <th scope="col">{t('recordings.status')}</th>
              </tr>
            </thead>
            <tbody>
              {recordings.data.map((recording) => (
                <tr key={recording.id}>
                  <th scope="row">
                    <span className="recording-name">
                      <RecordingPoster posterUrl={recording.posterUrl} />
                      {recording.status === 'completed' ? (
                        <Link to={paths.recording.getHref(recording.id)}>
                          <bdi dir="auto">{recording.displayName}</bdi>
                        </Link>
                      ) : (
                        <bdi dir="auto">{recording.displayName}</bdi>
                      )}
                    </span>
                  </th>
                  <td>
                    <time dateTime={recording.startedAt}>{format.dateTime(recording.startedAt)}</time>
                  </td>
                  <td className="numeric">
                    {recording.durationSeconds === null ? '—' : format.clock(recording.durationSeconds)}
                  </td>
                  <td className="numeric">{recording.file ? format.bytes(recording.file.sizeBytes) : '—'}</td>
                  <td>
                    <RecordingStatusBadge status={recording.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
