import { useTranslation } from 'react-i18next';
import { QueryError } from './query-error';

interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  error: unknown;
  fetchNextPage: () => Promise<unknown>;
}

/** Under a list of keyset pages: why the next page failed, and the button that loads it while there is one. */
export function LoadMore({ pages }: { pages: PagedQuery }) {
  const { t } = useTranslation();
  return (
    <>
      {pages.isFetchNextPageError && <QueryError error={pages.error} />}
      {pages.hasNextPage && (
        <button
          type="button"
          className="button button--secondary load-more"
          disabled={pages.isFetchingNextPage}
          onClick={() => void pages.fetchNextPage()}
        >
          {pages.isFetchingNextPage ? t('catalogue.loadingMore') : t('catalogue.loadMore')}
        </button>
      )}
    </>
  );
}
