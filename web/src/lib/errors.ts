import { isApiError } from './api-client';

export type GenericErrorKey =
  | 'errors.network'
  | 'errors.forbidden'
  | 'errors.notFound'
  | 'errors.serviceUnavailable'
  | 'errors.unexpected';

/**
 * The generic sentence for an error no screen has a better word for.
 * Features map the cases they know (409 on start, 422 reasons, …) first and fall back to this.
 */
export function genericErrorKey(error: unknown): GenericErrorKey {
  if (!isApiError(error)) return 'errors.unexpected';
  if (error.isNetworkError) return 'errors.network';
  if (error.status === 403) return 'errors.forbidden';
  if (error.status === 404) return 'errors.notFound';
  if (error.status === 502 || error.status === 503 || error.status === 504) return 'errors.serviceUnavailable';
  return 'errors.unexpected';
}
