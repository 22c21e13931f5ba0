import type { InterruptedAction } from './interrupted-action';
import { paths } from '@/config/paths';

/**
 * Where to send the user after signing in. Only same-origin paths are accepted, so a crafted
 * `?returnTo=https://evil.example` link cannot turn the sign-in page into an open redirect.
 */
export function safeReturnTo(value: string | null | undefined, fallback = paths.home.getHref()): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (value.startsWith(paths.signIn.path)) return fallback;
  return value;
}

/** The sign-in page, to come back to `returnTo`; `notDone` names the action an expired session refused. */
export function signInPath(returnTo?: string, notDone?: InterruptedAction): string {
  const params = new URLSearchParams();
  const target = safeReturnTo(returnTo, '');
  if (target) params.set('returnTo', target);
  if (notDone) params.set('notDone', notDone);
  const query = params.toString();
  return query ? `${paths.signIn.getHref()}?${query}` : paths.signIn.getHref();
}
