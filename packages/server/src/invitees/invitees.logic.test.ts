import { describe, expect, test } from 'vitest';
import { CsvFileError, MAX_IMPORT_ROWS, planImport, readInviteeCsv, summarize } from './invitees.logic.js';

describe('readInviteeCsv', () => {
  test('reads Dutch and English headers, semicolons, quotes and a byte-order mark', () => {
    const rows = readInviteeCsv('\uFEFFNaam;E-mailadres;Bedrijf;Functie;Onbekend\n"Smet, An";an@example.com;"Smet ""&"" Zn";CEO;x\n');
    expect(rows).toEqual([{ line: 2, values: { name: 'Smet, An', email: 'an@example.com', company: 'Smet "&" Zn', jobTitle: 'CEO' } }]);
  });

  test.each([
    ['no header', ''],
    ['no e-mail column', 'name,company\nAn,Smet'],
    ['no rows', 'name,email'],
    ['too many rows', `name,email\n${'a,a@example.com\n'.repeat(MAX_IMPORT_ROWS + 1)}`],
  ])('refuses a file with %s', (_label, text) => {
    expect(() => readInviteeCsv(text)).toThrow(CsvFileError);
  });
});

describe('planImport', () => {
  const rows = readInviteeCsv('name,email,language\nA,a@example.com,EN\nB,b@example.com,\nC,c@example.com,\nA2,A@EXAMPLE.COM,\nD,d@example.com,');

  test('gives free seats in file order, then the waiting list behind those waiting', () => {
    const plan = planImport(rows, { seats: { capacity: 3, taken: 2, waiting: 0 }, activeEmails: new Set(['c@example.com']), sectors: [] });
    expect(plan.map((r) => [r.email, r.outcome, r.waitlistPosition])).toEqual([
      ['a@example.com', 'confirmed', null],
      ['b@example.com', 'waitlisted', 1],
      ['c@example.com', 'already_registered', null],
      ['A@EXAMPLE.COM', 'duplicate', null],
      ['d@example.com', 'waitlisted', 2],
    ]);
    expect(plan[0]!.input).toMatchObject({ name: 'A', email: 'a@example.com', language: 'en', consent: true });
    expect(summarize(plan)).toEqual({ total: 5, confirmed: 1, waitlisted: 2, duplicate: 1, already_registered: 1, invalid: 0 });
  });

  test('never seats a newcomer while someone is waiting', () => {
    const plan = planImport(rows.slice(0, 1), { seats: { capacity: 10, taken: 2, waiting: 1 }, activeEmails: new Set(), sectors: [] });
    expect(plan[0]).toMatchObject({ outcome: 'waitlisted', waitlistPosition: 2 });
  });
});
