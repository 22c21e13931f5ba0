/**
 * Where to send the user after signing in. Only same-origin paths are accepted, so a crafted
 * `?returnTo=https://evil.example` link cannot turn the sign-in page into an open redirect.
 */
export function safeReturnTo(value: string | null | undefined, fallback = '/'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (value.startsWith('/sign-in')) return fallback;
  return value;
}

export function signInPath(returnTo?: string): string {
  const target = safeReturnTo(returnTo, '');
  return target ? `/sign-in?returnTo=${encodeURIComponent(target)}` : '/sign-in';
}
