import { useId, useState, type ReactNode } from 'react';
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
import { EmptyTrash } from './empty-trash';

/** The admin's view of every recording of the academy: filters, totals, pages, delete and history. */
export function RecordingsCatalogue() {
  const { t } = useTranslation();
  const resultsId = useId();
  const { filters, setFilters, clearFilters } = useCatalogueFilters();
  const recordings = useCatalogueRecordings(filters);
  const [toDelete, setToDelete] = useState<Recording | null>(null);
  // What the last action did, said to screen readers too.
  const [notice, setNotice] = useState<ReactNode>(null);
  const say = (key: 'catalogue.deleted' | 'catalogue.trash.restored', name: string) =>
    setNotice(<Trans i18nKey={key} values={{ name }} components={{ bdi: <bdi dir="auto" /> }} />);

  const items = recordings.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="stack">
      <h1>{t('catalogue.title')}</h1>
      <CatalogueFilters
        filters={filters}
        onChange={(change) => {
          setNotice(null);
          setFilters(change);
        }}
        onClear={clearFilters}
      />
      <CatalogueStats filters={filters} />

      {filters.status === 'deleted' && <EmptyTrash onEmptied={(count) => setNotice(t('catalogue.trash.emptied', { count }))} />}

      <div role="status" aria-live="polite" className="catalogue__announcer">
        {notice}
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
                <CatalogueItem
                  key={recording.id}
                  recording={recording}
                  onDelete={setToDelete}
                  onRestored={(restored) => say('catalogue.trash.restored', restored.displayName)}
                />
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
            say('catalogue.deleted', recording.displayName);
          }}
        />
      )}
    </div>
  );
}

