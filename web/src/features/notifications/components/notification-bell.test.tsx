import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { MyNotifications } from '@/lib/api-types';
import { aSessionSummary } from '@/testing/mocks/data';
import { server } from '@/testing/mocks/server';
import { renderApp, signedInAs } from '@/testing/test-utils';

const notifications: MyNotifications = {
  items: [
    { recordingId: 'rec-3', sessionId: 'session-3', displayName: 'Hifz - 2025-03-12 07:00', sessionKind: 'quran', reason: 'awaiting_review', at: '2025-03-12T04:30:00Z', unread: true },
    { recordingId: 'rec-2', sessionId: 'session-2', displayName: 'Tajweed - 2025-03-11 18:00', sessionKind: 'quran', reason: 'ready', at: '2025-03-11T15:30:00Z', unread: true },
    { recordingId: 'rec-1', sessionId: 'session-1', displayName: 'Algebra - 2025-03-10 19:00', sessionKind: 'interactive', reason: 'ready', at: '2025-03-10T16:30:00Z', unread: false },
  ],
  unreadCount: 2,
};

describe('Notifications', () => {
  it('shows the unread count, lists the recordings ready or awaiting review when opened, marks them seen and closes on Escape', async () => {
    signedInAs();
    const seen: unknown[] = [];
    server.use(
      http.get('*/api/sessions', () => HttpResponse.json([aSessionSummary()])),
      http.get('*/api/me/notifications', () => HttpResponse.json(notifications)),
      http.post('*/api/me/notifications/seen', async ({ request }) => {
        seen.push(await request.json());
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user } = renderApp('/');

    const button = await screen.findByRole('button', { name: /^Notifications/ });
    await waitFor(() => expect(button).toHaveAccessibleName('Notifications: 2 unread'));
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await user.click(button);

    const panel = screen.getByRole('region', { name: 'Notifications' });
    const links = within(panel).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual(['Hifz - 2025-03-12 07:00', 'Tajweed - 2025-03-11 18:00', 'Algebra - 2025-03-10 19:00']);
    expect(links[0]).toHaveAttribute('href', '/sessions/session-3');
    expect(within(panel).getByText(/^Awaiting your review since/)).toBeVisible();
    expect(links[1]).toHaveAttribute('href', '/recordings/rec-2');
    expect(within(panel).getAllByText('New')).toHaveLength(2);
    await waitFor(() => expect(seen).toEqual([{ upTo: '2025-03-12T04:30:00Z' }]));

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Notifications' })).not.toBeInTheDocument();
    expect(button).toHaveFocus();
  });

  it('says so when nothing became ready lately, and marks nothing seen', async () => {
    signedInAs();
    server.use(http.get('*/api/sessions', () => HttpResponse.json([])));
    const { user } = renderApp('/');

    await user.click(await screen.findByRole('button', { name: 'Notifications' }));

    expect(screen.getByText('No new recordings lately.')).toBeVisible();
  });
});
