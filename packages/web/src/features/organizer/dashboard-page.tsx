import { useRef, useState, type FormEvent } from 'react';
import type { Edition, Series } from '@tablehop/protocol';
import { ErrorState, LoadingState } from '../../components/feedback';
import { Link } from '../../components/link';
import { ApiError } from '../../lib/api-client';
import { describeApiError, formatDate, formatTimeRange } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n-context';
import { useSession } from '../../lib/session-context';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useRequest } from '../../lib/use-request';
import { localToIso } from '../../lib/zoned-time';
import { DateBadge } from '../editions/date-badge';
import { CheckboxField, FormField } from '../registration/form-field';
import { DeleteAction } from './delete-action';
import { EditionStatusBadge, SeatMeter } from './edition-figures';
import { parseWholeNumber, weekdayName } from './organizer-format';
import { SeriesForm } from './series-form';
import { RetentionSetting } from '../followup/retention-setting';

interface SeriesWithEditions {
  series: Series;
  editions: Edition[];
}

/** `/organizer`: every series with its upcoming editions and live figures; new series and editions. */
export function DashboardPage() {
  const { t } = useI18n();
  const { organizerApi } = useSession();
  useDocumentTitle(t.orgDashboardTitle);
  const [creating, setCreating] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const newButton = useRef<HTMLButtonElement>(null);
  const data = useRequest(
    async (signal): Promise<SeriesWithEditions[]> => {
      const series = await organizerApi.listSeries(signal);
      const editions = await Promise.all(series.map((s) => organizerApi.listEditions(s.id, signal)));
      return series.map((s, i) => ({ series: s, editions: editions[i] ?? [] }));
    },
    [organizerApi],
  );

  return (
    <>
      <header className="org-header">
        <div>
          <h1>{t.orgDashboardTitle}</h1>
          <p className="lead">{t.orgDashboardIntro}</p>
        </div>
        {!creating && (
          <button ref={newButton} type="button" className="button" onClick={() => setCreating(true)}>
            <span aria-hidden="true">+</span> {t.orgNewSeries}
          </button>
        )}
      </header>
      <div aria-live="polite" className="visually-hidden">
        {announcement}
      </div>
      {creating && (
        <SeriesForm
          onSaved={(series) => {
            setCreating(false);
            setAnnouncement(t.orgSeriesCreated(series.name));
            data.reload();
          }}
          onCancel={() => {
            setCreating(false);
            setTimeout(() => newButton.current?.focus(), 0);
          }}
        />
      )}
      {data.state === 'loading' && <LoadingState />}
      {data.state === 'error' && <ErrorState error={data.error} onRetry={data.reload} />}
      {data.state === 'ok' &&
        (data.data.length === 0 ? (
          <p className="card empty">{t.orgNoSeries}</p>
        ) : (
          <div className="series-list">
            {data.data.map((item) => (
              <SeriesCard key={item.series.id} item={item} onChanged={data.reload} onAnnounce={setAnnouncement} />
            ))}
          </div>
        ))}
    </>
  );
}

function SeriesCard({ item, onChanged, onAnnounce }: { item: SeriesWithEditions; onChanged(): void; onAnnounce(text: string): void }) {
  const { t, language } = useI18n();
  const { organizerApi } = useSession();
  const { series, editions } = item;
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  if (editing)
    return (
      <SeriesForm
        series={series}
        onSaved={(saved) => {
          setEditing(false);
          onAnnounce(t.orgSeriesSaved(saved.name));
          onChanged();
          setTimeout(() => editButton.current?.focus(), 0);
        }}
        onCancel={() => {
          setEditing(false);
          setTimeout(() => editButton.current?.focus(), 0);
        }}
      />
    );
  const now = Date.now();
  const upcoming = editions.filter((e) => new Date(e.endsAt).getTime() >= now && e.status !== 'ended');
  const titleId = `series-${series.id}`;
  return (
    <section className="card series-card" aria-labelledby={titleId}>
      <header className="series-head">
        <div>
          <h2 id={titleId} className="series-title">
            {series.name}
          </h2>
          <p className="muted small series-meta">
            {t.orgSeriesEvery(weekdayName(series.weekday, language), series.startTime, series.timeZone)} · {t.orgSeriesFormat(series.format)} ·{' '}
            {t.languageName[series.language]}
          </p>
        </div>
        <div className="series-actions">
          <Link
            href={`/organizer/series/${encodeURIComponent(series.id)}/report`}
            className="button button-small button-secondary"
            aria-label={t.repOpenSeriesReport(series.name)}
          >
            {t.repOpenReport}
          </Link>
          <button
            ref={editButton}
            type="button"
            className="button button-small button-secondary"
            aria-label={t.orgEditSeriesFor(series.name)}
            onClick={() => setEditing(true)}
          >
            {t.orgEditSeries}
          </button>
          <DeleteAction
            id={`delete-series-${series.id}`}
            label={t.orgDeleteSeries}
            accessibleLabel={t.orgDeleteSeriesFor(series.name)}
            question={t.orgDeleteSeriesConfirm(series.name)}
            text={t.orgDeleteSeriesText}
            remove={async () => {
              await organizerApi.deleteSeries(series.id);
              onAnnounce(t.orgSeriesDeleted(series.name));
              onChanged();
            }}
            onError={setError}
          />
        </div>
      </header>
      <div aria-live="polite">{error && <p className="alert alert-error">{error}</p>}</div>
      <h3 className="section-label">{t.orgUpcoming}</h3>
      {upcoming.length === 0 ? (
        <p className="empty small">{t.orgNoUpcoming}</p>
      ) : (
        <ul className="org-edition-list">
          {upcoming.map((edition) => (
            <EditionRow key={edition.id} edition={edition} />
          ))}
        </ul>
      )}
      <div className="series-tools">
        <GenerateForm series={series} onDone={onChanged} />
        <AddEditionForm series={series} onDone={onChanged} />
      </div>
      <RetentionSetting seriesId={series.id} />
    </section>
  );
}

function EditionRow({ edition }: { edition: Edition }) {
  const { t, language } = useI18n();
  const date = formatDate(edition.startsAt, edition.timeZone, language);
  return (
    <li className="org-edition">
      <DateBadge edition={edition} />
      <div className="org-edition-body">
        <p className="org-edition-when">
          <span className="fact-strong">{date}</span>
          <span className="muted org-edition-time">{formatTimeRange(edition.startsAt, edition.endsAt, edition.timeZone, language)}</span>
        </p>
        <div className="org-edition-figures">
          <EditionStatusBadge edition={edition} />
          <SeatMeter confirmed={edition.confirmedCount} capacity={edition.capacity} />
          <span className={edition.waitlistCount > 0 ? 'figure-chip' : 'figure-chip figure-chip-none'}>
            {t.orgWaitingCount(edition.waitlistCount)}
          </span>
          {edition.offeredCount > 0 && <span className="figure-chip figure-chip-offer">{t.orgOfferedCount(edition.offeredCount)}</span>}
        </div>
      </div>
      <Link href={`/organizer/editions/${encodeURIComponent(edition.id)}`} className="button button-secondary" aria-label={t.orgManageEdition(date)}>
        {t.orgManage}
      </Link>
    </li>
  );
}

function GenerateForm({ series, onDone }: { series: Series; onDone(): void }) {
  const { t } = useI18n();
  const { organizerApi } = useSession();
  const [count, setCount] = useState('4');
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const id = `generate-${series.id}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = parseWholeNumber(count, 1, 52);
    setMessage('');
    if (value === null) return setError(t.errWholeNumber(1, 52));
    setError(null);
    setBusy(true);
    try {
      const created = await organizerApi.generateEditions(series.id, value);
      setMessage(created.length === 0 ? t.orgGeneratedNone : t.orgGenerated(created.length));
      onDone();
    } catch (e) {
      setError(describeApiError(t, e instanceof ApiError ? e.code : 'ERR_UNEXPECTED'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="tool-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="section-label">
        {t.orgGenerateTitle}
      </h3>
      <div className="inline-fields">
        <FormField
          id={id}
          label={t.orgGenerateCount}
          error={error ?? undefined}
          render={(a11y) => (
            <input
              {...a11y}
              className="input input-number"
              inputMode="numeric"
              value={count}
              onChange={(event) => {
                setCount(event.target.value);
                setError(null);
              }}
            />
          )}
        />
        <button type="submit" className="button button-secondary" disabled={busy}>
          {busy ? t.orgWorking : t.orgGenerateSubmit}
        </button>
      </div>
      <p className="tool-status" aria-live="polite">
        {message}
      </p>
    </form>
  );
}

function AddEditionForm({ series, onDone }: { series: Series; onDone(): void }) {
  const { t } = useI18n();
  const { organizerApi } = useSession();
  const [startsAt, setStartsAt] = useState('');
  const [capacity, setCapacity] = useState('');
  const [draft, setDraft] = useState(false);
  const [errors, setErrors] = useState<{ startsAt?: string; capacity?: string; form?: string }>({});
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const id = `add-edition-${series.id}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage('');
    const iso = localToIso(startsAt, series.timeZone);
    const cap = capacity.trim() === '' ? null : parseWholeNumber(capacity, 0, 100_000);
    const found = {
      startsAt: iso ? undefined : t.errDateTime,
      capacity: capacity.trim() !== '' && cap === null ? t.errWholeNumber(0, 100_000) : undefined,
    };
    setErrors(found);
    if (!iso || found.capacity) return;
    setBusy(true);
    try {
      await organizerApi.createEdition(series.id, { startsAt: iso, capacity: cap, status: draft ? 'draft' : 'open' });
      setMessage(t.orgEditionAdded);
      setStartsAt('');
      setCapacity('');
      onDone();
    } catch (e) {
      setErrors({ form: describeApiError(t, e instanceof ApiError ? e.code : 'ERR_UNEXPECTED') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="tool-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="section-label">
        {t.orgAddEditionTitle}
      </h3>
      <div className="field-pair">
        <FormField
          id={`${id}-starts`}
          label={t.orgStartsAt(series.timeZone)}
          error={errors.startsAt}
          render={(a11y) => (
            <input {...a11y} className="input" type="datetime-local" value={startsAt} onChange={(event) => setStartsAt(event.target.value)} />
          )}
        />
        <FormField
          id={`${id}-capacity`}
          label={t.orgCapacity}
          error={errors.capacity}
          render={(a11y) => (
            <input
              {...a11y}
              aria-describedby={[a11y['aria-describedby'], `${id}-capacity-hint`].filter(Boolean).join(' ')}
              className="input input-number"
              inputMode="numeric"
              value={capacity}
              onChange={(event) => setCapacity(event.target.value)}
            />
          )}
        />
      </div>
      <p id={`${id}-capacity-hint`} className="field-hint tool-hint">
        {t.orgCapacityEmptyHint}
      </p>
      <CheckboxField id={`${id}-draft`} label={t.orgCreateAsDraft} checked={draft} onChange={setDraft} />
      <button type="submit" className="button button-secondary tool-submit" disabled={busy}>
        {busy ? t.orgWorking : t.orgAddEditionSubmit}
      </button>
      <div aria-live="polite" className="tool-status">
        {errors.form ? <p className="alert alert-error">{errors.form}</p> : message}
      </div>
    </form>
  );
}
