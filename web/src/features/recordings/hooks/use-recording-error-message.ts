import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import type { CannotRecordReason } from '@/lib/api-types';
import { genericErrorKey } from '@/lib/errors';
import { useCannotRecordReason } from './use-cannot-record-reason';

/** The API's problem `code`s for a Start the session refuses (422), as `cannotRecordReason`s. */
const reasonByCode: Readonly<Record<string, CannotRecordReason>> = {
  'recording.disabled': 'recording_disabled',
  'recording.session_not_ready': 'session_not_ready',
  'recording.no_meeting_room': 'no_meeting_room',
  'recording.already_active': 'already_recording',
};

/**
 * Teacher-friendly sentence for a failed Start or Stop. Known API problems get specific words (by `code`,
 * else by status); the rest fall back to the generic messages (network, 403, 502/503/504 `livekit.*`, …).
 */
export function useRecordingErrorMessage() {
  const { t } = useTranslation();
  const describeReason = useCannotRecordReason();
  return (error: unknown, action: 'start' | 'stop', fallbackReason: string | null): string => {
    if (isApiError(error)) {
      if (error.code === 'recording.already_active') return t('recordingPanel.error.alreadyRecording');
      if (error.code === 'recording.not_active') return t('recordingPanel.error.notRecording');
      if (error.status === 409) {
        return action === 'start'
          ? t('recordingPanel.error.alreadyRecording')
          : t('recordingPanel.error.notRecording');
      }
      if (error.status === 422) return describeReason((error.code && reasonByCode[error.code]) || fallbackReason);
      if (error.status === 403) return t('recordingPanel.error.forbidden');
    }
    return t(genericErrorKey(error));
  };
}
