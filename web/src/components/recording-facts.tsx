import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/hooks/use-formatters';
import type { Recording } from '@/lib/api-types';

/** What a list shows of a recording under its name: its class type, start, length and, where asked, its size. */
export function RecordingFacts({ recording, withSize = false }: { recording: Recording; withSize?: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <dl className="facts">
      <div>
        <dt>{t('catalogue.kind')}</dt>
        <dd>{t(`sessionKind.${recording.sessionKind}`)}</dd>
      </div>
      <div>
        <dt>{t('catalogue.startedAt')}</dt>
        <dd>
          <time dateTime={recording.startedAt}>{format.dateTime(recording.startedAt)}</time>
        </dd>
      </div>
      <div>
        <dt>{t('recordings.duration')}</dt>
        <dd>{recording.durationSeconds === null ? '—' : format.clock(recording.durationSeconds)}</dd>
      </div>
      {withSize && (
        <div>
          <dt>{t('recordings.size')}</dt>
          <dd>{recording.file ? format.bytes(recording.file.sizeBytes) : '—'}</dd>
        </div>
      )}
    </dl>
  );
}
