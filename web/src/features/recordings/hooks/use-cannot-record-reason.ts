import { useTranslation } from 'react-i18next';
import type { CannotRecordReason } from '@/lib/api-types';

const reasons: readonly CannotRecordReason[] = [
  'recording_disabled',
  'session_not_ready',
  'no_meeting_room',
  'already_recording',
];

function isKnownReason(code: string): code is CannotRecordReason {
  return (reasons as readonly string[]).includes(code);
}

/** `cannotRecordReason` codes in words; an unknown or missing code gets a general sentence. */
export function useCannotRecordReason() {
  const { t } = useTranslation();
  return (code: string | null): string =>
    code && isKnownReason(code) ? t(`recordingPanel.reason.${code}`) : t('recordingPanel.reason.unknown');
}
