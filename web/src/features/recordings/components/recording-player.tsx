/* eslint-disable jsx-a11y/media-has-caption -- recordings of live classes come without a caption track; the API offers none */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { QueryError } from '@/components/ui/query-error';
import { useFormatters } from '@/hooks/use-formatters';
import type { Recording } from '@/lib/api-types';
import { useRecording } from '../api/get-recording';
import { paths } from '@/config/paths';

const audioFormats = new Set(['ogg', 'oga', 'opus', 'mp3', 'm4a', 'aac', 'wav', 'flac', 'weba']);

export function isAudioFormat(format: string | undefined): boolean {
  if (!format) return false;
  const value = format.toLowerCase().replace(/^\./, '');
  return value.startsWith('audio/') || audioFormats.has(value) || value === 'application/ogg';
}

function Media({ recording }: { recording: Recording }) {
  const { t } = useTranslation();
  if (recording.status === 'recording' || recording.status === 'processing') {
    return <Alert tone="info">{t('player.notReady')}</Alert>;
  }
  if (recording.status === 'failed') return <Alert>{t('player.failed')}</Alert>;
  if (recording.status === 'deleted') return <Alert tone="info">{t('player.deleted')}</Alert>;
  if (!recording.streamUrl) return <Alert>{t('player.unavailable')}</Alert>;

  // The signed URLs are used as they are: the browser streams and downloads straight from storage.
  return (
    <div className="player">
      {isAudioFormat(recording.file?.format) ? (
        <audio controls src={recording.streamUrl} className="player__media" aria-label={recording.displayName} />
      ) : (
        <video controls src={recording.streamUrl} className="player__media" aria-label={recording.displayName} />
      )}
      {recording.downloadUrl && (
        <a className="button button--secondary" href={recording.downloadUrl} download={recording.file?.name ?? true}>
          {t('player.download')}
        </a>
      )}
    </div>
  );
}

export function RecordingPlayer({ recordingId }: { recordingId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const query = useRecording(recordingId);

  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const recording = query.data;

  return (
    <article className="stack">
      <header className="page-header">
        <p>
          <Link to={paths.session.getHref(recording.sessionId)}>{t('player.backToSession')}</Link>
        </p>
        <h1>
          <bdi dir="auto">{recording.displayName}</bdi>
        </h1>
        <dl className="facts">
          <div>
            <dt>{t('player.recordedAt')}</dt>
            <dd>
              <time dateTime={recording.startedAt}>{format.dateTime(recording.startedAt)}</time>
            </dd>
          </div>
          {recording.durationSeconds !== null && (
            <div>
              <dt>{t('player.duration')}</dt>
              <dd>{format.clock(recording.durationSeconds)}</dd>
            </div>
          )}
          {recording.file && (
            <div>
              <dt>{t('player.size')}</dt>
              <dd>{format.bytes(recording.file.sizeBytes)}</dd>
            </div>
          )}
        </dl>
      </header>
      <Media recording={recording} />
    </article>
  );
}
