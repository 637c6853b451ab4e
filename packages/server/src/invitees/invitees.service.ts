import type { ServiceDeps } from '../deps.js';
import type { EditionsService } from '../editions/editions.service.js';
import { AppError } from '../http/app-error.js';
import type { RegistrationService } from '../registration/registration.service.js';
import type { SectorsStore } from '../sectors/sectors.store.js';
import { CsvFileError, planImport, readInviteeCsv, summarize, type PlannedRow, type RowIssue, type RowOutcome } from './invitees.logic.js';

const ACTIVE = new Set(['confirmed', 'waitlisted', 'offered']);

/** One row after the import: what really happened (the preview may have changed meanwhile). */
export interface ImportedRow {
  line: number;
  name: string;
  email: string;
  company: string;
  outcome: RowOutcome | 'failed';
  waitlistPosition: number | null;
  issues: RowIssue[];
}

export type InviteesService = ReturnType<typeof createInviteesService>;

/** Invitees from a CSV file: a preview with per-row problems, then the import through the registration service. */
export function createInviteesService(
  deps: Pick<ServiceDeps, 'db'>,
  services: { editions: EditionsService; registration: RegistrationService },
  stores: { sectors: SectorsStore },
) {
  async function plan(editionId: string, csv: string): Promise<{ rows: PlannedRow[] }> {
    const edition = await services.editions.getEdition(editionId);
    if (edition.status === 'ended') throw new AppError('ERR_REGISTRATION_CLOSED', 'This edition has ended.');
    let read;
    try {
      read = readInviteeCsv(csv);
    } catch (error) {
      if (error instanceof CsvFileError) throw new AppError('ERR_VALIDATION', error.message, [{ path: 'body.csv', message: error.message }]);
      throw error;
    }
    const [registrations, sectors] = await Promise.all([services.registration.listForEdition(editionId), stores.sectors.list(deps.db)]);
    const activeEmails = new Set(registrations.filter((r) => ACTIVE.has(r.status)).map((r) => r.email.toLowerCase()));
    const seats = { capacity: edition.capacity, taken: edition.counts.confirmed + edition.counts.offered, waiting: edition.counts.waitlisted };
    return { rows: planImport(read, { seats, activeEmails, sectors }) };
  }

  const withoutInput = ({ input: _input, ...row }: PlannedRow) => row;

  return {
    /** What importing this file would do, row by row; nothing is saved. */
    async preview(editionId: string, csv: string) {
      const { rows } = await plan(editionId, csv);
      return { rows: rows.map(withoutInput), summary: summarize(rows) };
    },

    /**
     * Adds every good row as a registration by the organizer (source `organizer`): the same seats,
     * waiting list and confirmation mails as anybody registering. Rows with problems, duplicates
     * and people already registered are skipped and reported.
     */
    async import(editionId: string, csv: string) {
      const { rows } = await plan(editionId, csv);
      // Submitted together: the registration queue writes them in a few batches, in file order.
      const results = await Promise.all(
        rows.map(async (row): Promise<ImportedRow> => {
          const plain = withoutInput(row);
          if (!row.input) return plain;
          try {
            const { created, registration } = await services.registration.addByOrganizer(editionId, row.input);
            if (!created) return { ...plain, outcome: 'already_registered', waitlistPosition: null };
            const outcome = registration.status === 'waitlisted' ? 'waitlisted' : 'confirmed';
            return { ...plain, outcome, waitlistPosition: registration.waitlistPosition };
          } catch (error) {
            const message = error instanceof AppError ? error.message : 'could not be added';
            return { ...plain, outcome: 'failed', waitlistPosition: null, issues: [{ field: 'row', message }] };
          }
        }),
      );
      const summary = { ...summarize(results.filter((r): r is ImportedRow & { outcome: RowOutcome } => r.outcome !== 'failed')), failed: 0 };
      summary.total = results.length;
      summary.failed = results.filter((r) => r.outcome === 'failed').length;
      return { rows: results, summary };
    },
  };
}
