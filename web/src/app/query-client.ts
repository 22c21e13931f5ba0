import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '@/lib/api-client';
import type { InterruptedAction } from '@/lib/interrupted-action';
import type { AppQueryMeta } from '@/lib/react-query';

/**
 * The app's single place for cross-cutting server-state policy:
 * - a 401 from any query or mutation (unless it says a 401 is expected) means the session is gone: `onUnauthorized`,
 *   with the action the user pressed when a mutation names one (`meta.interruptedAction`);
 * - client errors (4xx) are answers, not glitches, so they are not retried; network errors and 5xx are, once;
 * - a mutation runs when the user asks, or not at all: `networkMode: 'always'` sends it even when the browser
 *   says it is offline, so it fails at once with a network error the screen can show, instead of waiting
 *   paused (TanStack's default) and firing by itself when the connection comes back, minutes later.
 *   Queries keep the default: offline they wait, and `Loading` says that they wait for the connection.
 */
export function createQueryClient({
  onUnauthorized,
}: {
  onUnauthorized: (interrupted: InterruptedAction | undefined) => void;
}): QueryClient {
  const onError = (error: unknown, meta: AppQueryMeta | undefined) => {
    if (isApiError(error) && error.status === 401 && !meta?.allowUnauthorized) onUnauthorized(meta?.interruptedAction);
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
      mutations: { retry: false, networkMode: 'always' },
    },
  });
}
