import { useEffect, useRef, useState } from 'react';
import type { Edition, RegistrationStatus, RegistrationView } from '@tablehop/protocol';
import { ApiError } from '../../lib/api-client';
import { describeApiError } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n-context';
import { useSession } from '../../lib/session-context';
import { statusLabel } from '../manage/status-card';
import { formatShortDateTime } from './organizer-format';
import { filterRegistrations } from './registrations-filter';

const PAGE_SIZE = 100;
const statuses: readonly RegistrationStatus[] = ['confirmed', 'offered', 'waitlisted', 'cancelled', 'expired'];
const tones: Record<RegistrationStatus, string> = {
  confirmed: 'success',
  waitlisted: 'waitlist',
  offered: 'offer',
  cancelled: 'neutral',
  expired: 'neutral',
};

/** Every registration of an edition: filter by status, search, cancel (after a confirm step). */
export function RegistrationsTable({
  edition,
  registrations,
  onChanged,
}: {
  edition: Edition;
  registrations: RegistrationView[];
  onChanged(): void;
}) {
  const { t, language } = useI18n();
  const { organizerApi } = useSession();
  const [status, setStatus] = useState<RegistrationStatus | ''>('');
  const [query, setQuery] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const confirmYes = useRef<HTMLButtonElement>(null);
  const cancelButtons = useRef(new Map<string, HTMLButtonElement>());
  const searchInput = useRef<HTMLInputElement>(null);

  const shown = filterRegistrations(registrations, status || null, query);
  // 1,000 rows filter fast, but render slowly on a phone: the first pages, then more on request.
  const [limit, setLimit] = useState(PAGE_SIZE);
  useEffect(() => setLimit(PAGE_SIZE), [status, query]);
  const visible = shown.slice(0, limit);

  useEffect(() => {
    if (confirming) confirmYes.current?.focus();
  }, [confirming]);

  const cancel = async (registration: RegistrationView) => {
    setBusy(true);
    setMessage(null);
    try {
      await organizerApi.cancelRegistration(edition.id, registration.id);
      setMessage({ ok: true, text: t.orgCancelledOne(registration.name) });
      setConfirming(null);
      // The row stays (now cancelled) or leaves the filtered list: put focus somewhere stable.
      searchInput.current?.focus();
      onChanged();
    } catch (error) {
      setMessage({ ok: false, text: describeApiError(t, error instanceof ApiError ? error.code : 'ERR_UNEXPECTED') });
    } finally {
      setBusy(false);
    }
  };

  const keep = (id: string) => {
    setConfirming(null);
    setTimeout(() => cancelButtons.current.get(id)?.focus(), 0);
  };

  return (
    <div className="registrations">
      <div className="table-tools" role="search">
        <div className="field">
          <label htmlFor="reg-filter-status" className="field-label">
            {t.orgFilterStatus}
          </label>
          <select
            id="reg-filter-status"
            className="input select"
            value={status}
            onChange={(event) => setStatus(event.target.value as RegistrationStatus | '')}
          >
            <option value="">{t.orgFilterAll}</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {statusLabel(t, s)} ({registrations.filter((r) => r.status === s).length})
              </option>
            ))}
          </select>
        </div>
        <div className="field table-search">
          <label htmlFor="reg-search" className="field-label">
            {t.orgSearch}
          </label>
          <input
            id="reg-search"
            ref={searchInput}
            className="input"
            type="search"
            placeholder={t.orgSearchHint}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
        </div>
      </div>
      <p className="muted small" aria-live="polite" aria-atomic="true">
        {registrations.length > 0 && t.orgResultCount(shown.length, registrations.length)}
      </p>
      <div aria-live="polite" className="form-status">
        {message && <p className={message.ok ? 'alert alert-success' : 'alert alert-error'}>{message.text}</p>}
      </div>
      {registrations.length === 0 ? (
        <p className="empty">{t.orgNoRegistrations}</p>
      ) : shown.length === 0 ? (
        <p className="empty">{t.orgNoMatches}</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">{t.orgRegistrations}</caption>
          <thead>
            <tr>
              <th scope="col">{t.orgColName}</th>
              <th scope="col">{t.orgColCompany}</th>
              <th scope="col">{t.orgColSector}</th>
              <th scope="col">{t.orgColStatus}</th>
              <th scope="col" className="num">
                {t.orgColPosition}
              </th>
              <th scope="col">{t.orgColRegistered}</th>
              <th scope="col">
                <span className="visually-hidden">{t.orgColActions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {visible.map((r) => {
              const canCancel = r.status === 'confirmed' || r.status === 'waitlisted' || r.status === 'offered';
              return (
                <tr key={r.id}>
                  <th scope="row" data-label={t.orgColName}>
                    <span className="cell-name">{r.name}</span>
                    <span className="cell-sub">{r.email}</span>
                    {r.source === 'organizer' && <span className="cell-sub">{t.orgByHand}</span>}
                  </th>
                  <td data-label={t.orgColCompany}>{r.company || <span className="muted">—</span>}</td>
                  <td data-label={t.orgColSector}>{r.sector || <span className="muted">—</span>}</td>
                  <td data-label={t.orgColStatus}>
                    <span className={`status-pill status-pill-${tones[r.status]}`}>{statusLabel(t, r.status)}</span>
                  </td>
                  <td data-label={t.orgColPosition} className="num">
                    {r.waitlistPosition ?? <span className="muted">—</span>}
                  </td>
                  <td data-label={t.orgColRegistered} className="nowrap">
                    {formatShortDateTime(r.createdAt, edition.timeZone, language)}
                  </td>
                  <td className="cell-actions">
                    {canCancel &&
                      (confirming === r.id ? (
                        <div className="row-confirm" role="group" aria-labelledby={`confirm-${r.id}`}>
                          <p id={`confirm-${r.id}`} className="row-confirm-title">
                            {t.orgCancelConfirm(r.name)}
                          </p>
                          <p className="muted small">{t.orgCancelConfirmText}</p>
                          <div className="row-confirm-actions">
                            <button
                              ref={confirmYes}
                              type="button"
                              className="button button-small button-danger"
                              onClick={() => void cancel(r)}
                              disabled={busy}
                            >
                              {busy ? t.cancelling : t.orgCancelYes}
                            </button>
                            <button type="button" className="button button-small button-secondary" onClick={() => keep(r.id)} disabled={busy}>
                              {t.orgCancelNo}
                            </button>
                          </div>
                        </div>
                      ) : (
                        <button
                          ref={(element) => {
                            if (element) cancelButtons.current.set(r.id, element);
                            else cancelButtons.current.delete(r.id);
                          }}
                          type="button"
                          className="button button-small button-danger-ghost"
                          aria-label={t.orgCancelFor(r.name)}
                          onClick={() => setConfirming(r.id)}
                          disabled={busy}
                        >
                          {t.orgCancel}
                        </button>
                      ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {shown.length > visible.length && (
        <button type="button" className="button button-secondary" onClick={() => setLimit((n) => n + PAGE_SIZE)}>
          {t.orgShowMore(Math.min(PAGE_SIZE, shown.length - visible.length))}
        </button>
      )}
    </div>
  );
}
