import { useId, useState, type ReactNode } from 'react';
import { exportKindSchema } from '@tablehop/protocol';
import { Link } from '../../components/link';
import { useI18n } from '../../lib/i18n-context';
import { reportsApi } from './reports-api';

export interface Figure {
  label: string;
  value: string | number;
  note?: string;
  tone?: 'success' | 'offer' | 'waitlist';
}

/** A card with a heading and a row of figures (the same look as the edition page's figures). */
export function FigureSection({ title, figures, children }: { title: string; figures: Figure[]; children?: ReactNode }) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <dl className="figures">
        {figures.map((figure) => (
          <div key={figure.label} className={figure.tone ? `figure figure-${figure.tone}` : 'figure'}>
            <dt>{figure.label}</dt>
            <dd>
              <span className="figure-value">{figure.value}</span>
              {figure.note && <span className="figure-note">{figure.note}</span>}
            </dd>
          </div>
        ))}
      </dl>
      {children}
    </section>
  );
}

/** The CSV downloads of an edition and the Zoom pre-assignment of one round. */
export function ExportsCard({ editionId, rounds }: { editionId: string; rounds: number }) {
  const { t } = useI18n();
  const [round, setRound] = useState(1);
  const selectId = useId();
  return (
    <section className="card" aria-labelledby="exports-title">
      <h2 id="exports-title">{t.repExportsTitle}</h2>
      <p className="muted small">{t.repExportsHint}</p>
      <ul className="report-exports">
        {exportKindSchema.options.map((kind) => (
          <li key={kind}>
            <a className="button button-secondary button-small" href={reportsApi.exportUrl(editionId, kind)} download>
              {t.repExportFile(t.repExport[kind])}
            </a>
          </li>
        ))}
      </ul>
      {rounds > 0 && (
        <div className="report-zoom">
          <h3>{t.repZoomTitle}</h3>
          <p className="muted small">{t.repZoomHint}</p>
          <div className="report-zoom-row">
            <label htmlFor={selectId}>{t.repZoomRound}</label>
            <select
              id={selectId}
              className="input select report-zoom-select"
              value={round}
              onChange={(event) => setRound(Number(event.target.value))}
            >
              {Array.from({ length: rounds }, (_, i) => (
                <option key={i + 1} value={i + 1}>
                  {i + 1}
                </option>
              ))}
            </select>
            <a className="button button-secondary button-small" href={reportsApi.zoomUrl(editionId, round)} download>
              {t.repZoomDownload}
            </a>
          </div>
        </div>
      )}
    </section>
  );
}

/** "Not found" for a report whose edition or series is gone, with a way back. */
export function ReportNotFound() {
  const { t } = useI18n();
  return (
    <div className="card notice page-notice">
      <h1>{t.notFoundTitle}</h1>
      <p>{t.repNotFound}</p>
      <Link href="/organizer" className="button">
        {t.orgBackToDashboard}
      </Link>
    </div>
  );
}

export const isMissing = (code: string): boolean =>
  ['ERR_EDITION_NOT_FOUND', 'ERR_SERIES_NOT_FOUND', 'ERR_NOT_FOUND', 'ERR_VALIDATION'].includes(code);
