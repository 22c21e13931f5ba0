import { useId, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { LoadMore } from '@/components/ui/load-more';
import { Loading } from '@/components/ui/loading';
import { QueryError } from '@/components/ui/query-error';
import type { Recording } from '@/lib/api-types';
import { useCatalogueRecordings } from '../api/get-catalogue-recordings';
import { useCatalogueFilters } from '../hooks/use-catalogue-filters';
import { CatalogueFilters } from './catalogue-filters';
import { CatalogueItem } from './catalogue-item';
import { CatalogueStats } from './catalogue-stats';
import { DeleteRecordingDialog } from './delete-recording-dialog';

/** The admin's view of every recording of the academy: filters, totals, pages, delete and history. */
export function RecordingsCatalogue() {
  const { t } = useTranslation();
  const resultsId = useId();
  const { filters, setFilters, clearFilters } = useCatalogueFilters();
  const recordings = useCatalogueRecordings(filters);
  const [toDelete, setToDelete] = useState<Recording | null>(null);
  const [deletedName, setDeletedName] = useState<string | null>(null);

  const items = recordings.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="stack">
      <h1>{t('catalogue.title')}</h1>
      <CatalogueFilters
        filters={filters}
        onChange={(change) => {
          setDeletedName(null);
          setFilters(change);
        }}
        onClear={clearFilters}
      />
      <CatalogueStats filters={filters} />

      <div role="status" aria-live="polite" className="catalogue__announcer">
        {deletedName && (
          <Trans i18nKey="catalogue.deleted" values={{ name: deletedName }} components={{ bdi: <bdi dir="auto" /> }} />
        )}
      </div>

      <section aria-labelledby={resultsId}>
        <h2 id={resultsId}>{t('catalogue.results')}</h2>
        {recordings.isPending ? (
          <Loading />
        ) : recordings.isError && !recordings.data ? (
          <QueryError error={recordings.error} onRetry={() => void recordings.refetch()} />
        ) : items.length === 0 ? (
          <p className="empty">{t('catalogue.empty')}</p>
        ) : (
          <>
            <p className="muted">{t('catalogue.shown', { count: items.length })}</p>
            <ul className="card-list">
              {items.map((recording) => (
                <CatalogueItem key={recording.id} recording={recording} onDelete={setToDelete} />
              ))}
            </ul>
            <LoadMore pages={recordings} />
          </>
        )}
      </section>

      {toDelete && (
        <DeleteRecordingDialog
          recording={toDelete}
          onClose={() => setToDelete(null)}
          onDeleted={(recording) => {
            setToDelete(null);
            setDeletedName(recording.displayName);
          }}
        />
      )}
    </div>
  );
}

