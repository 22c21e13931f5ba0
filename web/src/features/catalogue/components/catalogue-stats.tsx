import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordingStatusBadge } from '@/components/recording-status-badge';
import { QueryError } from '@/components/ui/query-error';
import { useFormatters } from '@/hooks/use-formatters';
import { useCatalogueStats } from '../api/get-catalogue-stats';
import { recordingStatuses, type CatalogueFilters } from '../hooks/use-catalogue-filters';

export function CatalogueStats({ filters }: { filters: CatalogueFilters }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const headingId = useId();
  const stats = useCatalogueStats(filters);

  return (
    <section aria-labelledby={headingId} className="stats" aria-busy={stats.isFetching}>
      <h2 id={headingId} className="visually-hidden">
        {t('catalogue.stats.heading')}
      </h2>
      {stats.isError ? (
        <QueryError error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <dl className="stats__cards">
          <div className="stat-card" data-testid="stat-total">
            <dt>{t('catalogue.stats.total')}</dt>
            <dd className="stat-card__value">{stats.data ? format.number(stats.data.total) : '—'}</dd>
            {stats.data && (
              <dd>
                <ul className="stat-card__breakdown">
                  {recordingStatuses.map((status) => (
                    <li key={status}>
                      <RecordingStatusBadge status={status} /> {format.number(stats.data.byStatus[status])}
                    </li>
                  ))}
                </ul>
              </dd>
            )}
          </div>
          <div className="stat-card" data-testid="stat-hours">
            <dt>{t('catalogue.stats.totalHours')}</dt>
            <dd className="stat-card__value">{stats.data ? format.hours(stats.data.totalDurationSeconds) : '—'}</dd>
          </div>
          <div className="stat-card" data-testid="stat-size">
            <dt>{t('catalogue.stats.totalSize')}</dt>
            <dd className="stat-card__value">{stats.data ? format.bytes(stats.data.totalBytes) : '—'}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}
