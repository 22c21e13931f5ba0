import { useId, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchField, useSearchText } from '@/components/ui/search-field';
import { SessionKindField } from '@/components/session-kind-field';
import { recordingStatuses, type CatalogueFilters as Filters } from '../hooks/use-catalogue-filters';

interface CatalogueFiltersProps {
  filters: Filters;
  onChange: (change: Partial<Record<keyof Filters, string | undefined>>) => void;
  onClear: () => void;
}

/** Lists and dates apply as soon as they change; the text search applies on Enter or the Search button. */
export function CatalogueFilters({ filters, onChange, onClear }: CatalogueFiltersProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useSearchText(filters.q);

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    onChange({ q: text });
  }

  return (
    <form className="filters" role="search" aria-label={t('catalogue.filters')} onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor={`${id}-status`}>{t('catalogue.status')}</label>
        <select
          id={`${id}-status`}
          value={filters.status ?? ''}
          onChange={(event) => onChange({ status: event.target.value })}
        >
          <option value="">{t('catalogue.allStatuses')}</option>
          {recordingStatuses.map((status) => (
            <option key={status} value={status}>
              {t(`recordingStatus.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <SessionKindField id={`${id}-kind`} value={filters.kind} onChange={(kind) => onChange({ kind })} />
      <div className="field">
        <label htmlFor={`${id}-from`}>{t('catalogue.from')}</label>
        <input
          id={`${id}-from`}
          type="date"
          value={filters.from ?? ''}
          max={filters.to}
          onChange={(event) => onChange({ from: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>{t('catalogue.to')}</label>
        <input
          id={`${id}-to`}
          type="date"
          value={filters.to ?? ''}
          min={filters.from}
          onChange={(event) => onChange({ to: event.target.value })}
        />
      </div>
      <SearchField
        id={`${id}-q`}
        label={t('catalogue.search')}
        placeholder={t('catalogue.searchPlaceholder')}
        submitLabel={t('catalogue.applySearch')}
        text={text}
        onTextChange={setText}
      />
      <button
        type="button"
        className="button button--link"
        onClick={() => {
          setText('');
          onClear();
        }}
      >
        {t('catalogue.clearFilters')}
      </button>
    </form>
  );
}
