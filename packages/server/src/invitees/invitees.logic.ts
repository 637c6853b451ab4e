import { parse } from 'csv-parse/sync';
import { registrationInputSchema, type RegistrationInput } from '@tablehop/protocol';
import { decideArrivals, type SeatCount } from '../registration/registration.logic.js';

/**
 * Importing invitees from a CSV file (pure): read the file, check every row as a registration,
 * and tell what would happen to each row. The service adds the good rows through the normal
 * registration service; this file only decides and explains.
 */

export const MAX_IMPORT_ROWS = 2000;

/** What happens (or would happen) to one row of the file. */
export type RowOutcome = 'confirmed' | 'waitlisted' | 'duplicate' | 'already_registered' | 'invalid';

export interface RowIssue {
  field: string;
  message: string;
}

export interface PlannedRow {
  /** The line in the file (the header is line 1). */
  line: number;
  name: string;
  email: string;
  company: string;
  outcome: RowOutcome;
  /** Position on the waiting list for `waitlisted`. */
  waitlistPosition: number | null;
  issues: RowIssue[];
  /** The registration to add, for `confirmed` and `waitlisted` rows. */
  input: RegistrationInput | null;
}

// Header names we understand (lower case, without spaces, dashes and underscores), in Dutch and English.
const HEADER_ALIASES: Record<string, keyof RegistrationInput> = {
  name: 'name',
  naam: 'name',
  fullname: 'name',
  volledigenaam: 'name',
  email: 'email',
  mail: 'email',
  emailaddress: 'email',
  emailadres: 'email',
  company: 'company',
  organisation: 'company',
  organization: 'company',
  bedrijf: 'company',
  organisatie: 'company',
  sector: 'sector',
  jobtitle: 'jobTitle',
  title: 'jobTitle',
  function: 'jobTitle',
  functie: 'jobTitle',
  language: 'language',
  taal: 'language',
  linkedin: 'linkedinUrl',
  linkedinurl: 'linkedinUrl',
};

const normalizeHeader = (header: string) => header.toLowerCase().replace(/[\s_\-.]/g, '');

const LANGUAGES: Record<string, 'nl' | 'en'> = { nl: 'nl', nederlands: 'nl', dutch: 'nl', vlaams: 'nl', en: 'en', english: 'en', engels: 'en' };

/** A problem with the file as a whole (no rows can be read from it). */
export class CsvFileError extends Error {}

export interface CsvRow {
  line: number;
  values: Partial<Record<keyof RegistrationInput, string>>;
}

/**
 * Reads the file: a header row, then one invitee per row. Commas or semicolons (as Excel writes
 * in Dutch), a byte-order mark and quoted fields are fine; columns we do not know are ignored.
 */
export function readInviteeCsv(text: string): CsvRow[] {
  let records: string[][];
  try {
    records = parse(text, { bom: true, delimiter: [',', ';'], relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    throw new CsvFileError(`The file is not valid CSV: ${(error as Error).message}`);
  }
  const [header, ...rows] = records;
  if (!header) throw new CsvFileError('The file is empty: it needs a header row (name,email,…) and one row per invitee.');
  const columns = header.map((h) => HEADER_ALIASES[normalizeHeader(h)]);
  const missing = (['name', 'email'] as const).filter((field) => !columns.includes(field));
  if (missing.length > 0) throw new CsvFileError(`The header row needs the columns name and email (missing: ${missing.join(', ')}).`);
  if (rows.length === 0) throw new CsvFileError('The file has a header row but no invitees.');
  if (rows.length > MAX_IMPORT_ROWS) throw new CsvFileError(`At most ${MAX_IMPORT_ROWS} invitees per file; this one has ${rows.length}.`);
  return rows.map((row, index) => {
    const values: CsvRow['values'] = {};
    columns.forEach((field, i) => {
      if (field && values[field] === undefined) values[field] = row[i] ?? '';
    });
    return { line: index + 2, values };
  });
}

/** One row as a registration input, or what is wrong with it. */
export function checkRow(row: CsvRow, knownSectors: readonly string[]): { input: RegistrationInput | null; issues: RowIssue[] } {
  const v = row.values;
  const issues: RowIssue[] = [];
  let sector = v.sector?.trim() ?? '';
  if (sector !== '' && knownSectors.length > 0) {
    const match = knownSectors.find((s) => s.toLowerCase() === sector.toLowerCase());
    if (match) sector = match;
    else issues.push({ field: 'sector', message: `is not in the list of sectors (${knownSectors.join(', ')})` });
  }
  const languageText = v.language?.trim().toLowerCase() ?? '';
  const language = languageText === '' ? undefined : LANGUAGES[languageText];
  if (languageText !== '' && !language) issues.push({ field: 'language', message: 'must be nl or en' });
  const candidate = {
    name: v.name ?? '',
    email: v.email ?? '',
    consent: true as const, // the organizer invites them; their data come from the organizer's own list
    ...(v.company ? { company: v.company } : {}),
    ...(sector ? { sector } : {}),
    ...(v.jobTitle ? { jobTitle: v.jobTitle } : {}),
    ...(v.linkedinUrl ? { linkedinUrl: v.linkedinUrl } : {}),
    ...(language ? { language } : {}),
  };
  const parsed = registrationInputSchema.safeParse(candidate);
  if (!parsed.success) for (const issue of parsed.error.issues) issues.push({ field: String(issue.path[0] ?? 'row'), message: issue.message });
  return issues.length > 0 ? { input: null, issues } : { input: parsed.data!, issues };
}

/**
 * What would happen to each row, in file order, as if each person registered in turn: free seats
 * first, then the waiting list behind the people already on it. A second row with the same e-mail
 * is a duplicate; someone who holds a place already keeps it and is not added again.
 */
export function planImport(
  rows: readonly CsvRow[],
  context: { seats: SeatCount; activeEmails: ReadonlySet<string>; sectors: readonly string[] },
): PlannedRow[] {
  const checked = rows.map((row) => ({ row, ...checkRow(row, context.sectors) }));
  const valid = checked.filter((c) => c.input);
  const decisions = decideArrivals(
    context.seats,
    valid.map((c) => {
      const key = c.input!.email.toLowerCase();
      return { key, hasActiveRegistration: context.activeEmails.has(key) };
    }),
  );
  const decisionOf = new Map(valid.map((c, i) => [c, decisions[i]!]));
  return checked.map((c) => {
    const base = {
      line: c.row.line,
      name: c.row.values.name ?? '',
      email: c.row.values.email ?? '',
      company: c.row.values.company ?? '',
      issues: c.issues,
    };
    const decision = decisionOf.get(c);
    if (!decision) return { ...base, outcome: 'invalid', waitlistPosition: null, input: null };
    if (decision.kind === 'existing') return { ...base, outcome: 'already_registered', waitlistPosition: null, input: null };
    if (decision.kind === 'duplicate_of')
      return {
        ...base,
        outcome: 'duplicate',
        waitlistPosition: null,
        input: null,
        issues: [{ field: 'email', message: `also on line ${valid[decision.index]!.row.line}` }],
      };
    return { ...base, outcome: decision.status, waitlistPosition: decision.waitlistPosition, input: c.input };
  });
}

/** Counts per outcome, for the summary above the preview. */
export function summarize(rows: readonly { outcome: RowOutcome }[]): Record<RowOutcome | 'total', number> {
  const summary = { total: rows.length, confirmed: 0, waitlisted: 0, duplicate: 0, already_registered: 0, invalid: 0 };
  for (const row of rows) summary[row.outcome]++;
  return summary;
}
