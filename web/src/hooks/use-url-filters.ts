import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * Filters that live in the address, so a filtered list can be bookmarked, shared, reloaded and gone back to.
 * `parse` reads them from the query string (ignoring what it does not know); `setFilters` changes the named ones
 * (an empty value removes one) and keeps the others.
 */
export function useUrlFilters<Filters, Name extends string>(names: readonly Name[], parse: (params: URLSearchParams) => Filters) {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parse(params), [params, parse]);

  const setFilters = useCallback(
    (change: Partial<Record<Name, string | undefined>>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const name of names) {
            if (!(name in change)) continue;
            const value = change[name]?.trim();
            if (value) next.set(name, value);
            else next.delete(name);
          }
          return next;
        },
        { replace: true },
      );
    },
    [names, setParams],
  );

  const clearFilters = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);

  return { filters, setFilters, clearFilters };
}
