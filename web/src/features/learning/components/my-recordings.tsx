import { useId, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RecordingFacts } from '@/components/recording-facts';
import { RecordingPoster } from '@/components/recording-poster';
import { LoadMore } from '@/components/ui/load-more';
import { Loading } from '@/components/ui/loading';
import { SearchField, useSearchText } from '@/components/ui/search-field';
import { QueryError } from '@/components/ui/query-error';
import type { MyRecording } from '@/lib/api-types';
import { SessionKindField } from '@/components/session-kind-field';
import { paths } from '@/config/paths';
import { useMyRecordings } from '../api/get-my-recordings';
import { parentOf, useMyRecordingsFilters, type MyRecordingsFilters } from '../hooks/use-my-recordings-filters';

/**
 * My recordings: every recording the user may watch, newest first, with how much they have seen of each. Lists apply
 * as they change, the search on Enter; a recording's course, circle or lesson narrows the list to it.
 */
export function MyRecordings() {
  const { t } = useTranslation();
  const resultsId = useId();
  const { filters, setFilters } = useMyRecordingsFilters();
  const recordings = useMyRecordings(filters);
  const items = recordings.data?.pages.flatMap((page) => page.items) ?? [];
  const parent = filters.parentId ? items.map((item) => parentOf(item.recording)).find((p) => p?.id === filters.parentId) : undefined;

  return (
    <div className="stack">
      <h1>{t('myRecordings.title')}</h1>
      <MyRecordingsFilterForm filters={filters} onChange={setFilters} />
      {filters.parentId && (
        <p className="my-recordings__parent">
          {parent ? t('myRecordings.onlyParent', { title: parent.title }) : t('myRecordings.onlyOneParent')}{' '}
          <button type="button" className="link-button" onClick={() => setFilters({ parentId: undefined })}>
            {t('myRecordings.showAll')}
          </button>
        </p>
      )}
      <section aria-labelledby={resultsId}>
        <h2 id={resultsId} className="visually-hidden">
          {t('myRecordings.results')}
        </h2>
        {recordings.isPending ? (
          <Loading />
        ) : recordings.isError && !recordings.data ? (
          <QueryError error={recordings.error} onRetry={() => void recordings.refetch()} />
        ) : items.length === 0 ? (
          <p className="empty">{t('myRecordings.empty')}</p>
        ) : (
          <>
            <ul className="card-list my-recordings" data-testid="my-recordings">
              {items.map((item) => (
                <MyRecordingCard
                  key={item.recording.id}
                  item={item}
                  onlyParent={(parentId) => setFilters({ parentId })}
                  showsParentOnly={Boolean(filters.parentId)}
                />
              ))}
            </ul>
            <LoadMore pages={recordings} />
          </>
        )}
      </section>
    </div>
  );
}

function MyRecordingsFilterForm({
  filters,
  onChange,
}: {
  filters: MyRecordingsFilters;
  onChange: (change: Partial<Record<keyof MyRecordingsFilters, string | undefined>>) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useSearchText(filters.q);

  return (
    <form
      className="filters"
      role="search"
      aria-label={t('myRecordings.filters')}
      onSubmit={(event: SubmitEvent<HTMLFormElement>) => {
        event.preventDefault();
        onChange({ q: text });
      }}
    >
      <SessionKindField id={`${id}-kind`} value={filters.kind} onChange={(kind) => onChange({ kind })} />
      <div className="field">
        <label htmlFor={`${id}-watched`}>{t('myRecordings.watchedFilter')}</label>
        <select
          id={`${id}-watched`}
          value={filters.watched === undefined ? '' : String(filters.watched)}
          onChange={(event) => onChange({ watched: event.target.value })}
        >
          <option value="">{t('myRecordings.all')}</option>
          <option value="false">{t('myRecordings.notWatched')}</option>
          <option value="true">{t('myRecordings.watched')}</option>
        </select>
      </div>
      <SearchField
        id={`${id}-q`}
        label={t('catalogue.search')}
        placeholder={t('myRecordings.searchPlaceholder')}
        submitLabel={t('catalogue.applySearch')}
        text={text}
        onTextChange={setText}
      />
    </form>
  );
}

function MyRecordingCard({
  item,
  onlyParent,
  showsParentOnly,
}: {
  item: MyRecording;
  onlyParent: (parentId: string) => void;
  showsParentOnly: boolean;
}) {
  const { t } = useTranslation();
  const { recording } = item;
  const parent = parentOf(recording);
  const percent = Math.round(item.coverage * 100);

  return (
    <li className="card my-recording" data-watched={item.watched}>
      <RecordingPoster posterUrl={recording.posterUrl} />
      <div className="my-recording__body">
        <h3 className="card__title">
          <Link to={paths.recording.getHref(recording.id)}>
            <bdi dir="auto">{recording.displayName}</bdi>
          </Link>
        </h3>
        <RecordingFacts recording={recording} />
        <div className="my-recording__progress">
          <progress max={100} value={percent} aria-label={t('myRecordings.seen', { percent })} />
          <span>{item.watched ? t('myRecordings.watchedBadge') : t('myRecordings.seen', { percent })}</span>
        </div>
        {parent && !showsParentOnly && (
          <button type="button" className="link-button" onClick={() => onlyParent(parent.id)}>
            {t('myRecordings.moreOf', { title: parent.title })}
          </button>
        )}
      </div>
    </li>
  );
}
