import { stringify } from 'csv-stringify/sync';
import type { Registration } from './registration.store.js';

const COLUMNS = [
  ['id', 'id'],
  ['status', 'status'],
  ['waitlistPosition', 'waitlist_position'],
  ['name', 'name'],
  ['email', 'email'],
  ['company', 'company'],
  ['sector', 'sector'],
  ['jobTitle', 'job_title'],
  ['offer', 'offer'],
  ['lookingFor', 'looking_for'],
  ['linkedinUrl', 'linkedin_url'],
  ['language', 'language'],
  ['shareContact', 'share_contact'],
  ['source', 'source'],
  ['createdAt', 'registered_at'],
  ['confirmedAt', 'confirmed_at'],
  ['cancelledAt', 'cancelled_at'],
] as const satisfies ReadonlyArray<readonly [keyof Registration, string]>;

// A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  const text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The registrations of an edition as CSV (UTF-8 with BOM so spreadsheet programs read accents right). */
export function registrationsToCsv(registrations: readonly Registration[]): string {
  const rows = registrations.map((r) => COLUMNS.map(([key]) => cell(r[key])));
  return '\uFEFF' + stringify([COLUMNS.map(([, header]) => header), ...rows]);
}
