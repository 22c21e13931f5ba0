import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { RecordingAuditEntry, RecordingCatalogueStats, RecordingPage } from '@/lib/api-types';
import { aRecording } from '@/testing/mocks/data';
import { problem } from '@/testing/mocks/problem';
import { server } from '@/testing/mocks/server';
import { renderApp, signedInAs } from '@/testing/test-utils';

const CATALOGUE = '/admin/recordings';

function stats(overrides: Partial<RecordingCatalogueStats> = {}): RecordingCatalogueStats {
  return {
    total: 3,
    byStatus: { recording: 0, processing: 1, completed: 2, failed: 0, deleted: 0 },
    byKind: { interactive: 1, quran: 2, academic: 0 },
    totalBytes: 1_500_000_000,
    totalDurationSeconds: 5 * 3600 + 30 * 60,
    ...overrides,
  };
}

/** Serves catalogue pages keyed by cursor and records every query string the app sends. */
function serveCatalogue(pages: Record<string, RecordingPage>, statsBody = stats()) {
  const listQueries: URLSearchParams[] = [];
  const statsQueries: URLSearchParams[] = [];
  server.use(
    http.get('*/api/recordings/stats', ({ request }) => {
      statsQueries.push(new URL(request.url).searchParams);
      return HttpResponse.json(statsBody);
    }),
    http.get('*/api/recordings', ({ request }) => {
      const params = new URL(request.url).searchParams;
      listQueries.push(params);
      const page = pages[params.get('cursor') ?? 'first'];
      return page ? HttpResponse.json(page) : problem(400, 'Unknown cursor');
    }),
  );
  return { listQueries, statsQueries, lastList: () => listQueries.at(-1)!, lastStats: () => statsQueries.at(-1)! };
}

const tajweed = aRecording({ id: 'rec-1', displayName: 'Tajweed — Monday' });
const fiqh = aRecording({ id: 'rec-2', displayName: 'Fiqh — Tuesday', sessionKind: 'academic' });
const hifz = aRecording({ id: 'rec-3', displayName: 'Hifz — Wednesday' });

describe('Recordings catalogue', () => {
  it('sends the chosen filters to the list and the stats', async () => {
    signedInAs({ role: 'admin' });
    const api = serveCatalogue({ first: { items: [tajweed], nextCursor: null } });
    const { user, router } = renderApp(CATALOGUE);

    expect(await screen.findByText('Tajweed — Monday')).toBeVisible();
    expect(api.lastList().toString()).toBe('limit=50');

    await user.selectOptions(screen.getByLabelText('Status'), 'completed');
    await waitFor(() => expect(api.lastList().get('status')).toBe('completed'));

    await user.selectOptions(screen.getByLabelText('Class type'), 'quran');
    await waitFor(() => expect(api.lastList().get('kind')).toBe('quran'));

    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2025-03-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2025-03-31' } });
    await waitFor(() => expect(api.lastList().get('to')).not.toBeNull());

    const search = screen.getByRole('searchbox', { name: 'Search' });
    await user.type(search, 'tajweed{Enter}');
    await waitFor(() => expect(api.lastList().get('q')).toBe('tajweed'));
    expect(search).toHaveFocus();

    const list = api.lastList();
    expect(list.get('status')).toBe('completed');
    expect(list.get('kind')).toBe('quran');
    expect(list.get('from')).toBe(new Date(2025, 2, 1, 0, 0, 0, 0).toISOString());
    expect(list.get('to')).toBe(new Date(2025, 3, 1).toISOString());
    expect(list.get('limit')).toBe('50');
    expect(list.has('cursor')).toBe(false);

    const statsQuery = api.lastStats();
    expect(Object.fromEntries(statsQuery)).toEqual({
      status: 'completed',
      kind: 'quran',
      from: list.get('from'),
      to: list.get('to'),
      q: 'tajweed',
    });

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(router.state.location.search).toBe('');
    expect(screen.getByLabelText('Status')).toHaveValue('');
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('');
  });

  it('shows the totals as cards', async () => {
    signedInAs({ role: 'admin' });
    serveCatalogue({ first: { items: [tajweed], nextCursor: null } });
    renderApp(CATALOGUE);

    expect(await within(await screen.findByTestId('stat-total')).findByText('3')).toBeVisible();
    expect(screen.getByTestId('stat-hours')).toHaveTextContent('5.5 hours');
    expect(screen.getByTestId('stat-size')).toHaveTextContent('1.5 GB');
  });

  it('follows nextCursor when loading more, until there is no next page', async () => {
    signedInAs({ role: 'admin' });
    const api = serveCatalogue({
      first: { items: [tajweed, fiqh], nextCursor: 'cursor-2' },
      'cursor-2': { items: [hifz], nextCursor: null },
    });
    const { user } = renderApp(CATALOGUE);

    expect(await screen.findByText('Fiqh — Tuesday')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Load more' }));

    expect(await screen.findByText('Hifz — Wednesday')).toBeVisible();
    expect(api.lastList().get('cursor')).toBe('cursor-2');
    expect(api.lastList().get('limit')).toBe('50');
    expect(screen.getByText('Tajweed — Monday')).toBeVisible();
    expect(screen.getByText('Showing 3 recordings')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('asks for confirmation before deleting, and sends removeFile as chosen', async () => {
    signedInAs({ role: 'admin' });
    serveCatalogue({ first: { items: [tajweed, fiqh], nextCursor: null } });
    const deletions: string[] = [];
    server.use(
      http.delete('*/api/recordings/:id', ({ request, params }) => {
        deletions.push(`${String(params.id)}?${new URL(request.url).searchParams.toString()}`);
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user } = renderApp(CATALOGUE);

    const deleteTajweed = await screen.findByRole('button', { name: 'Delete Tajweed — Monday' });
    await user.click(deleteTajweed);
    let dialog = screen.getByRole('alertdialog', { name: 'Delete this recording?' });
    expect(within(dialog).getByRole('checkbox', { name: 'Remove its file now (it cannot be restored then)' })).not.toBeChecked();
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(deleteTajweed).toHaveFocus();
    expect(deletions).toEqual([]);

    await user.click(deleteTajweed);
    dialog = screen.getByRole('alertdialog');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Remove its file now (it cannot be restored then)' }));
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(deletions).toEqual(['rec-1?removeFile=true']);
    expect(screen.getByText(/was deleted/)).toHaveTextContent('“Tajweed — Monday” was deleted.');

    await user.click(screen.getByRole('button', { name: 'Delete Fiqh — Tuesday' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(deletions).toEqual(['rec-1?removeFile=true', 'rec-2?removeFile=false']));
  });

  it('shows the trash under the Deleted filter: restores a recording, and empties the trash after asking', async () => {
    signedInAs({ role: 'admin' });
    const inTrash = aRecording({ id: 'rec-t', displayName: 'Tajweed — in the trash', status: 'deleted', deletedAt: '2025-03-11T09:00:00Z' });
    const gone = aRecording({
      id: 'rec-g',
      displayName: 'Fiqh — gone',
      status: 'deleted',
      deletedAt: '2025-01-11T09:00:00Z',
      filesRemovedAt: '2025-02-10T09:00:00Z',
    });
    serveCatalogue({ first: { items: [inTrash, gone], nextCursor: null } });
    const sent: string[] = [];
    server.use(
      http.post('*/api/recordings/:id/restore', ({ params }) => {
        sent.push(`restore ${String(params.id)}`);
        return HttpResponse.json({ ...inTrash, status: 'completed', deletedAt: null });
      }),
      http.post('*/api/admin/trash/empty', () => {
        sent.push('empty');
        return HttpResponse.json({ count: 1, totalBytes: 1000 });
      }),
    );
    const { user } = renderApp(`${CATALOGUE}?status=deleted`);

    const gonesItem = within((await screen.findByText('Fiqh — gone')).closest('li')!);
    expect(gonesItem.getByText(/^Its file was removed on/)).toBeVisible();
    expect(gonesItem.queryByRole('button', { name: /^Restore/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Restore “Tajweed — in the trash”' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('“Tajweed — in the trash” was restored.'));

    await user.click(screen.getByRole('button', { name: 'Empty the trash' }));
    expect(sent).toEqual(['restore rec-t']);
    await user.click(screen.getByRole('button', { name: 'Remove them' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('The trash let go of 1 recording.'));
    expect(sent).toEqual(['restore rec-t', 'empty']);
  });

  it('closes the confirmation with Escape without deleting', async () => {
    signedInAs({ role: 'admin' });
    serveCatalogue({ first: { items: [tajweed], nextCursor: null } });
    const { user } = renderApp(CATALOGUE);

    await user.click(await screen.findByRole('button', { name: 'Delete Tajweed — Monday' }));
    expect(screen.getByRole('alertdialog')).toBeVisible();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });

  it('explains that a running recording cannot be deleted (409)', async () => {
    signedInAs({ role: 'admin' });
    serveCatalogue({ first: { items: [tajweed], nextCursor: null } });
    server.use(http.delete('*/api/recordings/:id', () => problem(409, 'Conflict')));
    const { user } = renderApp(CATALOGUE);

    await user.click(await screen.findByRole('button', { name: 'Delete Tajweed — Monday' }));
    const dialog = screen.getByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'This recording is still running. Stop it before deleting it.',
    );
  });

  it('shows the audit trail of a recording on demand', async () => {
    signedInAs({ role: 'admin' });
    serveCatalogue({ first: { items: [tajweed], nextCursor: null } });
    const audit: RecordingAuditEntry[] = [
      { at: '2025-03-10T16:00:00Z', action: 'started', userId: 'user-teacher', userName: 'Ustadh Ahmad', details: null },
      { at: '2025-03-10T17:02:30Z', action: 'completed', userId: null, userName: null, details: 'egress finished' },
    ];
    server.use(http.get('*/api/recordings/rec-1/audit', () => HttpResponse.json(audit)));
    const { user } = renderApp(CATALOGUE);

    const history = await screen.findByRole('button', { name: 'History of Tajweed — Monday' });
    expect(history).toHaveAttribute('aria-expanded', 'false');
    await user.click(history);

    expect(history).toHaveAttribute('aria-expanded', 'true');
    const trail = await screen.findByRole('list', { name: 'History of Tajweed — Monday' });
    expect(within(trail).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      expect.stringContaining('Recording started by Ustadh Ahmad'),
      expect.stringContaining('Recording completed by the system — egress finished'),
    ]);
  });

  it('is for admins only', async () => {
    signedInAs({ role: 'teacher' });
    renderApp(CATALOGUE);

    expect(await screen.findByRole('alert')).toHaveTextContent("You don't have access to this.");
    expect(screen.queryByRole('link', { name: 'Recordings catalogue' })).not.toBeInTheDocument();
  });
});
