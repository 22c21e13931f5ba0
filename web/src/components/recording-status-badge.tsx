import { useTranslation } from 'react-i18next';
import type { RecordingStatus } from '@/lib/api-types';

export function RecordingStatusBadge({ status }: { status: RecordingStatus }) {
  const { t } = useTranslation();
  return <span className={`badge badge--${status}`}>{t(`recordingStatus.${status}`)}</span>;
}
