import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { Language, Series, SeriesInput } from '@tablehop/protocol';
import { ApiError, type ClientErrorCode } from '../../lib/api-client';
import { describeApiError, languages, type Messages } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n-context';
import { useSession } from '../../lib/session-context';
import { isValidTimeZone } from '../../lib/zoned-time';
import { FormField, type FieldA11y } from '../registration/form-field';
import { parseWholeNumber, weekdayName } from './organizer-format';
import { IcebreakerFields } from '../moderator/icebreaker-fields';
import { saveSeriesIcebreakers } from '../moderator/moderator-api';

interface SeriesFormValues {
  name: string;
  description: string;
  language: Language;
  timeZone: string;
  weekday: string;
  startTime: string;
  durationMinutes: string;
  groupSize: string;
  rounds: string;
  roundMinutes: string;
  plenaryMinutes: string;
  moderatorMode: 'rotate' | 'fixed';
  defaultCapacity: string;
  promotionMode: 'auto' | 'offer';
  offerHours: string;
  registrationOpensDays: string;
}

type Field = keyof SeriesFormValues;
const fieldOrder: readonly Field[] = [
  'name',
  'description',
  'language',
  'timeZone',
  'weekday',
  'startTime',
  'durationMinutes',
  'groupSize',
  'rounds',
  'roundMinutes',
  'plenaryMinutes',
  'moderatorMode',
  'defaultCapacity',
  'promotionMode',
  'offerHours',
  'registrationOpensDays',
];

/** The limits of the protocol's seriesInputSchema, for the messages. */
const ranges: Partial<Record<Field, [number, number]>> = {
  durationMinutes: [5, 1440],
  groupSize: [2, 50],
  rounds: [1, 50],
  roundMinutes: [1, 240],
  plenaryMinutes: [0, 240],
  defaultCapacity: [0, 100_000],
  offerHours: [1, 336],
  registrationOpensDays: [0, 365],
};

function initialValues(language: Language): SeriesFormValues {
  return {
    name: '',
    description: '',
    language,
    timeZone: 'Europe/Brussels',
    weekday: '5',
    startTime: '09:30',
    durationMinutes: '90',
    groupSize: '6',
    rounds: '4',
    roundMinutes: '12',
    plenaryMinutes: '10',
    moderatorMode: 'rotate',
    defaultCapacity: '',
    promotionMode: 'auto',
    offerHours: '24',
    registrationOpensDays: '28',
  };
}

/** The form filled in with a series' current settings (edit mode). */
function valuesOf(series: Series): SeriesFormValues {
  return {
    name: series.name,
    description: series.description,
    language: series.language,
    timeZone: series.timeZone,
    weekday: String(series.weekday),
    startTime: series.startTime,
    durationMinutes: String(series.durationMinutes),
    groupSize: String(series.format.groupSize),
    rounds: String(series.format.rounds),
    roundMinutes: String(series.format.roundMinutes),
    plenaryMinutes: String(series.format.plenaryMinutes),
    moderatorMode: series.format.moderatorMode,
    defaultCapacity: series.defaultCapacity === null ? '' : String(series.defaultCapacity),
    promotionMode: series.promotionMode,
    offerHours: String(series.offerHours),
    registrationOpensDays: String(series.registrationOpensDays),
  };
}

function validate(values: SeriesFormValues, t: Messages): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  if (values.name.trim() === '') errors.name = t.errRequired;
  else if (/[<>]/.test(values.name)) errors.name = t.errCharacters;
  if (!isValidTimeZone(values.timeZone.trim())) errors.timeZone = t.errTimeZone;
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(values.startTime)) errors.startTime = t.errTime;
  for (const [field, [min, max]] of Object.entries(ranges) as [Field, [number, number]][]) {
    const text = values[field] as string;
    if (field === 'defaultCapacity' && text.trim() === '') continue;
    if (field === 'offerHours' && values.promotionMode !== 'offer') continue;
    if (parseWholeNumber(text, min, max) === null) errors[field] = t.errWholeNumber(min, max);
  }
  return errors;
}

function toInput(values: SeriesFormValues): SeriesInput {
  const number = (text: string) => Number(text.trim());
  return {
    name: values.name.trim(),
    description: values.description.trim() || undefined,
    language: values.language,
    timeZone: values.timeZone.trim(),
    weekday: Number(values.weekday),
    startTime: values.startTime,
    durationMinutes: number(values.durationMinutes),
    format: {
      groupSize: number(values.groupSize),
      rounds: number(values.rounds),
      roundMinutes: number(values.roundMinutes),
      plenaryMinutes: number(values.plenaryMinutes),
      moderatorMode: values.moderatorMode,
    },
    defaultCapacity: values.defaultCapacity.trim() === '' ? null : number(values.defaultCapacity),
    promotionMode: values.promotionMode,
    offerHours: values.promotionMode === 'offer' ? number(values.offerHours) : undefined,
    registrationOpensDays: number(values.registrationOpensDays),
  };
}

/** Maps `body.format.groupSize` or `body.name` of an ERR_VALIDATION answer onto a field. */
function fieldOfPath(path: string): Field | null {
  const parts = path.split('.').filter((p) => p !== 'body' && p !== 'format');
  const name = parts[0];
  return name && (fieldOrder as readonly string[]).includes(name) ? (name as Field) : null;
}

/**
 * "New series": every setting of a recurring event, with the defaults of a Virtual Friday. With
 * `series`, the same form edits that series (PATCH; new editions take the new format and capacity).
 */
export function SeriesForm({ series, onSaved, onCancel }: { series?: Series; onSaved(series: Series): void; onCancel(): void }) {
  const { t, language } = useI18n();
  const { organizerApi, session } = useSession();
  const [values, setValues] = useState<SeriesFormValues>(() => (series ? valuesOf(series) : initialValues(language)));
  const [icebreakers, setIcebreakers] = useState<string[]>(() => [...(series?.icebreakers ?? [])]);
  const titleId = series ? `series-form-title-${series.id}` : 'series-form-title';
  const idPrefix = series ? `series-${series.id}` : 'series';
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<ClientErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const controls = useRef(new Map<Field, HTMLElement>());

  useEffect(() => {
    controls.current.get('name')?.focus();
  }, []);

  const refFor = (field: Field) => (element: HTMLElement | null) => {
    if (element) controls.current.set(field, element);
    else controls.current.delete(field);
  };
  const update = (field: Field, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
    setFormError(null);
  };
  const focusFirst = (found: Partial<Record<Field, string>>) => {
    const first = fieldOrder.find((field) => found[field]);
    if (first) controls.current.get(first)?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = validate(values, t);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return focusFirst(found);
    setBusy(true);
    try {
      if (series) {
        const { description, ...input } = toInput(values);
        const updated = await organizerApi.updateSeries(series.id, { ...input, description: description ?? '' });
        // The icebreakers have their own endpoint (the series PATCH leaves them alone); sent only when changed.
        const unchanged = JSON.stringify(icebreakers) === JSON.stringify(series.icebreakers ?? []);
        const csrfToken = session.state === 'signed_in' ? session.csrfToken : undefined;
        const saved = unchanged ? updated.icebreakers : await saveSeriesIcebreakers(series.id, icebreakers, csrfToken);
        onSaved({ ...updated, ...(saved ? { icebreakers: saved } : {}) });
      } else onSaved(await organizerApi.createSeries({ ...toInput(values), icebreakers }));
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError('ERR_UNEXPECTED', String(error), 0);
      const server: Partial<Record<Field, string>> = {};
      for (const issue of apiError.fieldIssues) {
        const field = fieldOfPath(issue.path);
        if (field && !server[field]) server[field] = t.errInvalid;
      }
      if (Object.keys(server).length > 0) {
        setErrors(server);
        focusFirst(server);
      }
      setFormError(apiError.code);
    } finally {
      setBusy(false);
    }
  };

  const field = (name: Field, label: string, control: (a11y: FieldA11y) => ReactNode, options: { hint?: string; required?: boolean } = {}) => (
    <FormField
      id={`${idPrefix}-${name}`}
      label={label}
      hint={options.hint}
      error={errors[name]}
      required={options.required}
      render={(a11y) => control(a11y)}
    />
  );
  const text = (name: Field, label: string, options: { hint?: string; required?: boolean; numeric?: boolean; type?: string } = {}) =>
    field(
      name,
      label,
      (a11y) => (
        <input
          {...a11y}
          ref={refFor(name)}
          className={options.numeric ? 'input input-number' : 'input'}
          type={options.type ?? 'text'}
          inputMode={options.numeric ? 'numeric' : undefined}
          value={values[name] as string}
          onChange={(event) => update(name, event.target.value)}
        />
      ),
      options,
    );
  const select = (name: Field, label: string, choices: readonly { value: string; label: string }[]) =>
    field(name, label, (a11y) => (
      <select
        {...a11y}
        ref={refFor(name)}
        className="input select"
        value={values[name] as string}
        onChange={(event) => update(name, event.target.value)}
      >
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    ));

  return (
    <form className="card form org-form" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h2 id={titleId} className="form-title">
        {series ? t.orgEditSeriesTitle(series.name) : t.orgNewSeries}
      </h2>
      <p className="muted small">{series ? t.orgEditSeriesIntro : t.orgNewSeriesIntro}</p>

      <fieldset className="org-fieldset">
        <legend>{t.orgSectionGeneral}</legend>
        {text('name', t.orgSeriesName, { required: true })}
        {field(
          'description',
          t.orgSeriesDescription,
          (a11y) => (
            <textarea
              {...a11y}
              ref={refFor('description')}
              className="input textarea"
              rows={3}
              value={values.description}
              onChange={(event) => update('description', event.target.value)}
            />
          ),
          { hint: t.orgSeriesDescriptionHint },
        )}
        {select(
          'language',
          t.orgSeriesLanguage,
          languages.map((code) => ({ value: code, label: t.languageName[code] })),
        )}
      </fieldset>

      <fieldset className="org-fieldset">
        <legend>{t.orgSectionWhen}</legend>
        <div className="field-grid">
          {select(
            'weekday',
            t.orgWeekday,
            [1, 2, 3, 4, 5, 6, 7].map((day) => ({ value: String(day), label: weekdayName(day, language) })),
          )}
          {text('startTime', t.orgStartTime, { type: 'time' })}
          {text('durationMinutes', t.orgDuration, { numeric: true })}
          {text('timeZone', t.orgTimeZone, { hint: t.orgTimeZoneHint })}
        </div>
      </fieldset>

      <fieldset className="org-fieldset">
        <legend>{t.orgSectionFormat}</legend>
        <div className="field-grid">
          {text('groupSize', t.orgGroupSize, { numeric: true })}
          {text('rounds', t.orgRounds, { numeric: true })}
          {text('roundMinutes', t.orgRoundMinutes, { numeric: true })}
          {text('plenaryMinutes', t.orgPlenaryMinutes, { numeric: true })}
        </div>
        {select('moderatorMode', t.orgModeratorMode, [
          { value: 'rotate', label: t.orgModeratorRotate },
          { value: 'fixed', label: t.orgModeratorFixed },
        ])}
      </fieldset>

      <fieldset className="org-fieldset">
        <legend>{t.orgSectionSeats}</legend>
        <div className="field-grid">
          {text('defaultCapacity', t.orgDefaultCapacity, { numeric: true, hint: t.orgDefaultCapacityHint })}
          {text('registrationOpensDays', t.orgOpensDays, { numeric: true })}
        </div>
        {select('promotionMode', t.orgPromotionMode, [
          { value: 'auto', label: t.orgPromotionAuto },
          { value: 'offer', label: t.orgPromotionOffer },
        ])}
        {values.promotionMode === 'offer' && text('offerHours', t.orgOfferHours, { numeric: true })}
      </fieldset>

      <IcebreakerFields
        value={icebreakers}
        onChange={(next) => {
          setIcebreakers(next);
          setFormError(null);
        }}
        idPrefix={`${idPrefix}-icebreakers`}
      />

      <div aria-live="assertive" className="form-status">
        {formError && <p className="alert alert-error">{describeApiError(t, formError)}</p>}
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t.orgWorking : series ? t.orgSaveSeries : t.orgCreateSeries}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel} disabled={busy}>
          {t.orgClose}
        </button>
      </div>
    </form>
  );
}
