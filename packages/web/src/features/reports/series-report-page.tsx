import { Component, lazy, Suspense, type ReactNode } from 'react';
import type { SeriesReport } from '@tablehop/protocol';
import { ErrorState, LoadingState } from '../../components/feedback';
import { BackLink, Link } from '../../components/link';
import { useI18n } from '../../lib/i18n-context';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useRequest } from '../../lib/use-request';
import { formatNps, formatNumber, formatPercent, formatShortDate } from './report-format';
import { FigureSection, isMissing, ReportNotFound, ReportTable } from './report-parts';
import { reportsApi } from './reports-api';
import './reports.css';

// chart.js is only fetched when a series report is shown.
const SeriesCharts = lazy(() => import('./series-charts'));

/** `/organizer/series/:id/report`: every edition of a series side by side, with trends. */
export function SeriesReportPage({ seriesId }: { seriesId: string }) {
  const { t } = useI18n();
  const report = useRequest((signal) => reportsApi.seriesReport(seriesId, signal), [seriesId]);
  useDocumentTitle(report.state === 'ok' ? `${t.repSeriesTitle} · ${report.data.series.name}` : t.repSeriesTitle);
  if (report.state === 'loading') return <LoadingState />;
  if (report.state === 'error')
    return isMissing(report.error.code) ? <ReportNotFound /> : <ErrorState asPage error={report.error} onRetry={report.reload} />;
  return <SeriesReportView report={report.data} />;
}

export function SeriesReportView({ report }: { report: SeriesReport }) {
  const { t, language } = useI18n();
  const { totals, series } = report;
  const none = t.repNone;
  const held = report.editions.filter((e) => e.held);
  return (
    <>
      <BackLink href="/organizer">{t.orgBackToDashboard}</BackLink>
      <header className="org-header">
        <div>
          <p className="eyebrow">{series.name}</p>
          <h1>{t.repSeriesTitle}</h1>
        </div>
      </header>

      <FigureSection
        title={t.repTotals}
        figures={[
          { label: t.repEditionsHeld, value: totals.editionsHeld },
          {
            label: t.repAttended,
            value: totals.attended,
            note: `${t.repAverageAttendance}: ${formatNumber(totals.averageAttendance, language, none)}`,
            tone: 'success',
          },
          { label: t.repUniqueParticipants, value: totals.uniqueParticipants },
          { label: t.repNoShowRate, value: formatPercent(totals.noShowRate, language, none) },
          { label: t.repConnectionsNew, value: totals.newConnections, note: `${t.repConnectionsRepeat}: ${totals.repeatConnections}` },
          { label: t.repAverage, value: totals.averageRating === null ? none : t.repOutOf5(formatNumber(totals.averageRating, language, none, 2)) },
          { label: t.repNps, value: formatNps(totals.nps, language, none), note: t.repNpsHint },
        ]}
      />

      <section className="card" aria-labelledby="charts-title">
        <h2 id="charts-title">{t.repChartsTitle}</h2>
        {held.length === 0 ? (
          <p className="muted">{t.repNoneHeld}</p>
        ) : (
          <ChartBoundary fallback={<p className="muted">{t.repChartsFailed}</p>}>
            <Suspense
              fallback={
                <p className="muted" role="status">
                  {t.repChartsLoading}
                </p>
              }
            >
              <SeriesCharts editions={held} timeZone={series.timeZone} />
            </Suspense>
          </ChartBoundary>
        )}
      </section>

      <section className="card" aria-labelledby="editions-title">
        <h2 id="editions-title">{t.repEditionsTable}</h2>
        {report.editions.length === 0 ? (
          <p className="empty">{t.repNoEditions}</p>
        ) : (
          <ReportTable
            rows={report.editions}
            rowKey={(e) => e.id}
            columns={[
              {
                label: t.repColDate,
                cell: (e) => {
                  const date = formatShortDate(e.startsAt, series.timeZone, language);
                  return (
                    <>
                      <Link href={`/organizer/editions/${encodeURIComponent(e.id)}/report`} aria-label={t.repOpenEditionReport(date)}>
                        {date}
                      </Link>{' '}
                      <span className="muted small">{t.orgEditionStatus[e.status]}</span>
                    </>
                  );
                },
              },
              { label: t.repColRegistered, numeric: true, cell: (e) => e.registered },
              { label: t.repColAttended, numeric: true, cell: (e) => (e.held ? `${e.attended} / ${e.confirmed}` : none) },
              {
                label: t.repColNoShow,
                numeric: true,
                cell: (e) => (e.noShows === null ? none : `${e.noShows} (${formatPercent(e.noShowRate, language, none)})`),
              },
              { label: t.repColNewReturning, numeric: true, cell: (e) => (e.held ? `${e.newParticipants} / ${e.returningParticipants}` : none) },
              { label: t.repColConnections, numeric: true, cell: (e) => (e.held ? e.newConnections : none) },
              { label: t.repColRating, numeric: true, cell: (e) => formatNumber(e.averageRating, language, none, 2) },
              { label: t.repColNps, numeric: true, cell: (e) => formatNps(e.nps, language, none) },
            ]}
          />
        )}
      </section>
    </>
  );
}

/** Shows `fallback` when the chart chunk cannot be loaded or drawn (the table still has every figure). */
class ChartBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
