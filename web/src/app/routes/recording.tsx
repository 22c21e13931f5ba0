import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { RecordingPlayer } from '@/features/recordings/components/recording-player';

/** Lazy-loaded: the player is its own chunk. */
export function RecordingRoute() {
  const { t } = useTranslation();
  const { recordingId = '' } = useParams();
  return (
    <>
      <title>{`${t('player.title')} · ${t('app.name')}`}</title>
      <RecordingPlayer recordingId={recordingId} />
    </>
  );
}
