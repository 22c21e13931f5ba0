import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { problem } from '@/testing/mocks/problem';
import { server } from '@/testing/mocks/server';
import { ApiError, api } from './api-client';

describe('api client', () => {
  it('sends the session cookie and JSON, and parses JSON', async () => {
    let seen: { credentials: string; contentType: string | null; body: unknown } | undefined;
    server.use(
      http.post('*/api/echo', async ({ request }) => {
        seen = {
          credentials: request.credentials,
          contentType: request.headers.get('Content-Type'),
          body: await request.json(),
        };
        return HttpResponse.json({ ok: true });
      }),
    );

    await expect(api.post('/api/echo', { a: 1 })).resolves.toEqual({ ok: true });
    expect(seen).toEqual({ credentials: 'include', contentType: 'application/json', body: { a: 1 } });
  });

  it('leaves out empty query values', async () => {
    let query = '';
    server.use(
      http.get('*/api/list', ({ request }) => {
        query = new URL(request.url).search;
        return HttpResponse.json([]);
      }),
    );
    await api.get('/api/list', { query: { a: 'x', b: undefined, c: null, d: '', e: false, f: 0 } });
    expect(query).toBe('?a=x&e=false&f=0');
  });

  it('resolves 204 with undefined', async () => {
    server.use(http.delete('*/api/thing', () => new HttpResponse(null, { status: 204 })));
    await expect(api.delete('/api/thing')).resolves.toBeUndefined();
  });

  it('turns problem details into an ApiError', async () => {
    server.use(
      http.post('*/api/sessions/s/recordings', () =>
        problem(409, 'Conflict', { detail: 'Session is already being recorded', code: 'recording.already_active' }),
      ),
    );
    const error = await api.post('/api/sessions/s/recordings').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 409,
      title: 'Conflict',
      detail: 'Session is already being recorded',
      code: 'recording.already_active',
    });
  });

  it('keeps validation errors', async () => {
    server.use(
      http.post('*/api/auth/login', () =>
        HttpResponse.json(
          { status: 400, title: 'Validation failed', errors: { email: ['Email is required'] } },
          { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    const error = (await api.post('/api/auth/login', {}).catch((e: unknown) => e)) as ApiError;
    expect(error.errors).toEqual({ email: ['Email is required'] });
  });

  it('keeps the status when the error body is not JSON', async () => {
    server.use(http.get('*/api/broken', () => new HttpResponse('<html>Bad gateway</html>', { status: 502 })));
    const error = (await api.get('/api/broken').catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(502);
  });

  it('reports an unreachable server as status 0', async () => {
    server.use(http.get('*/api/down', () => HttpResponse.error()));
    const error = (await api.get('/api/down').catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.isNetworkError).toBe(true);
  });
});
