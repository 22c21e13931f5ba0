import { Trans, useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { QueryError } from '@/components/ui/query-error';
import { useFormatters } from '@/hooks/use-formatters';
import { useRecordingAudit } from '../api/get-recording-audit';

interface AuditTrailProps {
  recordingId: string;
  recordingName: string;
  id: string;
}

export function AuditTrail({ recordingId, recordingName, id }: AuditTrailProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const audit = useRecordingAudit(recordingId);

  return (
    <div id={id} className="audit">
      <h4 className="audit__heading">{t('catalogue.audit.heading')}</h4>
      {audit.isPending ? (
        <Loading />
      ) : audit.isError ? (
        <QueryError error={audit.error} onRetry={() => void audit.refetch()} />
      ) : audit.data.length === 0 ? (
        <p className="empty">{t('catalogue.audit.empty')}</p>
      ) : (
        <ol className="audit__list" aria-label={t('catalogue.historyNamed', { name: recordingName })}>
          {audit.data.map((entry, index) => (
            <li key={`${entry.at}-${entry.action}-${index}`}>
              <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>{' '}
              <strong>{t(`catalogue.audit.action.${entry.action}`)}</strong>{' '}
              <span>
                {entry.userName ? (
                  <Trans i18nKey="catalogue.audit.by" values={{ name: entry.userName }} components={{ bdi: <bdi dir="auto" /> }} />
                ) : (
                  t('catalogue.audit.bySystem')
                )}
              </span>
              {entry.details && <span className="audit__details"> — {entry.details}</span>}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
