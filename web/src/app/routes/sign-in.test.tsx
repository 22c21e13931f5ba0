import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { aSessionSummary, aUser } from '@/testing/mocks/data';
import { problem } from '@/testing/mocks/problem';
import { server } from '@/testing/mocks/server';
import { renderApp, signedInAs } from '@/testing/test-utils';

describe('Signing in and out', () => {
  it('sends a signed-out visitor to sign-in and brings them back where they were', async () => {
    let signedIn = false;
    const logins: unknown[] = [];
    server.use(
      http.get('*/api/auth/me', () => (signedIn ? HttpResponse.json(aUser()) : problem(401, 'Unauthorized'))),
      http.post('*/api/auth/login', async ({ request }) => {
        logins.push(await request.json());
        signedIn = true;
        return HttpResponse.json({ accessToken: 'token', tokenType: 'Bearer', expiresIn: 3600 });
      }),
      http.get('*/api/sessions', () => HttpResponse.json([aSessionSummary({ title: 'Tajweed circle' })])),
      http.get('*/api/sessions/session-9', () => problem(404, 'Not Found')),
    );
    const { user, router } = renderApp('/sessions/session-9?tab=recordings');

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeVisible();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(new URLSearchParams(router.state.location.search).get('returnTo')).toBe('/sessions/session-9?tab=recordings');

    await user.type(screen.getByLabelText('Email'), 'teacher@itqan.test');
    await user.type(screen.getByLabelText('Password'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/sessions/session-9'));
    expect(router.state.location.search).toBe('?tab=recordings');
    expect(logins).toEqual([{ email: 'teacher@itqan.test', password: 'secret' }]);
  });

  it('goes to sign-in when the session expires mid-way (401 on any call)', async () => {
    signedInAs();
    server.use(http.get('*/api/sessions', () => problem(401, 'Unauthorized')));
    const { router } = renderApp('/');

    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'));
    expect(new URLSearchParams(router.state.location.search).get('returnTo')).toBe('/');
  });

  it('says so in words when the email or password is wrong', async () => {
    server.use(http.post('*/api/auth/login', () => problem(401, 'Unauthorized', { detail: 'Invalid credentials' })));
    const { user, router } = renderApp('/sign-in');

    await user.type(await screen.findByLabelText('Email'), 'teacher@itqan.test');
    await user.type(screen.getByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The email or password is not correct.');
    expect(router.state.location.pathname).toBe('/sign-in');
  });

  it('asks to wait after too many attempts (429)', async () => {
    server.use(http.post('*/api/auth/login', () => problem(429, 'Too Many Requests')));
    const { user } = renderApp('/sign-in');

    await user.type(await screen.findByLabelText('Email'), 'teacher@itqan.test');
    await user.type(screen.getByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts. Wait a few minutes, then try again.');
  });

  it('does not follow a returnTo that leaves the site', async () => {
    server.use(
      http.post('*/api/auth/login', () => HttpResponse.json({ accessToken: 't', tokenType: 'Bearer', expiresIn: 1 })),
      http.get('*/api/auth/me', () => HttpResponse.json(aUser())),
      http.get('*/api/sessions', () => HttpResponse.json([])),
    );
    const { user, router } = renderApp('/sign-in?returnTo=%2F%2Fevil.example%2Fphish');

    await user.type(await screen.findByLabelText('Email'), 'teacher@itqan.test');
    await user.type(screen.getByLabelText('Password'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
  });

  it('signs out from the header', async () => {
    signedInAs({ displayName: 'Ustadh Ahmad' });
    let loggedOut = false;
    server.use(
      http.get('*/api/sessions', () => HttpResponse.json([])),
      http.post('*/api/auth/logout', () => {
        loggedOut = true;
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user, router } = renderApp('/');

    expect(await screen.findByText(/Signed in as/)).toHaveTextContent('Signed in as Ustadh Ahmad');
    await user.click(screen.getByRole('button', { name: 'Sign out' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'));
    expect(loggedOut).toBe(true);
  });
});
