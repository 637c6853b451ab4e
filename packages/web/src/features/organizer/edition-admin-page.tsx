import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Edition, RegistrationView } from '@tablehop/protocol';
import { ErrorState, LoadingState } from '../../components/feedback';
import { FigureItems, type Figure } from '../../components/figure-list';
import { BackLink, Link } from '../../components/link';
import { formatDate, formatDateTime, formatTimeRange } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n-context';
import type { EditionPatch } from '../../lib/organizer-api';
import { useSession } from '../../lib/session-context';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useRequest } from '../../lib/use-request';
import { isoToLocal, localToIso } from '../../lib/zoned-time';
import { navigate } from '../../lib/router';
import { describeAdminError } from './admin-errors';
import { DeleteAction } from './delete-action';
import './organizer-admin.css';
import { statusLabel } from '../manage/status-card';
import { CheckboxField, FormField } from '../registration/form-field';
import { RegistrationForm } from '../registration/registration-form';
import { EditionStatusBadge, SeatMeter } from './edition-figures';
import { EditionLoadFailure } from './edition-subpage';
import { EditionModerators } from './edition-moderators';
import { EditionIcebreakers } from '../moderator/edition-icebreakers';
import { parseWholeNumber, seatsLeftOf } from './organizer-format';
import { RegistrationsTable } from './registrations-table';

/** `/organizer/editions/:id`: figures, settings, moderators and every registration of one edition. */
export function EditionAdminPage({ editionId }: { editionId: string }) {
  const { t } = useI18n();
  const { organizerApi } = useSession();
  const edition = useRequest((signal) => organizerApi.getEdition(editionId, signal), [editionId, organizerApi]);
  const registrations = useRequest((signal) => organizerApi.listRegistrations(editionId, null, signal), [editionId, organizerApi]);
  const sectors = useRequest((signal) => organizerApi.listSectors(signal).catch(() => [] as string[]), [organizerApi]);
  useDocumentTitle(edition.state === 'ok' ? edition.data.seriesName : t.orgDashboardTitle);

  if (edition.state === 'loading') return <LoadingState />;
  if (edition.state === 'error') return <EditionLoadFailure error={edition.error} onRetry={edition.reload} />;
  const refresh = () => {
    edition.reload();
    registrations.reload();
  };
  return (
    <EditionAdmin
      edition={edition.data}
      registrations={registrations}
      sectors={sectors.state === 'ok' ? sectors.data : []}
      onChanged={refresh}
      onEditionChanged={edition.reload}
    />
  );
}

function EditionAdmin({
  edition,
  registrations,
  sectors,
  onChanged,
  onEditionChanged,
}: {
  edition: Edition;
  registrations: ReturnType<typeof useRequest<RegistrationView[]>>;
  sectors: string[];
  onChanged(): void;
  onEditionChanged(): void;
}) {
  const { t, language } = useI18n();
  const { organizerApi } = useSession();
  const [adding, setAdding] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const addButton = useRef<HTMLButtonElement>(null);
  const date = formatDate(edition.startsAt, edition.timeZone, language);

  return (
    <>
      <BackLink href="/organizer">{t.orgBackToDashboard}</BackLink>
      <header className="org-header">
        <div>
          <p className="eyebrow">{edition.seriesName}</p>
          <div className="edition-header">
            <h1 className="fact-strong">{date}</h1>
            <EditionStatusBadge edition={edition} />
          </div>
          <p className="muted">{formatTimeRange(edition.startsAt, edition.endsAt, edition.timeZone, language)}</p>
        </div>
        <div className="header-actions">
          <Link href={`/live/${encodeURIComponent(edition.id)}`} className="button button-secondary">
            {t.orgLiveEvent}
          </Link>
          <Link href={`/e/${encodeURIComponent(edition.id)}`} className="button button-secondary">
            {t.orgPublicPage}
          </Link>
          <Link href={`/organizer/editions/${encodeURIComponent(edition.id)}/report`} className="button button-secondary">
            {t.repOpenReport}
          </Link>
          <a href={organizerApi.registrationsCsvUrl(edition.id)} className="button button-secondary" download>
            {t.orgExportCsv}
          </a>
        </div>
      </header>
      <div aria-live="polite" className="visually-hidden">
        {announcement}
      </div>

      <RegistrationSwitch edition={edition} onChanged={onChanged} />
      <CapacityWarning edition={edition} />
      <EditionFiguresCard edition={edition} />

      <div className="org-columns">
        <EditionSettings edition={edition} onSaved={onChanged} />
        <EditionModerators edition={edition} onChanged={onEditionChanged} />
      </div>

      <EditionIcebreakers key={edition.id} edition={edition} />

      <section className="card" aria-labelledby="registrations-title">
        <div className="section-head">
          <h2 id="registrations-title">{t.orgRegistrations}</h2>
          {!adding && (
            <button ref={addButton} type="button" className="button button-secondary" onClick={() => setAdding(true)}>
              <span aria-hidden="true">+</span> {t.orgAddTitle}
            </button>
          )}
        </div>
        {adding && (
          <div className="org-add">
            <RegistrationForm
              key={formKey}
              edition={edition}
              sectors={sectors}
              variant="organizer"
              send={async (input) => {
                const { created, registration: r } = await organizerApi.addRegistration(edition.id, input);
                return {
                  created,
                  result: { id: r.id, status: r.status, waitlistPosition: r.waitlistPosition, manageToken: null, offerExpiresAt: r.offerExpiresAt },
                };
              }}
              onRegistered={(value) => {
                setAnnouncement(
                  value.created ? t.orgAdded(value.name, statusLabel(t, value.result.status).toLowerCase()) : t.orgAlreadyRegistered(value.name),
                );
                setFormKey((k) => k + 1);
                onChanged();
              }}
            />
            <button
              type="button"
              className="button button-ghost"
              onClick={() => {
                setAdding(false);
                setTimeout(() => addButton.current?.focus(), 0);
              }}
            >
              {t.orgClose}
            </button>
            {announcement && (
              <p className="alert alert-success" role="status">
                {announcement}
              </p>
            )}
          </div>
        )}
        {registrations.state === 'loading' && <LoadingState />}
        {registrations.state === 'error' && <ErrorState error={registrations.error} onRetry={registrations.reload} />}
        {registrations.state === 'ok' && <RegistrationsTable edition={edition} registrations={registrations.data} onChanged={onChanged} />}
      </section>

      <EditionTools edition={edition} date={date} />
    </>
  );
}

/** Open or close registration in one step (the status in the settings does the same). */
function RegistrationSwitch({ edition, onChanged }: { edition: Edition; onChanged(): void }) {
  const { t } = useI18n();
  const { organizerApi } = useSession();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const next = edition.status === 'open' ? 'closed' : edition.status === 'draft' || edition.status === 'closed' ? 'open' : null;
  if (!next && !message) return null;
  const change = async (status: 'open' | 'closed') => {
    setBusy(true);
    setMessage(null);
    try {
      await organizerApi.updateEdition(edition.id, { status });
      setMessage({ ok: true, text: status === 'open' ? t.orgRegistrationOpened : t.orgRegistrationClosedNow });
      onChanged();
    } catch (error) {
      setMessage({ ok: false, text: describeAdminError(t, error, 'status') });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="edition-quick">
      {edition.status === 'draft' && <p className="alert alert-warning">{t.orgDraftNote}</p>}
      {next && (
        <div className="edition-quick-actions">
          <button type="button" className={next === 'open' ? 'button' : 'button button-secondary'} disabled={busy} onClick={() => void change(next)}>
            {busy ? t.orgWorking : next === 'open' ? t.orgOpenRegistration : t.orgCloseRegistration}
          </button>
        </div>
      )}
      <div aria-live="polite">{message && <p className={message.ok ? 'alert alert-success' : 'alert alert-error'}>{message.text}</p>}</div>
    </div>
  );
}

/** Nobody can get a seat at capacity 0: say why and what to do (usually: no moderators assigned yet). */
function CapacityWarning({ edition }: { edition: Edition }) {
  const { t } = useI18n();
  if (edition.capacity > 0 || edition.status === 'ended') return null;
  return <p className="alert alert-warning">{edition.capacityIsAuto ? t.orgCapacityZeroAuto : t.orgCapacityZeroManual}</p>;
}

/** Links to the import and the mail previews, and deleting the edition. */
function EditionTools({ edition, date }: { edition: Edition; date: string }) {
  const { t } = useI18n();
  const { organizerApi } = useSession();
  const [error, setError] = useState<string | null>(null);
  const base = `/organizer/editions/${encodeURIComponent(edition.id)}`;
  return (
    <section className="card" aria-labelledby="edition-tools-title">
      <h2 id="edition-tools-title">{t.orgToolsTitle}</h2>
      <div className="admin-tools">
        <div className="admin-tools-links">
          <Link href={`${base}/import`} className="button button-secondary">
            {t.orgImportInvitees}
          </Link>
          <Link href={`${base}/mails`} className="button button-secondary">
            {t.orgMailPreviews}
          </Link>
        </div>
        {edition.status !== 'live' && edition.status !== 'ended' && (
          <DeleteAction
            id={`delete-edition-${edition.id}`}
            label={t.orgDeleteEdition}
            question={t.orgDeleteEditionConfirm(date)}
            text={t.orgDeleteEditionText}
            remove={async () => {
              await organizerApi.deleteEdition(edition.id);
              navigate('/organizer');
            }}
            onError={setError}
          />
        )}
      </div>
      <div aria-live="polite">{error && <p className="alert alert-error">{error}</p>}</div>
    </section>
  );
}

function EditionFiguresCard({ edition }: { edition: Edition }) {
  const { t, language } = useI18n();
  const opens = edition.registrationOpensAt ? formatDateTime(edition.registrationOpensAt, edition.timeZone, language) : null;
  const closes = formatDateTime(edition.registrationClosesAt, edition.timeZone, language);
  const figures: Figure[] = [
    {
      label: t.orgCapacity,
      value: edition.capacity,
      note: edition.capacityIsAuto ? t.orgCapacityAuto(edition.moderatorCount, edition.format.groupSize) : t.orgCapacityManual,
    },
    { label: t.orgConfirmed, value: edition.confirmedCount, tone: 'success' },
    { label: t.orgOffered, value: edition.offeredCount, tone: 'offer' },
    { label: t.orgWaiting, value: edition.waitlistCount, tone: 'waitlist' },
    { label: t.orgCancelled, value: edition.cancelledCount },
    { label: t.orgSeatsLeft, value: seatsLeftOf(edition) },
  ];
  return (
    <section className="card" aria-labelledby="figures-title">
      <div className="section-head">
        <h2 id="figures-title">{t.orgFigures}</h2>
        <SeatMeter confirmed={edition.confirmedCount} capacity={edition.capacity} />
      </div>
      <dl className="figures">
        <FigureItems figures={figures} />
        <div className="figure figure-wide">
          <dt>{t.orgWindow}</dt>
          <dd>
            <span className="figure-text">{t.orgWindowState[edition.registrationWindow]}</span>
            <span className="figure-note">{t.orgWindowRange(opens, closes)}</span>
          </dd>
        </div>
      </dl>
    </section>
  );
}

function EditionSettings({ edition, onSaved }: { edition: Edition; onSaved(): void }) {
  const { t } = useI18n();
  const { organizerApi } = useSession();
  const initial = () => ({
    autoCapacity: edition.capacityIsAuto,
    capacity: String(edition.capacity),
    status: edition.status,
    opensAt: isoToLocal(edition.registrationOpensAt, edition.timeZone),
    closesAt: isoToLocal(edition.registrationClosesAt === edition.startsAt ? null : edition.registrationClosesAt, edition.timeZone),
    promotionMode: edition.promotionMode,
    offerHours: String(edition.offerHours),
    groupSize: String(edition.format.groupSize),
    rounds: String(edition.format.rounds),
    roundMinutes: String(edition.format.roundMinutes),
    plenaryMinutes: String(edition.format.plenaryMinutes),
    moderatorMode: edition.format.moderatorMode,
  });
  type FormatField = 'groupSize' | 'rounds' | 'roundMinutes' | 'plenaryMinutes';
  const formatRanges: Record<FormatField, [number, number]> = {
    groupSize: [2, 50],
    rounds: [1, 50],
    roundMinutes: [1, 240],
    plenaryMinutes: [0, 240],
  };
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<'capacity' | 'opensAt' | 'closesAt' | 'offerHours' | FormatField, string>>>({});
  const statusLocked = edition.status === 'live' || edition.status === 'ended';
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  // A fresh edition from the server (after a save or a moderator change) resets the form.
  useEffect(() => {
    setValues(initial());
    // Only when the server copy changes.
  }, [edition]);

  const set = <K extends keyof ReturnType<typeof initial>>(key: K, value: ReturnType<typeof initial>[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setStatus(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const capacity = values.autoCapacity ? null : parseWholeNumber(values.capacity, 0, 100_000);
    const opensAt = values.opensAt ? localToIso(values.opensAt, edition.timeZone) : null;
    const closesAt = values.closesAt ? localToIso(values.closesAt, edition.timeZone) : null;
    const offerHours = parseWholeNumber(values.offerHours, 1, 336);
    const format = Object.fromEntries(
      (Object.keys(formatRanges) as FormatField[]).map((field) => [field, parseWholeNumber(values[field], ...formatRanges[field])]),
    ) as Record<FormatField, number | null>;
    const found: typeof errors = {
      capacity: !values.autoCapacity && capacity === null ? t.errWholeNumber(0, 100_000) : undefined,
      opensAt: values.opensAt && !opensAt ? t.errDateTime : undefined,
      closesAt: values.closesAt && !closesAt ? t.errDateTime : undefined,
      offerHours: values.promotionMode === 'offer' && offerHours === null ? t.errWholeNumber(1, 336) : undefined,
    };
    for (const field of Object.keys(formatRanges) as FormatField[])
      if (format[field] === null) found[field] = t.errWholeNumber(...formatRanges[field]);
    setErrors(found);
    if (Object.values(found).some(Boolean)) return setStatus(null);
    const patch: EditionPatch = {
      capacity,
      ...(values.status !== edition.status ? { status: values.status } : {}),
      registrationOpensAt: opensAt,
      registrationClosesAt: closesAt,
      promotionMode: values.promotionMode,
      ...(values.promotionMode === 'offer' && offerHours !== null ? { offerHours } : {}),
      format: {
        groupSize: format.groupSize!,
        rounds: format.rounds!,
        roundMinutes: format.roundMinutes!,
        plenaryMinutes: format.plenaryMinutes!,
        moderatorMode: values.moderatorMode,
      },
    };
    setBusy(true);
    try {
      await organizerApi.updateEdition(edition.id, patch);
      setStatus({ ok: true, text: t.orgSaved });
      onSaved();
    } catch (error) {
      setStatus({ ok: false, text: describeAdminError(t, error, values.status !== edition.status ? 'status' : 'other') });
    } finally {
      setBusy(false);
    }
  };
  const formatInput = (field: FormatField, label: string) => (
    <FormField
      id={`edit-${field}`}
      label={label}
      error={errors[field]}
      render={(a11y) => (
        <input
          {...a11y}
          className="input input-number"
          inputMode="numeric"
          value={values[field]}
          onChange={(event) => set(field, event.target.value)}
        />
      )}
    />
  );

  return (
    <form className="card form org-form" onSubmit={submit} noValidate aria-labelledby="settings-title">
      <h2 id="settings-title">{t.orgSettings}</h2>
      <FormField
        id="edit-status"
        label={t.orgStatus}
        hint={t.orgStatusHint}
        render={(a11y) => (
          <select
            {...a11y}
            className="input select"
            value={values.status}
            disabled={statusLocked}
            onChange={(event) => set('status', event.target.value as Edition['status'])}
          >
            {(statusLocked ? [edition.status] : (['draft', 'open', 'closed'] as const)).map((s) => (
              <option key={s} value={s}>
                {t.orgEditionStatus[s]}
              </option>
            ))}
          </select>
        )}
      />
      <CheckboxField
        id="edit-auto"
        label={t.orgCapacityAutoCheck}
        checked={values.autoCapacity}
        onChange={(checked) => set('autoCapacity', checked)}
      />
      {!values.autoCapacity && (
        <FormField
          id="edit-capacity"
          label={t.orgCapacity}
          error={errors.capacity}
          render={(a11y) => (
            <input
              {...a11y}
              className="input input-number"
              inputMode="numeric"
              value={values.capacity}
              onChange={(event) => set('capacity', event.target.value)}
            />
          )}
        />
      )}
      <div className="field-grid">
        <FormField
          id="edit-opens"
          label={t.orgOpensAtField(edition.timeZone)}
          hint={t.orgOpensAtHint}
          error={errors.opensAt}
          render={(a11y) => (
            <input
              {...a11y}
              className="input"
              type="datetime-local"
              value={values.opensAt}
              onChange={(event) => set('opensAt', event.target.value)}
            />
          )}
        />
        <FormField
          id="edit-closes"
          label={t.orgClosesAtField(edition.timeZone)}
          hint={t.orgClosesAtHint}
          error={errors.closesAt}
          render={(a11y) => (
            <input
              {...a11y}
              className="input"
              type="datetime-local"
              value={values.closesAt}
              onChange={(event) => set('closesAt', event.target.value)}
            />
          )}
        />
      </div>
      <FormField
        id="edit-promotion"
        label={t.orgPromotionMode}
        render={(a11y) => (
          <select
            {...a11y}
            className="input select"
            value={values.promotionMode}
            onChange={(event) => set('promotionMode', event.target.value as 'auto' | 'offer')}
          >
            <option value="auto">{t.orgPromotionAuto}</option>
            <option value="offer">{t.orgPromotionOffer}</option>
          </select>
        )}
      />
      {values.promotionMode === 'offer' && (
        <FormField
          id="edit-offer-hours"
          label={t.orgOfferHours}
          error={errors.offerHours}
          render={(a11y) => (
            <input
              {...a11y}
              className="input input-number"
              inputMode="numeric"
              value={values.offerHours}
              onChange={(event) => set('offerHours', event.target.value)}
            />
          )}
        />
      )}
      <fieldset className="org-fieldset">
        <legend>{t.orgFormatTitle}</legend>
        <p className="field-hint">{t.orgFormatHint}</p>
        <div className="field-grid">
          {formatInput('groupSize', t.orgGroupSize)}
          {formatInput('rounds', t.orgRounds)}
          {formatInput('roundMinutes', t.orgRoundMinutes)}
          {formatInput('plenaryMinutes', t.orgPlenaryMinutes)}
        </div>
        <FormField
          id="edit-moderator-mode"
          label={t.orgModeratorMode}
          render={(a11y) => (
            <select
              {...a11y}
              className="input select"
              value={values.moderatorMode}
              onChange={(event) => set('moderatorMode', event.target.value as 'rotate' | 'fixed')}
            >
              <option value="rotate">{t.orgModeratorRotate}</option>
              <option value="fixed">{t.orgModeratorFixed}</option>
            </select>
          )}
        />
      </fieldset>
      <div aria-live="polite" className="form-status">
        {status && <p className={status.ok ? 'alert alert-success' : 'alert alert-error'}>{status.text}</p>}
      </div>
      <button type="submit" className="button" disabled={busy}>
        {busy ? t.orgSaving : t.orgSave}
      </button>
    </form>
  );
}
