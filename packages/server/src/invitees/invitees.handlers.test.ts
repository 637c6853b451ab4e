import { expect, test } from 'vitest';
import { useTestApp } from '../../test/test-app.js';
import { forEachTestDatabase } from '../../test/test-databases.js';
import { outboxMessages } from '../../test/recording-mailer.js';

forEachTestDatabase('invitee import API', (getDb) => {
  const t = useTestApp({ db: getDb });
  const preview = (editionId: string, csv: string) => t.asOrganizer('POST', `/api/editions/${editionId}/invitees/preview`, { csv });
  const importCsv = (editionId: string, csv: string) => t.asOrganizer('POST', `/api/editions/${editionId}/invitees/import`, { csv });

  const file = [
    'Name;E-mail;Company;Sector;Language',
    'Ann Smet;ann@example.com;Smet BV;;nl',
    'Bob Claes;bob@example.com;;;en',
    'Bad Mail;not-an-address;;;',
    ';nameless@example.com;;;',
    'Ann Again;ANN@example.com;;;',
    'Cas Dirk;cas@example.com;;;fr',
    'Dina Eeckhout;dina@example.com;;;',
  ].join('\n');

  test('previews each row with its problem, duplicates and the seats people would get, and saves nothing', async () => {
    const { editionId } = await t.createEdition(1);
    const response = await preview(editionId, file);
    expect(response.statusCode).toBe(200);
    const { rows, summary } = response.json();
    expect(rows.map((r: { line: number; outcome: string }) => [r.line, r.outcome])).toEqual([
      [2, 'confirmed'],
      [3, 'waitlisted'],
      [4, 'invalid'],
      [5, 'invalid'],
      [6, 'duplicate'],
      [7, 'invalid'],
      [8, 'waitlisted'],
    ]);
    expect(rows[2].issues[0].field).toBe('email');
    expect(rows[3].issues[0].field).toBe('name');
    expect(rows[4].issues[0]).toEqual({ field: 'email', message: 'also on line 2' });
    expect(rows[5].issues[0]).toEqual({ field: 'language', message: 'must be nl or en' });
    expect(rows[7 - 1].waitlistPosition).toBe(2);
    expect(summary).toEqual({ total: 7, confirmed: 1, waitlisted: 2, duplicate: 1, already_registered: 0, invalid: 3 });
    expect((await t.asOrganizer('GET', `/api/editions/${editionId}`)).json()).toMatchObject({ confirmedCount: 0, waitlistCount: 0 });
  });

  test('imports the good rows as organizer registrations with the normal seats, waiting list and mails', async () => {
    const { editionId } = await t.createEdition(2);
    await t.register(editionId, { email: 'bob@example.com', name: 'Bob' }); // takes one of the two seats
    const response = await importCsv(editionId, file);
    expect(response.statusCode).toBe(200);
    const { rows, summary } = response.json();
    expect(rows.map((r: { email: string; outcome: string }) => `${r.email}:${r.outcome}`)).toEqual([
      'ann@example.com:confirmed',
      'bob@example.com:already_registered',
      'not-an-address:invalid',
      'nameless@example.com:invalid',
      'ANN@example.com:duplicate',
      'cas@example.com:invalid',
      'dina@example.com:waitlisted',
    ]);
    expect(summary).toMatchObject({ confirmed: 1, waitlisted: 1, already_registered: 1, duplicate: 1, invalid: 3, failed: 0 });

    const list = (await t.asOrganizer('GET', `/api/editions/${editionId}/registrations`)).json().registrations as Array<Record<string, unknown>>;
    expect(list).toHaveLength(3);
    expect(list.find((r) => r.email === 'ann@example.com')).toMatchObject({
      status: 'confirmed',
      source: 'organizer',
      company: 'Smet BV',
      language: 'nl',
    });
    expect(list.find((r) => r.email === 'dina@example.com')).toMatchObject({ status: 'waitlisted', source: 'organizer', waitlistPosition: 1 });
    expect((await outboxMessages(t.db, 'ann@example.com')).map((m) => m.kind)).toEqual(['registration_confirmed']);
    expect((await outboxMessages(t.db, 'dina@example.com')).map((m) => m.kind)).toEqual(['registration_waitlisted']);
    // Bob registered himself: the import does not mail him again.
    expect((await outboxMessages(t.db, 'bob@example.com')).map((m) => m.kind)).toEqual(['registration_confirmed']);
  });

  test('puts everybody on the waiting list when the edition is full, behind those waiting already', async () => {
    const { editionId } = await t.createEdition(1);
    await t.register(editionId);
    await t.register(editionId); // waiting, position 1
    const { rows } = (await importCsv(editionId, 'name,email\nEva,eva@example.com\nFien,fien@example.com')).json();
    expect(rows.map((r: { outcome: string; waitlistPosition: number }) => [r.outcome, r.waitlistPosition])).toEqual([
      ['waitlisted', 2],
      ['waitlisted', 3],
    ]);
    expect((await t.asOrganizer('GET', `/api/editions/${editionId}`)).json()).toMatchObject({ confirmedCount: 1, waitlistCount: 3 });
  });

  test('checks sectors against the list, ignoring case', async () => {
    await t.asOrganizer('PUT', '/api/sectors', { sectors: ['ICT', 'Retail'] });
    const { editionId } = await t.createEdition(5);
    const { rows } = (await preview(editionId, 'name,email,sector\nA,a@example.com,ict\nB,b@example.com,Mining')).json();
    expect(rows.map((r: { outcome: string }) => r.outcome)).toEqual(['confirmed', 'invalid']);
    expect(rows[1].issues[0].field).toBe('sector');
    await importCsv(editionId, 'name,email,sector\nA,a@example.com,ict');
    const [a] = (await t.asOrganizer('GET', `/api/editions/${editionId}/registrations`)).json().registrations;
    expect(a.sector).toBe('ICT');
  });

  test.each([
    ['an empty file', '   '],
    ['no e-mail column', 'name,company\nAnn,Smet BV'],
    ['a header only', 'name,email\n'],
    ['a broken quote', 'name,email\n"Ann,ann@example.com'],
  ])('refuses %s with a message about the file', async (_label, csv) => {
    const { editionId } = await t.createEdition(3);
    const response = await preview(editionId, csv);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('ERR_VALIDATION');
    expect(response.json().error.details[0].path).toBe('body.csv');
  });

  test('is for organizers only', async () => {
    const { editionId } = await t.createEdition(3);
    const response = await t.anonymous('POST', `/api/editions/${editionId}/invitees/import`, { csv: 'name,email\nA,a@example.com' });
    expect(response.statusCode).toBe(401);
  });
});
