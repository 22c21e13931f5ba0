import { lazy, Suspense, useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { QueryError } from '@/components/ui/query-error';
import { useFormatters } from '@/hooks/use-formatters';
import type { AnalyticsDashboard, AnalyticsFigures, CatchUpFigures } from '@/lib/api-types';
import { analyticsExportHref, useAnalytics } from '../api/get-analytics';
import { useAnalyticsFilters, type AnalyticsFilters } from '../hooks/use-analytics-filters';

const AnalyticsChart = lazy(() => import('./analytics-chart'));

/**
 * The analytics dashboard: what was recorded and watched in the days chosen, in total, over time (a chart and a
 * table), per course/circle/lesson and per teacher, with CSV downloads of each table. Admins see the academy,
 * teachers their own classes (the server decides).
 */
export function AnalyticsDashboardView() {
  const { t } = useTranslation();
  const { filters, setFilters } = useAnalyticsFilters();
  const analytics = useAnalytics(filters);

  return (
    <div className="stack analytics">
      <h1>{t('analytics.title')}</h1>
      <AnalyticsFilterForm filters={filters} shown={analytics.data} onChange={setFilters} />
      {analytics.isPending ? (
        <Loading />
      ) : analytics.isError && !analytics.data ? (
        <QueryError error={analytics.error} onRetry={() => void analytics.refetch()} />
      ) : (
        <Report dashboard={analytics.data} filters={filters} />
      )}
    </div>
  );
}

/** The report the server answered: its days, totals, and each table with its CSV download (for the days shown). */
function Report({ dashboard, filters }: { dashboard: AnalyticsDashboard; filters: AnalyticsFilters }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { report, from, to } = dashboard;
  const shown = { ...filters, from, to };
  return (
    <>
      <p className="analytics__span">{t('analytics.span', { from: format.date(from), to: format.date(to) })}</p>
      <Totals figures={report.totals} catchUp={report.catchUp} storedBytes={report.storedBytes} />
      <ReportSection
        title={t(`analytics.periods.${dashboard.bucket}`)}
        firstColumn={t('analytics.periodStart')}
        rows={report.periods.map((p) => ({ key: p.start, name: format.date(p.start), figures: p.figures }))}
        exportHref={analyticsExportHref(shown, 'periods')}
      >
        {report.periods.length > 0 && (
          <Suspense fallback={<Loading />}>
            <AnalyticsChart
              periods={report.periods}
              bucket={dashboard.bucket}
              labels={{ period: t('analytics.periodStart'), recorded: t('analytics.recordedHours'), watched: t('analytics.watchedHours'), hours: t('analytics.hours') }}
            />
          </Suspense>
        )}
      </ReportSection>
      <ReportSection
        title={t('analytics.parents')}
        firstColumn={t('analytics.parent')}
        rows={report.parents.map((p) => ({
          key: `${p.sessionKind}-${p.parentId ?? ''}-${p.teacherId}`,
          name: p.name ?? t(`sessionKind.${p.sessionKind}`, { defaultValue: p.sessionKind }),
          detail: p.teacherName ?? undefined,
          figures: p.figures,
          catchUp: p.catchUp,
        }))}
        exportHref={analyticsExportHref(shown, 'parents')}
      />
      <ReportSection
        title={t('analytics.teachers')}
        firstColumn={t('analytics.teacher')}
        rows={report.teachers.map((p) => ({ key: p.teacherId, name: p.name ?? p.teacherId, figures: p.figures, catchUp: p.catchUp }))}
        exportHref={analyticsExportHref(shown, 'teachers')}
      />
    </>
  );
}

/** The days asked for, or else those the server chose (`shown`), so the fields never look empty. */
function AnalyticsFilterForm({
  filters,
  shown,
  onChange,
}: {
  filters: AnalyticsFilters;
  shown?: { from: string; to: string };
  onChange: (change: Partial<Record<'from' | 'to' | 'bucket', string | undefined>>) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <form className="filters" aria-label={t('analytics.filters')} onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor={`${id}-from`}>{t('analytics.from')}</label>
        <input id={`${id}-from`} type="date" value={filters.from ?? shown?.from ?? ''} onChange={(event) => onChange({ from: event.target.value || undefined })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>{t('analytics.to')}</label>
        <input id={`${id}-to`} type="date" value={filters.to ?? shown?.to ?? ''} onChange={(event) => onChange({ to: event.target.value || undefined })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-bucket`}>{t('analytics.bucket')}</label>
        <select id={`${id}-bucket`} value={filters.bucket} onChange={(event) => onChange({ bucket: event.target.value === 'month' ? 'month' : undefined })}>
          <option value="week">{t('analytics.byWeek')}</option>
          <option value="month">{t('analytics.byMonth')}</option>
        </select>
      </div>
    </form>
  );
}

function Totals({ figures, catchUp, storedBytes }: { figures: AnalyticsFigures; catchUp: CatchUpFigures; storedBytes: number }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const items: [string, string, string?][] = [
    [t('analytics.recordings'), format.number(figures.recordings)],
    [t('analytics.recordedHours'), format.hours(figures.recordedSeconds)],
    [t('analytics.views'), format.number(figures.views)],
    [t('analytics.uniqueViewers'), format.number(figures.uniqueViewers)],
    [t('analytics.watchTime'), format.hours(figures.watchedSeconds)],
    [t('analytics.averageCoverage'), figures.averageCoverage == null ? '—' : format.percent(figures.averageCoverage)],
    [
      t('analytics.catchUpRate'),
      catchUp.rate == null ? '—' : format.percent(catchUp.rate),
      catchUp.needingCatchUp === 0 ? undefined : t('analytics.catchUpOf', { caught: format.number(catchUp.caughtUp), needing: format.number(catchUp.needingCatchUp) }),
    ],
    [t('analytics.storage'), format.bytes(storedBytes)],
  ];
  return (
    <dl className="analytics-totals" data-testid="analytics-totals">
      {items.map(([term, value, detail]) => (
        <div key={term} className="analytics-totals__item">
          <dt>{term}</dt>
          <dd>
            {value}
            {detail && <span className="analytics-totals__detail">{detail}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

type FiguresRow = { key: string; name: string; detail?: string; figures: AnalyticsFigures; catchUp?: CatchUpFigures };

/** One table of the report under its heading (a chart may come first), then its CSV download. */
function ReportSection({ title, firstColumn, rows, exportHref, children }: { title: string; firstColumn: string; rows: FiguresRow[]; exportHref: string; children?: ReactNode }) {
  const headingId = useId();
  return (
    <section className="stack">
      <h2 id={headingId}>{title}</h2>
      {children}
      <FiguresTable caption={title} labelledBy={headingId} firstColumn={firstColumn} rows={rows} />
      <ExportLink href={exportHref} />
    </section>
  );
}

function FiguresTable({ caption, labelledBy, firstColumn, rows }: { caption: string; labelledBy: string; firstColumn: string; rows: FiguresRow[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (rows.length === 0) return <p className="empty">{t('analytics.empty')}</p>;
  const withCatchUp = rows.some((row) => row.catchUp);
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a focusable region lets keyboard users scroll the table on a phone
    <div className="table-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{firstColumn}</th>
            <th scope="col">{t('analytics.recordings')}</th>
            <th scope="col">{t('analytics.recordedHours')}</th>
            <th scope="col">{t('analytics.storageAdded')}</th>
            <th scope="col">{t('analytics.views')}</th>
            <th scope="col">{t('analytics.uniqueViewers')}</th>
            <th scope="col">{t('analytics.watchTime')}</th>
            <th scope="col">{t('analytics.averageCoverage')}</th>
            {withCatchUp && <th scope="col">{t('analytics.catchUpRate')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">
                <bdi dir="auto">{row.name}</bdi>
                {row.detail && (
                  <span className="analytics__detail">
                    {' · '}
                    <bdi dir="auto">{row.detail}</bdi>
                  </span>
                )}
              </th>
              <td>{format.number(row.figures.recordings)}</td>
              <td>{format.hours(row.figures.recordedSeconds)}</td>
              <td>{format.bytes(row.figures.recordedBytes)}</td>
              <td>{format.number(row.figures.views)}</td>
              <td>{format.number(row.figures.uniqueViewers)}</td>
              <td>{format.hours(row.figures.watchedSeconds)}</td>
              <td>{row.figures.averageCoverage == null ? '—' : format.percent(row.figures.averageCoverage)}</td>
              {withCatchUp && <td>{row.catchUp?.rate == null ? '—' : format.percent(row.catchUp.rate)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ExportLink({ href }: { href: string }) {
  const { t } = useTranslation();
  return (
    <p>
      <a href={href} download className="button button--secondary">
        {t('analytics.exportCsv')}
      </a>
    </p>
  );
}
