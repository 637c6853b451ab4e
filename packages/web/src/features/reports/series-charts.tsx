import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, LineElement, PointElement, Tooltip, type ChartOptions } from 'chart.js';
import { Bar, Line } from 'react-chartjs-2';
import type { SeriesEditionFigures } from '@tablehop/protocol';
import { useI18n } from '../../lib/i18n-context';
import { formatPercent, formatShortDate } from './report-format';

/**
 * The series trends, drawn with chart.js. This module is loaded lazily by the series report, so
 * chart.js never reaches the participant pages (nor the other organizer pages). Every chart is a
 * `role="img"` canvas whose `aria-label` reads out all its values; the editions table on the page
 * holds the same figures as text.
 */
ChartJS.register(CategoryScale, LinearScale, BarElement, LineElement, PointElement, Tooltip, Legend);

const COLORS = { accent: '#1f5eb8', success: '#1d6b3f', muted: '#8a94a3', warning: '#b86e00' };

/** The text a chart's `aria-label` reads out: its title, then every value. */
const summary = (title: string, items: string[]) => `${title}. ${items.join('; ')}.`;

function reducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export default function SeriesCharts({ editions, timeZone }: { editions: SeriesEditionFigures[]; timeZone: string }) {
  const { t, language } = useI18n();
  const labels = editions.map((e) => formatShortDate(e.startsAt, timeZone, language));
  const base: ChartOptions<'bar'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: reducedMotion() ? false : undefined,
    plugins: { legend: { position: 'bottom' } },
    scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
  };
  const stacked: ChartOptions<'bar'> = {
    ...base,
    scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
  };
  const percent = (value: number | null) => formatPercent(value, language, t.repNone);

  return (
    <div className="report-charts">
      <BarChartFigure
        title={t.repChartAttendance}
        summaries={editions.map((e, i) => t.repSummaryAttendance(labels[i]!, e.attended, e.confirmed))}
        options={base}
        labels={labels}
        series={[
          { label: t.repLegendConfirmed, data: editions.map((e) => e.confirmed), color: COLORS.muted },
          { label: t.repLegendAttended, data: editions.map((e) => e.attended), color: COLORS.accent },
        ]}
      />
      <BarChartFigure
        title={t.repChartParticipants}
        summaries={editions.map((e, i) => t.repSummaryParticipants(labels[i]!, e.newParticipants, e.returningParticipants))}
        options={stacked}
        labels={labels}
        series={[
          { label: t.repLegendNew, data: editions.map((e) => e.newParticipants), color: COLORS.success },
          { label: t.repLegendReturning, data: editions.map((e) => e.returningParticipants), color: COLORS.accent },
        ]}
      />
      <BarChartFigure
        title={t.repChartConnections}
        summaries={editions.map((e, i) => t.repSummaryConnections(labels[i]!, e.newConnections, e.repeatConnections))}
        options={stacked}
        labels={labels}
        series={[
          { label: t.repLegendNewConnections, data: editions.map((e) => e.newConnections), color: COLORS.success },
          { label: t.repLegendRepeat, data: editions.map((e) => e.repeatConnections), color: COLORS.muted },
        ]}
      />
      <ChartFigure
        title={t.repChartNoShow}
        label={summary(
          t.repChartNoShow,
          editions.map((e, i) => t.repSummaryNoShow(labels[i]!, percent(e.noShowRate))),
        )}
      >
        {(aria) => (
          <Line
            {...aria}
            options={{
              responsive: true,
              maintainAspectRatio: false,
              animation: reducedMotion() ? false : undefined,
              plugins: {
                legend: { display: false },
                tooltip: { callbacks: { label: (item) => percent(item.parsed.y === null ? null : item.parsed.y / 100) } },
              },
              scales: { y: { beginAtZero: true, suggestedMax: 20, ticks: { callback: (value) => `${value} %` } } },
            }}
            data={{
              labels,
              datasets: [
                {
                  label: t.repLegendNoShow,
                  data: editions.map((e) => (e.noShowRate === null ? null : Math.round(e.noShowRate * 1000) / 10)),
                  borderColor: COLORS.warning,
                  backgroundColor: COLORS.warning,
                  spanGaps: true,
                },
              ],
            }}
          />
        )}
      </ChartFigure>
    </div>
  );
}

function ChartFigure({
  title,
  label,
  children,
}: {
  title: string;
  label: string;
  children: (aria: { role: string; 'aria-label': string }) => React.ReactNode;
}) {
  return (
    <figure className="report-chart">
      <figcaption className="report-chart-title">{title}</figcaption>
      <div className="report-chart-canvas">{children({ role: 'img', 'aria-label': label })}</div>
    </figure>
  );
}

/** A bar chart of a few series over the editions, in its figure. */
function BarChartFigure({
  title,
  summaries,
  options,
  labels,
  series,
}: {
  title: string;
  summaries: string[];
  options: ChartOptions<'bar'>;
  labels: string[];
  series: Array<{ label: string; data: number[]; color: string }>;
}) {
  return (
    <ChartFigure title={title} label={summary(title, summaries)}>
      {(aria) => (
        <Bar
          {...aria}
          options={options}
          data={{ labels, datasets: series.map((s) => ({ label: s.label, data: s.data, backgroundColor: s.color })) }}
        />
      )}
    </ChartFigure>
  );
}
