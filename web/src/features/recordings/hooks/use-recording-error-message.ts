import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import { genericErrorKey } from '@/lib/errors';
import { useCannotRecordReason } from './use-cannot-record-reason';

/**
 * Teacher-friendly sentence for a failed Start or Stop. Known API problems get specific words; the rest
 * fall back to the generic messages (network, 403, 5xx, …).
 */
export function useRecordingErrorMessage() {
  const { t } = useTranslation();
  const describeReason = useCannotRecordReason();
  return (error: unknown, action: 'start' | 'stop', fallbackReason: string | null): string => {
    if (isApiError(error)) {
      if (error.status === 409) {
        return action === 'start'
          ? t('recordingPanel.error.alreadyRecording')
          : t('recordingPanel.error.notRecording');
      }
      if (error.status === 422) return describeReason(reasonFromCode(error.code) ?? fallbackReason);
      if (error.status === 403) return t('recordingPanel.error.forbidden');
    }
    return t(genericErrorKey(error));
  };
}

const knownReasons = ['recording_disabled', 'session_not_ready', 'no_meeting_room', 'already_recording'];

/** Problem `code`s may be namespaced ("recording.session_not_ready"); the reason is the known suffix. */
function reasonFromCode(code: string | undefined): string | null {
  if (!code) return null;
  const normalised = code.toLowerCase().replace(/[.-]/g, '_');
  return knownReasons.find((reason) => normalised.endsWith(reason)) ?? null;
}
