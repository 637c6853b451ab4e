import { useId, useState, type ReactNode } from 'react';
import { exportKindSchema } from '@tablehop/protocol';
import { FigureItems, type Figure } from '../../components/figure-list';
import { NotFoundNotice } from '../../components/feedback';
import { useI18n } from '../../lib/i18n-context';
import { reportsApi } from './reports-api';

export type { Figure };

/** A card with a heading and a row of figures (the same look as the edition page's figures). */
export function FigureSection({ title, figures, children }: { title: string; figures: Figure[]; children?: ReactNode }) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <dl className="figures">
        <FigureItems figures={figures} />
      </dl>
      {children}
    </section>
  );
}

/** A column of a report table: its heading, whether it holds numbers (right-aligned), and its cell. */
export interface ReportColumn<R> {
  label: string;
  numeric?: boolean;
  cell(row: R): ReactNode;
}

/**
 * A report's data table: the first column heads each row; every other cell carries its column's
 * label (the narrow layout shows it beside the value).
 */
export function ReportTable<R>({
  columns,
  rows,
  rowKey,
}: {
  columns: ReadonlyArray<ReportColumn<R>>;
  rows: readonly R[];
  rowKey(row: R): string | number;
}) {
  const numClass = (column: ReportColumn<R>) => (column.numeric ? 'num' : undefined);
  return (
    <div className="table-scroll">
      <table className="data-table">
        <thead>
          <tr>
            {columns.map((column, i) => (
              <th key={i} scope="col" className={numClass(column)}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={i} className={numClass(column)} data-label={column.label}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
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
  return <NotFoundNotice text={t.repNotFound} href="/organizer" action={t.orgBackToDashboard} />;
}

export const isMissing = (code: string): boolean =>
  ['ERR_EDITION_NOT_FOUND', 'ERR_SERIES_NOT_FOUND', 'ERR_NOT_FOUND', 'ERR_VALIDATION'].includes(code);
