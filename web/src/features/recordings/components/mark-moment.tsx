import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/hooks/use-formatters';
import { useMarkMoment } from '../api/recording-marks';

/**
 * "Mark this moment" while the class is recorded: an optional label (a surah and its ayat, a topic) and a button;
 * the moment becomes a chapter of the recording. Says where the last one landed.
 */
export function MarkMoment({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const labelId = useId();
  const [label, setLabel] = useState('');
  const mark = useMarkMoment(sessionId);

  return (
    <form
      className="mark-moment"
      onSubmit={(event) => {
        event.preventDefault();
        if (mark.isPending) return;
        mark.mutate(label, { onSuccess: () => setLabel('') });
      }}
    >
      <label htmlFor={labelId}>{t('marks.label')}</label>
      <input id={labelId} value={label} maxLength={200} onChange={(event) => setLabel(event.target.value)} placeholder={t('marks.placeholder')} />
      <button type="submit" className="button button--secondary" aria-disabled={mark.isPending || undefined}>
        {t('marks.markMoment')}
      </button>
      <p role="status" aria-live="polite" className="mark-moment__status">
        {mark.isSuccess && t('marks.marked', { label: mark.data.label, at: format.clock(mark.data.atSeconds) })}
        {mark.isError && t('marks.failed')}
      </p>
    </form>
  );
}
