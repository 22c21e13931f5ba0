import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { http, HttpResponse } from 'msw';
import { createApp } from '@/app';
import { AppProvider } from '@/app/provider';
import type { CurrentUser } from '@/lib/api-types';
import { aUser } from './mocks/data';
import { server } from './mocks/server';

/**
 * Renders the whole app — real providers, real routes, real query client — at `path`, in memory.
 * The network is MSW's: declare handlers for every call the screen makes.
 */
export function renderApp(path: string) {
  const { router, queryClient } = createApp((routes) => createMemoryRouter(routes, { initialEntries: [path] }));
  const user = userEvent.setup();
  const view = render(
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...view, user, router, queryClient };
}

/** `GET /api/auth/me` answers with this user (a teacher unless overridden); the shell has no notifications. */
export function signedInAs(overrides: Partial<CurrentUser> = {}): CurrentUser {
  const user = aUser(overrides);
  server.use(
    http.get('*/api/auth/me', () => HttpResponse.json(user)),
    http.get('*/api/me/notifications', () => HttpResponse.json({ items: [], unreadCount: 0 })),
  );
  return user;
}
