/* eslint-disable jsx-a11y/media-has-caption -- a recording has captions only once its teacher uploads a transcript */
import { useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react';
import {
  MediaCaptionsButton,
  MediaControlBar,
  MediaController,
  MediaFullscreenButton,
  MediaMuteButton,
  MediaPlayButton,
  MediaSeekBackwardButton,
  MediaSeekForwardButton,
  MediaTimeDisplay,
  MediaTimeRange,
  MediaVolumeRange,
} from 'media-chrome/react';
import './media-chrome-ar';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { QueryError } from '@/components/ui/query-error';
import { useFormatters } from '@/hooks/use-formatters';
import type { Recording, RecordingPart } from '@/lib/api-types';
import { useRecording } from '../api/get-recording';
import { transcriptTrackUrl, useTranscripts } from '../api/transcripts';
import { paths } from '@/config/paths';
import {
  handlePlayerKey,
  loadPlaybackPreferences,
  playbackRates,
  savePlaybackPreferences,
} from './playback-preferences';
import { hasMediaSource, useHlsJs, videoPlaybackOf, type VideoPlayback } from './hls-playback';
import { useWatchProgress } from './use-watch-progress';
import { RecordingMarks } from './recording-marks';

const audioFormats = new Set(['ogg', 'oga', 'opus', 'mp3', 'm4a', 'aac', 'wav', 'flac', 'weba']);

export function isAudioFormat(format: string | undefined): boolean {
  if (!format) return false;
  const value = format.toLowerCase().replace(/^\./, '');
  return value.startsWith('audio/') || audioFormats.has(value) || value === 'application/ogg';
}

/**
 * The audio to play: the original where the browser plays Ogg/Opus, else its AAC copy once made (Safari before
 * iOS 18.4 plays no Opus), else the original all the same.
 */
export function audioSourceOf(recording: Recording, canPlay: (type: string) => string): string | null {
  const original = recording.streamUrl;
  if (!recording.aacUrl || canPlay('audio/ogg; codecs="opus"') !== '') return original;
  return recording.aacUrl;
}

/**
 * The parts to play one after the other: those of a recording LiveKit cut at its time limit, until they are joined
 * into one file (then that file plays, as any recording's). Null for a recording of one file or once joined.
 */
export function partsInSequence(recording: Recording): RecordingPart[] | null {
  return recording.parts.length > 0 && recording.joinState !== 'done' ? recording.parts : null;
}

/** The video element's own source: none while hls.js feeds it, the playlist for the browser's own HLS, else the file. */
function videoSourceOf(recording: Recording, playback: VideoPlayback, streamUrl: string | null): string | undefined {
  if (playback === 'hls.js') return undefined;
  return (playback === 'native-hls' ? recording.hlsUrl : streamUrl) ?? undefined;
}

const canPlayType = (type: string) => document.createElement('audio').canPlayType(type);
const videoCanPlayType = (type: string) => document.createElement('video').canPlayType(type);

/** A failed load is retried with fresh links at most this often, so a file that is really broken does not loop. */
const relinkInterval = 10_000;

/**
 * Keeps a player going when its links run out: the signed link (and the store's presigned URL it leads to) last
 * minutes, a class hours. When the media element fails, the recording is fetched again for fresh links, and playback
 * resumes where it stopped, playing if it was.
 */
function useFreshLinksOnError(refresh: () => unknown) {
  const resume = useRef<{ time: number; playing: boolean } | null>(null);
  const lastRelink = useRef(0);
  const relinkFrom = (media: HTMLMediaElement) => {
    const now = Date.now();
    if (now - lastRelink.current < relinkInterval) return;
    lastRelink.current = now;
    resume.current = { time: media.currentTime, playing: !media.paused || media.autoplay };
    void refresh();
  };
  return {
    relinkFrom,
    onError: (event: SyntheticEvent<HTMLMediaElement>) => relinkFrom(event.currentTarget),
    onLoadedMetadata: (event: SyntheticEvent<HTMLMediaElement>) => {
      const at = resume.current;
      if (!at) return;
      resume.current = null;
      const media = event.currentTarget;
      media.currentTime = at.time;
      if (at.playing) void media.play().catch(() => undefined);
    },
  };
}

/**
 * The speed and volume this browser last used, applied to each media element as it loads and saved as they change;
 * the speed also from the player's own control and shortcuts.
 */
function usePlaybackPreferences() {
  const media = useRef<HTMLMediaElement | null>(null);
  const [element, setElement] = useState<HTMLMediaElement | null>(null);
  const [rate, setRateState] = useState(() => loadPlaybackPreferences().rate);
  const setRate = (next: number) => {
    setRateState(next);
    if (media.current) media.current.playbackRate = next;
  };
  const save = (element: HTMLMediaElement) =>
    savePlaybackPreferences({ rate: element.playbackRate, volume: element.volume });
  return {
    media,
    element,
    attach: (attached: HTMLMediaElement | null) => {
      media.current = attached;
      setElement(attached);
    },
    rate,
    setRate,
    apply: (element: HTMLMediaElement) => {
      const stored = loadPlaybackPreferences();
      element.playbackRate = stored.rate;
      element.volume = stored.volume;
    },
    onRateChange: (event: SyntheticEvent<HTMLMediaElement>) => {
      setRateState(event.currentTarget.playbackRate);
      save(event.currentTarget);
    },
    onVolumeChange: (event: SyntheticEvent<HTMLMediaElement>) => {
      save(event.currentTarget);
    },
  };
}

function Media({ recording, refresh }: { recording: Recording; refresh: () => unknown }) {
  const { t, i18n } = useTranslation();
  const relink = useFreshLinksOnError(refresh);
  const playback = usePlaybackPreferences();
  const video = playback.element instanceof HTMLVideoElement ? playback.element : null;
  const videoPlayback = videoPlaybackOf(recording.hlsUrl, videoCanPlayType, hasMediaSource());
  useHlsJs(video, recording.hlsUrl, recording.streamUrl ?? '', videoPlayback === 'hls.js', relink.relinkFrom);
  const parts = partsInSequence(recording);
  const transcripts = useTranscripts(recording.id, true);
  const [partIndex, setPartIndex] = useState(0);
  const part = parts?.[Math.min(partIndex, parts.length - 1)] ?? null;
  const streamUrl = part ? part.streamUrl : recording.streamUrl;
  // Progress is kept on the whole recording's timeline, which parts played one by one do not have.
  useWatchProgress(recording.id, recording.progressUrl, playback.element, recording.status === 'completed' && parts === null);
  if (recording.status === 'recording' || recording.status === 'processing') {
    return <Alert tone="info">{t('player.notReady')}</Alert>;
  }
  if (recording.status === 'failed') return <Alert>{t('player.failed')}</Alert>;
  if (recording.status === 'deleted') return <Alert tone="info">{t('player.deleted')}</Alert>;
  if (!recording.streamUrl) return <Alert>{t('player.unavailable')}</Alert>;

  const mediaProps = {
    ref: playback.attach,
    className: 'player__media',
    'aria-label': recording.displayName,
    onError: relink.onError,
    onLoadedMetadata(event: SyntheticEvent<HTMLMediaElement>) {
      playback.apply(event.currentTarget);
      relink.onLoadedMetadata(event);
    },
    onRateChange: playback.onRateChange,
    onVolumeChange: playback.onVolumeChange,
    // The next part follows the one that ended, playing at once.
    autoPlay: part !== null && partIndex > 0,
    onEnded() {
      if (parts && partIndex < parts.length - 1) setPartIndex(partIndex + 1);
    },
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (!playback.media.current || ['SELECT', 'INPUT', 'TEXTAREA', 'BUTTON', 'A'].includes(target.tagName)) return;
    // The control bar's own buttons and seek bar answer their keys themselves (Space, Enter, the arrows).
    if (target.closest('media-control-bar')) return;
    if (handlePlayerKey(event.key, playback.media.current, playback.setRate)) event.preventDefault();
  };

  // The signed URLs are used as they are: the API checks them and sends the file, or redirects to the object store.
  // A video streams its HLS packaging once made (hls.js, or the browser's own HLS), else its original file.
  return (
    // The shortcuts work while the player (or its media) has the focus; each also has a control of its own.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <div className="player" onKeyDown={onKeyDown}>
      {isAudioFormat(recording.file?.format) ? (
        <>
          {recording.posterUrl && <img className="player__waveform" src={recording.posterUrl} alt="" width={1280} height={360} />}
          <audio src={(part ? part.streamUrl : audioSourceOf(recording, canPlayType)) ?? undefined} controls {...mediaProps} />
        </>
      ) : (
        // Media Chrome's controls, the seek bar showing the still of the moment under the pointer; the keyboard
        // shortcuts are the player's own (below), so the controller's are off.
        <MediaController className="player__chrome" noHotkeys lang={i18n.language}>
          <video
            slot="media"
            src={videoSourceOf(recording, videoPlayback, streamUrl)}
            poster={recording.posterUrl ?? undefined}
            data-playback={videoPlayback}
            {...mediaProps}
          >
            {recording.previewsUrl && <track kind="metadata" label="thumbnails" src={recording.previewsUrl} default />}
            {parts === null && <track kind="chapters" label={t('marks.heading')} src={`/api/recordings/${encodeURIComponent(recording.id)}/chapters`} default />}
            {parts === null &&
              transcripts.data?.map((transcript) => (
                <track
                  key={transcript.language}
                  kind="captions"
                  srcLang={transcript.language}
                  label={t(`transcripts.language.${transcript.language}`)}
                  src={transcriptTrackUrl(recording.id, transcript.language)}
                />
              ))}
          </video>
          <MediaControlBar>
            <MediaPlayButton />
            <MediaSeekBackwardButton seekOffset={10} />
            <MediaSeekForwardButton seekOffset={10} />
            <MediaTimeRange />
            {/* Times read left to right in Arabic too ("0:05 / 0:12"), as the page's other times do. */}
            <MediaTimeDisplay showDuration dir="ltr" />
            <MediaCaptionsButton />
            <MediaMuteButton />
            <MediaVolumeRange />
            <MediaFullscreenButton />
          </MediaControlBar>
        </MediaController>
      )}
      {parts && part && (
        <div className="player__parts">
          <p>{t('player.inParts', { count: parts.length })}</p>
          <ol className="player__part-list">
            {parts.map((each, index) => (
              <li key={each.number}>
                <button
                  type="button"
                  className="button button--secondary"
                  aria-current={each === part ? 'true' : undefined}
                  onClick={() => setPartIndex(index)}
                >
                  {t('player.part', { number: each.number, count: parts.length })}
                </button>
              </li>
            ))}
          </ol>
        </div>
      )}
      <div className="player__controls">
        <label className="player__speed">
          {t('player.speed')}
          <select value={playback.rate} onChange={(event) => playback.setRate(Number(event.target.value))}>
            {playbackRates.map((rate) => (
              <option key={rate} value={rate}>
                {t('player.rate', { rate })}
              </option>
            ))}
          </select>
        </label>
        <p className="player__shortcuts">{t('player.shortcuts')}</p>
      </div>
      {parts === null && <RecordingMarks recordingId={recording.id} media={playback.element} />}
      {recording.downloadUrl && !parts && (
        <a className="button button--secondary" href={recording.downloadUrl} download={recording.file?.name ?? true}>
          {t('player.download')}
        </a>
      )}
      {recording.parts.length > 0 && (
        <ul className="player__downloads">
          {recording.parts.map(
            (each) =>
              each.downloadUrl && (
                <li key={each.number}>
                  <a href={each.downloadUrl} download>
                    {t('player.downloadPart', { number: each.number, count: recording.parts.length })}
                  </a>
                </li>
              ),
          )}
        </ul>
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
      <Media recording={recording} refresh={() => query.refetch()} />
    </article>
  );
}
