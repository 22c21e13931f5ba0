import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import type { Recording, SessionDetail } from '@/lib/api-types';
import { useSessionRecordings } from '../api/get-session-recordings';
import { useStartRecording } from '../api/start-recording';
import { useStopRecording } from '../api/stop-recording';
import { MarkMoment } from './mark-moment';
import { useCannotRecordReason } from '../hooks/use-cannot-record-reason';
import { useRecordingErrorMessage } from '../hooks/use-recording-error-message';
import { LiveIndicator } from './live-indicator';
import { paths } from '@/config/paths';

function newestFirst(recordings: Recording[]): Recording[] {
  return [...recordings].sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));
}

function latestCompleted(recordings: Recording[] | undefined): Recording | undefined {
  return newestFirst(recordings ?? []).find((r) => r.status === 'completed');
}

/**
 * Start/Stop for those allowed to control recording, and the recording state for everyone.
 * The session detail it is given is polled by its query while a recording is running or being processed.
 */
export function RecordingPanel({ session }: { session: SessionDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  const reasonId = useId();
  const start = useStartRecording(session.id);
  const stop = useStopRecording(session.id);
  const describeReason = useCannotRecordReason();
  const describeError = useRecordingErrorMessage();
  const { canControlRecording, canAccessRecordings } = session.permissions;
  const recordings = useSessionRecordings(session.id, { enabled: canAccessRecordings });

  // The API says what the panel shows (recording, processing, available, failed or idle) for this user.
  const state = session.recordingAvailability;
  const ready = state === 'available' && canAccessRecordings ? latestCompleted(recordings.data) : undefined;
  const startedAt = session.activeRecording?.startedAt;
  const failedAction = start.isError ? 'start' : stop.isError ? 'stop' : null;
  const recording = state === 'recording';
  const cannotRecord = !session.canBeRecorded && !recording;
  const pending = start.isPending || stop.isPending;

  return (
    <section className="panel recording-panel" aria-labelledby={headingId} data-testid="recording-panel">
      <h2 id={headingId}>{t('recordingPanel.heading')}</h2>

      <p
        className={`recording-panel__status recording-panel__status--${state}`}
        role="status"
        aria-live="polite"
        data-testid="recording-status"
        data-state={state}
      >
        {t(`recordingPanel.state.${state}`)}
      </p>

      {recording && startedAt && <LiveIndicator startedAt={startedAt} />}

      {ready && (
        <p>
          <Link to={paths.recording.getHref(ready.id)}>{t('recordingPanel.watch')}</Link>
        </p>
      )}

      {failedAction && (
        <Alert>
          {describeError(failedAction === 'start' ? start.error : stop.error, failedAction, session.cannotRecordReason)}
        </Alert>
      )}

      {canControlRecording && (
        <div className="recording-panel__actions">
          {/* One button, relabelled from Start to Stop and back, so the keyboard focus stays on it. While an
              action is pending it is aria-disabled, not disabled: browsers move the focus off a disabled button. */}
          <button
            type="button"
            className={`button ${recording ? 'button--danger' : 'button--primary'}`}
            data-testid={recording ? 'stop-recording' : 'start-recording'}
            disabled={cannotRecord}
            aria-disabled={pending || undefined}
            aria-describedby={cannotRecord ? reasonId : undefined}
            onClick={() => {
              if (pending) return;
              if (recording) {
                start.reset();
                stop.mutate();
              } else {
                stop.reset();
                start.mutate();
              }
            }}
          >
            {recording
              ? t(stop.isPending ? 'recordingPanel.stopping' : 'recordingPanel.stop')
              : t(start.isPending ? 'recordingPanel.starting' : 'recordingPanel.start')}
          </button>
          {cannotRecord && (
            <p id={reasonId} className="recording-panel__reason">
              {describeReason(session.cannotRecordReason)}
            </p>
          )}
        </div>
      )}

      {canControlRecording && recording && <MarkMoment sessionId={session.id} />}
    </section>
  );
}
