import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/hooks/use-formatters';
import { isoDuration } from '@/lib/format';
import { useElapsedSeconds } from '../hooks/use-elapsed-seconds';

/**
 * Pulsing red dot, "Recording" and the running time. The time is a `timer` (not announced every
 * second); status changes are announced by the panel's live region instead.
 */
export function LiveIndicator({ startedAt }: { startedAt: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const elapsed = useElapsedSeconds(startedAt);
  return (
    <p className="live-indicator" data-testid="live-indicator">
      <span className="live-indicator__dot" aria-hidden="true" />
      <span className="live-indicator__label">{t('recordingPanel.live')}</span>
      <time
        className="live-indicator__time"
        role="timer"
        aria-label={t('recordingPanel.elapsed')}
        dateTime={isoDuration(elapsed)}
      >
        {format.clock(elapsed)}
      </time>
    </p>
  );
}
