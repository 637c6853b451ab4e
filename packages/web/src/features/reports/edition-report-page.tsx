import type { EditionReport } from '@tablehop/protocol';
import { ErrorState, LoadingState } from '../../components/feedback';
import { BackLink, Link } from '../../components/link';
import { formatDate, formatDateTime } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n-context';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useRequest } from '../../lib/use-request';
import { formatNps, formatNumber, formatPercent } from './report-format';
import { ExportsCard, FigureSection, isMissing, ReportNotFound, ReportTable } from './report-parts';
import { reportsApi } from './reports-api';
import './reports.css';

/** `/organizer/editions/:id/report`: what happened at one edition, with the exports. */
export function EditionReportPage({ editionId }: { editionId: string }) {
  const { t } = useI18n();
  const report = useRequest((signal) => reportsApi.editionReport(editionId, signal), [editionId]);
  useDocumentTitle(report.state === 'ok' ? `${t.repEditionTitle} · ${report.data.edition.seriesName}` : t.repEditionTitle);
  if (report.state === 'loading') return <LoadingState />;
  if (report.state === 'error')
    return isMissing(report.error.code) ? <ReportNotFound /> : <ErrorState asPage error={report.error} onRetry={report.reload} />;
  return <EditionReportView report={report.data} />;
}

export function EditionReportView({ report }: { report: EditionReport }) {
  const { t, language } = useI18n();
  const { edition, registrations: reg, attendance, connections, feedback } = report;
  const none = t.repNone;
  const date = formatDate(edition.startsAt, edition.timeZone, language);
  const editionHref = `/organizer/editions/${encodeURIComponent(edition.id)}`;

  return (
    <>
      <BackLink href={editionHref}>{t.repBackToEdition}</BackLink>
      <header className="org-header">
        <div>
          <p className="eyebrow">{edition.seriesName}</p>
          <h1 className="fact-strong">
            {t.repEditionTitle}: {date}
          </h1>
        </div>
        <div className="header-actions">
          <Link href={`/organizer/series/${encodeURIComponent(edition.seriesId)}/report`} className="button button-secondary">
            {t.repSeriesReportLink}
          </Link>
        </div>
      </header>

      <ExportsCard editionId={edition.id} rounds={edition.rounds} />

      {!report.held && (
        <p className="card notice" role="note">
          {t.repNotHeld}
        </p>
      )}

      <div className="report-grid">
        <FigureSection
          title={t.repRegistrations}
          figures={[
            { label: t.repRegistered, value: reg.total },
            { label: t.repConfirmed, value: reg.confirmed, note: t.repCapacity(edition.capacity), tone: 'success' },
            { label: t.repWaitlisted, value: reg.waitlisted, tone: 'waitlist' },
            { label: t.repPromoted, value: reg.promoted, note: `${t.repConversion}: ${formatPercent(reg.waitlistConversion, language, none)}` },
            { label: t.repStillWaiting, value: reg.waiting },
            { label: t.repCancelled, value: reg.cancelled },
            ...(reg.expired > 0 ? [{ label: t.repExpired, value: reg.expired }] : []),
          ]}
        />
        <FigureSection
          title={t.repAttendance}
          figures={[
            { label: t.repExpected, value: attendance.expected },
            { label: t.repAttended, value: report.held ? attendance.attended : none, tone: 'success' },
            {
              label: t.repNoShows,
              value: attendance.noShows ?? none,
              note: `${t.repNoShowRate}: ${formatPercent(attendance.noShowRate, language, none)}`,
            },
            { label: t.repLate, value: report.held ? attendance.lateArrivals : none },
          ]}
        />
        <FigureSection
          title={t.repConnections}
          figures={[
            { label: t.repConnectionsTotal, value: report.held ? connections.total : none },
            { label: t.repConnectionsNew, value: report.held ? connections.new : none, note: t.repConnectionsNewNote, tone: 'success' },
            { label: t.repConnectionsRepeat, value: report.held ? connections.repeat : none },
            { label: t.repPerAttendee, value: formatNumber(connections.perAttendee, language, none) },
            { label: t.repMutual, value: report.held ? connections.mutualContacts : none },
          ]}
        />
      </div>

      <RoundsTable report={report} />

      <FigureSection
        title={t.repFeedback}
        figures={[
          { label: t.repResponses, value: feedback.responses },
          {
            label: t.repAverage,
            value: feedback.averageRating === null ? none : t.repOutOf5(formatNumber(feedback.averageRating, language, none, 2)),
          },
          {
            label: t.repNps,
            value: formatNps(feedback.nps, language, none),
            note: feedback.recommendResponses > 0 ? t.repNpsSplit(feedback.promoters, feedback.passives, feedback.detractors) : t.repNpsHint,
          },
        ]}
      >
        {feedback.responses === 0 ? (
          <p className="muted">{t.repNoFeedback}</p>
        ) : (
          <RatingBars distribution={feedback.distribution} total={feedback.responses} />
        )}
        {feedback.moderatorResponses > 0 && (
          <p className="muted small">
            {t.repModeratorFeedback(feedback.moderatorResponses, formatNumber(feedback.moderatorAverageRating, language, none, 2))}
          </p>
        )}
        {report.comments.length > 0 && (
          <>
            <h3 className="report-sub">{t.repComments}</h3>
            <ul className="report-list">
              {report.comments.map((c, i) => (
                <li key={i}>
                  <p className="report-quote">{c.text}</p>
                  <p className="muted small">
                    {t.repRole[c.role]} · {t.repRatingOf(c.rating)}
                    {c.recommend !== null && ` · ${t.repRecommendOf(c.recommend)}`}
                  </p>
                </li>
              ))}
            </ul>
          </>
        )}
      </FigureSection>

      <LiveSection report={report} />
    </>
  );
}

function RoundsTable({ report }: { report: EditionReport }) {
  const { t, language } = useI18n();
  if (!report.held) return null;
  return (
    <section className="card" aria-labelledby="rounds-title">
      <h2 id="rounds-title">{t.repRoundsTitle}</h2>
      {report.rounds.length === 0 ? (
        <p className="muted">{t.repNoRounds}</p>
      ) : (
        <ReportTable
          rows={report.rounds}
          rowKey={(r) => r.round}
          columns={[
            { label: t.repColRound, cell: (r) => `${t.repColRound} ${r.round}` },
            { label: t.repColTables, numeric: true, cell: (r) => r.tables },
            { label: t.repColSeated, numeric: true, cell: (r) => r.seated },
            { label: t.repColSizes, cell: (r) => t.repSizes(r.minTable, r.maxTable, formatNumber(r.averageTable, language, t.repNone)) },
            { label: t.repColModerated, numeric: true, cell: (r) => r.moderatedTables },
          ]}
        />
      )}
    </section>
  );
}

/** Ratings 5..1 as bars; the numbers are text, the bars only decoration. */
function RatingBars({ distribution, total }: { distribution: number[]; total: number }) {
  const { t } = useI18n();
  return (
    <>
      <h3 className="report-sub">{t.repDistribution}</h3>
      <ul className="rating-bars">
        {[5, 4, 3, 2, 1].map((stars) => {
          const count = distribution[stars - 1] ?? 0;
          return (
            <li key={stars}>
              <span className="rating-label">{t.repStars(stars)}</span>
              <span className="rating-bar" aria-hidden="true">
                <span style={{ width: `${total === 0 ? 0 : Math.round((count / total) * 100)}%` }} />
              </span>
              <span className="rating-count">{t.repAnswers(count)}</span>
            </li>
          );
        })}
      </ul>
    </>
  );
}

function LiveSection({ report }: { report: EditionReport }) {
  const { t, language } = useI18n();
  const { notes, help, flags } = report.live;
  const when = (iso: string) => formatDateTime(iso, report.edition.timeZone, language);
  return (
    <section className="card" aria-labelledby="live-title">
      <h2 id="live-title">{t.repLiveTitle}</h2>
      <div className="report-live">
        <div>
          <h3>{t.repNotes}</h3>
          {notes.length === 0 ? (
            <p className="muted">{t.repNoNotes}</p>
          ) : (
            <ul className="report-list">
              {notes.map((n, i) => (
                <li key={i}>
                  <p className="report-quote">{n.text}</p>
                  <p className="muted small">{n.moderatorName}</p>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3>{t.repHelp}</h3>
          {help.length === 0 ? (
            <p className="muted">{t.repNoHelp}</p>
          ) : (
            <ul className="report-list">
              {help.map((h, i) => (
                <li key={i}>
                  <p>
                    <span className="badge badge-closed">{t.repHelpStatus[h.status]}</span> {h.text}
                  </p>
                  {h.answer && (
                    <p className="small">
                      {t.repAnswer}: {h.answer}
                    </p>
                  )}
                  <p className="muted small">
                    {h.moderatorName} · {t.repWhere(h.round, h.table)} · {when(h.at)}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3>{t.repFlags}</h3>
          {flags.length === 0 ? (
            <p className="muted">{t.repNoFlags}</p>
          ) : (
            <ul className="report-list">
              {flags.map((f, i) => (
                <li key={i}>
                  <p>
                    <strong>{t.repFlagKind[f.kind]}</strong>
                    {f.personName && `: ${f.personName}`}
                    {f.text && ` · ${f.text}`}
                  </p>
                  <p className="muted small">
                    {f.moderatorName} · {t.repWhere(f.round, f.table)}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
