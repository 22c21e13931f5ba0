import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { aSessionSummary } from '@/testing/mocks/data';
import { server } from '@/testing/mocks/server';
import { renderApp, signedInAs } from '@/testing/test-utils';

describe('My sessions', () => {
  it('lists sessions with kind, time, status and a recording badge', async () => {
    signedInAs();
    server.use(
      http.get('*/api/sessions', () =>
        HttpResponse.json([
          aSessionSummary({ id: 's-live', title: 'Live tajweed', isRecording: true, latestRecordingStatus: 'recording' }),
          aSessionSummary({
            id: 's-proc',
            title: 'Fiqh basics',
            kind: 'academic',
            status: 'completed',
            latestRecordingStatus: 'processing',
            recordingCount: 1,
          }),
          aSessionSummary({ id: 's-done', title: 'Hifz review', status: 'completed', recordingCount: 3, latestRecordingStatus: 'completed' }),
          aSessionSummary({ id: 's-one', title: 'Arabic grammar', kind: 'interactive', recordingCount: 1, latestRecordingStatus: 'completed' }),
          aSessionSummary({ id: 's-none', title: 'Next week', status: 'scheduled' }),
        ]),
      ),
    );
    renderApp('/');

    await screen.findByRole('heading', { name: 'Coming up and under way' });
    const items = screen.getAllByRole('listitem');
    const item = (title: string) => within(items.find((li) => li.textContent.includes(title))!);

    expect(item('Live tajweed').getByText('● Recording')).toBeVisible();
    expect(item('Live tajweed').getByRole('link', { name: 'Live tajweed' })).toHaveAttribute('href', '/sessions/s-live');
    expect(item('Live tajweed').getByText('Quran circle')).toBeVisible();
    expect(item('Live tajweed').getByText('In progress')).toBeVisible();
    expect(item('Fiqh basics').getByText('Processing…')).toBeVisible();
    expect(item('Fiqh basics').getByText('Academic lesson')).toBeVisible();
    expect(item('Hifz review').getByText('3 recordings')).toBeVisible();
    expect(item('Arabic grammar').getByText('1 recording')).toBeVisible();
    expect(item('Next week').getByText('Scheduled')).toBeVisible();
    expect(item('Next week').queryByText(/recording/i)).not.toBeInTheDocument();
    expect(item('Hifz review').getByText('Mar 10, 2025, 4:00 PM', { exact: false })).toBeVisible();
  });

  it('lists the classes that are over under their own heading, after those to come', async () => {
    signedInAs();
    server.use(
      http.get('*/api/sessions', () =>
        HttpResponse.json([
          aSessionSummary({ id: 's-next', title: 'Next week', status: 'scheduled' }),
          aSessionSummary({ id: 's-done', title: 'Last week', status: 'completed' }),
          aSessionSummary({ id: 's-off', title: 'Called off', status: 'cancelled' }),
        ]),
      ),
    );
    renderApp('/');

    const coming = await screen.findByRole('region', { name: 'Coming up and under way' });
    const over = screen.getByRole('region', { name: 'Finished classes' });
    expect(within(coming).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Next week']);
    expect(within(over).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Last week', 'Called off']);
    expect(coming.compareDocumentPosition(over) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});
