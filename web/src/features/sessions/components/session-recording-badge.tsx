import { useTranslation } from 'react-i18next';
import type { SessionSummary } from '@/lib/api-types';

type BadgeInput = Pick<SessionSummary, 'isRecording' | 'latestRecordingStatus' | 'recordingCount'>;

/** `● Recording`, `Processing…` or `n recordings`; nothing for a session never recorded. */
export function SessionRecordingBadge({ session }: { session: BadgeInput }) {
  const { t } = useTranslation();
  if (session.isRecording || session.latestRecordingStatus === 'recording') {
    return <span className="badge badge--recording">{t('sessions.badgeRecording')}</span>;
  }
  if (session.latestRecordingStatus === 'processing') {
    return <span className="badge badge--processing">{t('sessions.badgeProcessing')}</span>;
  }
  if (session.recordingCount > 0) {
    return <span className="badge">{t('sessions.badgeCount', { count: session.recordingCount })}</span>;
  }
  return null;
}
