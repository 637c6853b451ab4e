import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Edition } from '@tablehop/protocol';
import { Link } from '../../components/link';
import { ApiError } from '../../lib/api-client';
import { describeApiError, type Messages } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n-context';
import type { ImportOutcome, ImportResult, ImportRow } from '../../lib/organizer-api';
import { useSession } from '../../lib/session-context';
import { FormField } from '../registration/form-field';
import './organizer-admin.css';

const MAX_BYTES = 240_000;
const outcomeOrder: readonly ImportOutcome[] = ['confirmed', 'waitlisted', 'already_registered', 'duplicate', 'invalid', 'failed'];

/** One problem of a row in the interface language (the API words them in English for developers). */
export function describeIssue(t: Messages, issue: { field: string; message: string }): string {
  const line = /also on line (\d+)/.exec(issue.message)?.[1];
  if (line) return t.orgImportIssueAlsoOnLine(line);
  if (issue.field === 'email') return t.orgImportIssueEmail;
  if (issue.field === 'sector') return t.orgImportIssueSector;
  if (issue.field === 'language') return t.orgImportIssueLanguage;
  if (issue.field === 'row') return t.orgImportIssueFailed;
  return t.orgImportIssueMissing(t.orgImportField[issue.field] ?? issue.field);
}

async function readText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
}

type Phase = { kind: 'choose' } | { kind: 'preview'; csv: string; result: ImportResult } | { kind: 'done'; result: ImportResult };

/**
 * Invitees from a CSV file: choose the file, see what would happen to every row (seat, waiting
 * list, problems, duplicates), then import the good rows through the normal registration.
 */
export function InviteeImport({ edition, onImported }: { edition: Edition; onImported?(): void }) {
  const { t } = useI18n();
  const { organizerApi } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: 'choose' });
  const [fileKey, setFileKey] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (phase.kind !== 'choose') heading.current?.focus();
  }, [phase.kind]);

  const startOver = () => {
    setPhase({ kind: 'choose' });
    setFile(null);
    setFileKey((k) => k + 1);
    setError(null);
    setTimeout(() => fileInput.current?.focus(), 0);
  };

  const check = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!file) {
      setFileError(t.orgImportChooseFile);
      return fileInput.current?.focus();
    }
    if (file.size > MAX_BYTES) {
      setFileError(t.orgImportTooLarge);
      return fileInput.current?.focus();
    }
    setBusy(true);
    try {
      let csv: string;
      try {
        csv = await readText(file);
      } catch {
        setFileError(t.orgImportReadError);
        return;
      }
      const result = await organizerApi.previewInvitees(edition.id, csv);
      setPhase({ kind: 'preview', csv, result });
    } catch (e) {
      const apiError = e instanceof ApiError ? e : new ApiError('ERR_UNEXPECTED', String(e), 0);
      if (apiError.code === 'ERR_VALIDATION') setFileError(t.orgImportFileInvalid);
      else setError(describeApiError(t, apiError.code));
    } finally {
      setBusy(false);
    }
  };

  const commit = async (csv: string) => {
    setBusy(true);
    setError(null);
    try {
      const result = await organizerApi.importInvitees(edition.id, csv);
      setPhase({ kind: 'done', result });
      onImported?.();
    } catch (e) {
      setError(describeApiError(t, e instanceof ApiError ? e.code : 'ERR_UNEXPECTED'));
    } finally {
      setBusy(false);
    }
  };

  const errorBox = (
    <div aria-live="assertive" className="form-status">
      {error && <p className="alert alert-error">{error}</p>}
    </div>
  );

  if (phase.kind === 'choose')
    return (
      <form className="card form" onSubmit={check} noValidate aria-labelledby="import-file-title">
        <h2 id="import-file-title">{t.orgImportStepFile}</h2>
        <p>{t.orgImportIntro}</p>
        <pre className="import-example">name,email,company,sector,language{'\n'}An Peeters,an@example.com,Peeters BV,ICT,nl</pre>
        <div className="import-file">
          <FormField
            id="import-file"
            label={t.orgImportFile}
            hint={t.orgImportFileHint}
            error={fileError ?? undefined}
            render={(a11y) => (
              <input
                {...a11y}
                key={fileKey}
                ref={fileInput}
                className="input"
                type="file"
                accept=".csv,text/csv,text/plain"
                onChange={(event) => {
                  setFile(event.target.files?.[0] ?? null);
                  setFileError(null);
                }}
              />
            )}
          />
          <button type="submit" className="button" disabled={busy}>
            {busy ? t.orgImportChecking : t.orgImportCheck}
          </button>
        </div>
        {errorBox}
      </form>
    );

  const { result } = phase;
  const toAdd = result.summary.confirmed + result.summary.waitlisted;
  const done = phase.kind === 'done';
  return (
    <section className="card" aria-labelledby="import-result-title">
      <h2 id="import-result-title" ref={heading} tabIndex={-1}>
        {done ? t.orgImportDoneTitle : t.orgImportPreviewTitle}
      </h2>
      <h3 className="visually-hidden">{t.orgImportSummaryLabel}</h3>
      <ul className="import-summary">
        {outcomeOrder
          .filter((outcome) => (result.summary[outcome] ?? 0) > 0)
          .map((outcome) => (
            <li key={outcome} className={`outcome-${outcome}`}>
              {(done ? t.orgImportDoneCount : t.orgImportCount)[outcome](result.summary[outcome])}
            </li>
          ))}
      </ul>
      <ImportTable rows={result.rows} labels={done ? t.orgImportAdded : t.orgImportOutcome} />
      {!done && (toAdd > 0 ? <p>{t.orgImportMailNote}</p> : <p className="alert alert-warning">{t.orgImportNothing}</p>)}
      {errorBox}
      <div className="actions">
        {!done && toAdd > 0 && (
          <button type="button" className="button" disabled={busy} onClick={() => void commit(phase.csv)}>
            {busy ? t.orgImportImporting : t.orgImportCommit(toAdd)}
          </button>
        )}
        {done && (
          <Link href={`/organizer/editions/${encodeURIComponent(edition.id)}`} className="button">
            {t.orgBackToEdition}
          </Link>
        )}
        <button type="button" className="button button-secondary" disabled={busy} onClick={startOver}>
          {done ? t.orgImportAnother : t.orgImportChooseAgain}
        </button>
      </div>
    </section>
  );
}

function ImportTable({ rows, labels }: { rows: ImportRow[]; labels: Record<ImportOutcome, string> }) {
  const { t } = useI18n();
  return (
    <div className="import-table-wrap" tabIndex={0} role="region" aria-labelledby="import-result-title">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col" className="num">
              {t.orgColLine}
            </th>
            <th scope="col">{t.orgColName}</th>
            <th scope="col">{t.orgColCompany}</th>
            <th scope="col">{t.orgColResult}</th>
            <th scope="col">{t.orgColProblem}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.line}>
              <td className="num" data-label={t.orgColLine}>
                {row.line}
              </td>
              <th scope="row" data-label={t.orgColName}>
                <span className="cell-name">{row.name || '—'}</span>
                <span className="cell-sub">{row.email}</span>
              </th>
              <td data-label={t.orgColCompany}>{row.company || <span className="muted">—</span>}</td>
              <td data-label={t.orgColResult} className={`outcome-${row.outcome}`}>
                {labels[row.outcome]}
                {row.waitlistPosition !== null && row.outcome === 'waitlisted' && ` (${t.orgImportPosition(row.waitlistPosition)})`}
              </td>
              <td data-label={t.orgColProblem}>
                {row.issues.length === 0 ? <span className="muted">—</span> : row.issues.map((issue) => describeIssue(t, issue)).join('; ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
