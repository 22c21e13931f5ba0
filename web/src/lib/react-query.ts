import type { ApiError } from './api-client';
import type { InterruptedAction } from './interrupted-action';

/** Per-query / per-mutation flags read by the app's global error handling. */
export interface AppQueryMeta extends Record<string, unknown> {
  /** A 401 from this call is an expected answer (e.g. wrong password), not an expired session. */
  allowUnauthorized?: boolean;
  /** A mutation's 401 interrupted this action: after signing in again the user is told it was not done. */
  interruptedAction?: InterruptedAction;
}

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError | Error;
    queryMeta: AppQueryMeta;
    mutationMeta: AppQueryMeta;
  }
}

