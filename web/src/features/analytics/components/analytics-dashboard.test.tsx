import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import type { AnalyticsDashboard, AnalyticsFigures } from '@/lib/api-types';
import { server } from '@/testing/mocks/server';
import { renderApp, signedInAs } from '@/testing/test-utils';

// jsdom has no canvas: the chart stands in as a list of the periods it was given.
vi.mock('./analytics-chart', () => ({
  default: ({ periods }: { periods: { start: string }[] }) => <div data-testid="analytics-chart">{periods.map((p) => p.start).join(',')}</div>,
}));

const figures = (overrides: Partial<AnalyticsFigures> = {}): AnalyticsFigures => ({
  recordings: 2,
  recordedSeconds: 7200,
  recordedBytes: 3 * 1024 * 1024,
  views: 3,
  uniqueViewers: 2,
  watchedSeconds: 5400,
  averageCoverage: 0.75,
  ...overrides,
});

const dashboard = (bucket: 'week' | 'month'): AnalyticsDashboard => ({
  from: '2026-11-02',
  to: '2026-11-15',
  bucket,
  report: {
    totals: figures(),
    catchUp: { needingCatchUp: 4, caughtUp: 1, rate: 0.25 },
    periods: [
      { start: '2026-11-02', figures: figures({ recordings: 1 }) },
      { start: '2026-11-09', figures: figures({ recordings: 1, averageCoverage: null, views: 0 }) },
    ],
    parents: [
      {
        parentId: 'course-1',
        sessionKind: 'interactive',
        name: 'Algebra I',
        teacherId: 'user-teacher',
        teacherName: 'Ustadh Ahmad',
        figures: figures(),
        catchUp: { needingCatchUp: 4, caughtUp: 1, rate: 0.25 },
      },
    ],
    teachers: [{ teacherId: 'user-teacher', name: 'Ustadh Ahmad', figures: figures(), catchUp: { needingCatchUp: 4, caughtUp: 1, rate: 0.25 } }],
    storedBytes: 10 * 1024 * 1024,
  },
});

describe('Analytics dashboard', () => {
  it('shows an admin the totals, the catch-up rate, the periods and the courses, each table with its CSV download', async () => {
    signedInAs({ role: 'admin' });
    const asked: URL[] = [];
    server.use(
      http.get('*/api/analytics', ({ request }) => {
        const url = new URL(request.url);
        asked.push(url);
        return HttpResponse.json(dashboard(url.searchParams.get('bucket') === 'month' ? 'month' : 'week'));
      }),
    );
    const { user, router } = renderApp('/analytics');

    const totals = await screen.findByTestId('analytics-totals');
    expect(within(totals).getByText('Hours recorded').nextElementSibling).toHaveTextContent('2');
    expect(within(totals).getByText('Average coverage').nextElementSibling).toHaveTextContent('75%');
    expect(within(totals).getByText('Catch-up rate').nextElementSibling).toHaveTextContent('25%1 of 4 who missed the class or left early');
    expect(within(totals).getByText('Storage used').nextElementSibling).toHaveTextContent('10.5 MB');
    expect(await screen.findByTestId('analytics-chart')).toHaveTextContent('2026-11-02,2026-11-09');

    const parents = screen.getByRole('region', { name: 'By course, circle or lesson' });
    const row = within(parents).getAllByRole('row')[1]!;
    expect(within(row).getByRole('rowheader')).toHaveTextContent('Algebra I · Ustadh Ahmad');
    expect(row).toHaveTextContent('25%');
    const downloads = screen.getAllByRole('link', { name: 'Download as CSV' }).map((link) => link.getAttribute('href'));
    expect(downloads).toEqual([
      '/api/analytics/export?from=2026-11-02&to=2026-11-15&bucket=week&table=periods',
      '/api/analytics/export?from=2026-11-02&to=2026-11-15&bucket=week&table=parents',
      '/api/analytics/export?from=2026-11-02&to=2026-11-15&bucket=week&table=teachers',
    ]);

    await user.selectOptions(screen.getByLabelText('Show by'), 'month');
    expect(await screen.findByRole('heading', { name: 'By month' })).toBeVisible();
    expect(asked.at(-1)?.searchParams.get('bucket')).toBe('month');
    expect(router.state.location.search).toContain('bucket=month');
  });

  it('tells a student the page is not theirs and asks the server nothing', async () => {
    signedInAs({ role: 'student' });
    let asked = false;
    server.use(
      http.get('*/api/analytics', () => {
        asked = true;
        return HttpResponse.json(dashboard('week'));
      }),
    );
    renderApp('/analytics');

    expect(await screen.findByRole('alert')).toBeVisible();
    expect(asked).toBe(false);
    expect(screen.queryByRole('link', { name: 'Analytics' })).toBeNull();
  });
});
