import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { SessionAttendance } from '@/lib/api-types';
import { aSession } from '@/testing/mocks/data';
import { server } from '@/testing/mocks/server';
import { serveSession } from '@/testing/serve-session';
import { renderApp, signedInAs } from '@/testing/test-utils';

const attendance: SessionAttendance = {
  sessionId: 'session-1',
  classStartedAt: '2025-03-10T16:00:00Z',
  classEndedAt: '2025-03-10T17:00:00Z',
  classMinutes: 60,
  students: [
    { userId: 'u-2', name: 'Bilal', attendedMinutes: 10, missed: false, leftEarly: true, watchedCoverage: 0.25, watched: false, needsToCatchUp: true },
    { userId: 'u-1', name: 'Amina', attendedMinutes: 58.4, missed: false, leftEarly: false, watchedCoverage: 0, watched: false, needsToCatchUp: false },
  ],
  others: [],
};

describe('Session attendance', () => {
  it('shows the teacher each student\'s minutes, share watched and who needs to catch up, that one first', async () => {
    signedInAs();
    serveSession({ session: aSession() });
    server.use(http.get('*/api/sessions/session-1/attendance', () => HttpResponse.json(attendance)));
    renderApp('/sessions/session-1');

    const table = await screen.findByTestId('attendance');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.getAttribute('data-verdict'))).toEqual(['catchUp', 'attended']);
    expect(within(rows[0]!).getByRole('rowheader')).toHaveTextContent('Bilal');
    expect(rows[0]).toHaveTextContent('10');
    expect(rows[0]).toHaveTextContent('25%');
    expect(within(rows[0]!).getByText('Needs to catch up')).toBeVisible();
    expect(rows[1]).toHaveTextContent('58');
    expect(screen.getByText('The class ran 60 minutes.')).toBeVisible();
  });

  it('is not asked for when the user does not teach the session', async () => {
    signedInAs();
    serveSession({ session: aSession({ permissions: { canControlRecording: false, canAccessRecordings: true } }) });
    server.use(http.get('*/api/sessions/session-1/attendance', () => HttpResponse.json(attendance)));
    renderApp('/sessions/session-1');

    await screen.findByRole('heading', { name: 'Recordings' });
    expect(screen.queryByTestId('attendance')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Attendance and catching up' })).toBeNull();
  });
});
