import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { AnalyticsBucket, AnalyticsPeriod } from '@/lib/api-types';

const HEIGHT = 240;
const DAY = 24 * 60 * 60;

/**
 * Hours recorded (bars) and hours watched (line) per period, drawn by uPlot on a canvas. Loaded on its own (React.lazy),
 * so the dashboard's figures and tables show before the library arrives; the periods table says the same in text, so
 * the canvas is hidden from assistive technology. Time runs left to right in both languages.
 */
export default function AnalyticsChart({
  periods,
  bucket,
  labels,
}: {
  periods: AnalyticsPeriod[];
  bucket: AnalyticsBucket;
  labels: { period: string; recorded: string; watched: string; hours: string };
}) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const half = ((bucket === 'week' ? 7 : 30) * DAY) / 2;
    const starts = periods.map((p) => Date.parse(`${p.start}T00:00:00Z`) / 1000);
    const data: uPlot.AlignedData = [
      starts,
      periods.map((p) => p.figures.recordedSeconds / 3600),
      periods.map((p) => p.figures.watchedSeconds / 3600),
    ];
    const chart = new uPlot(
      {
        width: element.clientWidth || 320,
        height: HEIGHT,
        // The periods with half a period either side, so that a single period is a bar in its week or month (uPlot would
        // otherwise stretch one point over 1,000 days).
        scales: {
          x: { time: true, range: () => [Math.min(...starts) - half, Math.max(...starts) + half] },
          // Hours start at zero, so that bar heights compare.
          y: { range: (_, _min, max) => [0, max > 0 ? max * 1.1 : 1] },
        },
        axes: [{}, { label: labels.hours }],
        series: [
          { label: labels.period },
          { label: labels.recorded, stroke: '#0f5132', fill: 'rgba(15, 81, 50, 0.35)', paths: uPlot.paths.bars?.({ size: [0.6, 48] }) },
          { label: labels.watched, stroke: '#1d4ed8', width: 2 },
        ],
      },
      data,
      element,
    );
    const resize = new ResizeObserver(() => chart.setSize({ width: element.clientWidth, height: HEIGHT }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [periods, bucket, labels.period, labels.recorded, labels.watched, labels.hours]);
  return <div ref={container} className="analytics-chart" dir="ltr" aria-hidden="true" data-testid="analytics-chart" />;
}
