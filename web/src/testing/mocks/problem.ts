import { HttpResponse } from 'msw';

/** An RFC 9457 problem response as the API sends it. */
export function problem(status: number, title: string, extra: { detail?: string; code?: string } = {}) {
  return HttpResponse.json(
    { type: 'about:blank', status, title, ...extra },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );
}
