import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '@/lib/api-client';
import type { AppQueryMeta } from '@/lib/react-query';

/**
 * The app's single place for cross-cutting server-state policy:
 * - a 401 from any query or mutation (unless it says a 401 is expected) means the session is gone: `onUnauthorized`;
 * - client errors (4xx) are answers, not glitches, so they are not retried; network errors and 5xx are, once.
 */
export function createQueryClient({ onUnauthorized }: { onUnauthorized: () => void }): QueryClient {
  const onError = (error: unknown, meta: AppQueryMeta | undefined) => {
    if (isApiError(error) && error.status === 401 && !meta?.allowUnauthorized) onUnauthorized();
  };

  return new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => onError(error, query.meta) }),
    mutationCache: new MutationCache({ onError: (error, _vars, _ctx, mutation) => onError(error, mutation.meta) }),
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        retry: (failureCount, error) =>
          failureCount < 1 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      },
      mutations: { retry: false },
    },
  });
}
