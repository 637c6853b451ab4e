import type { MetView } from '@tablehop/protocol';
import { expect, test } from 'vitest';
import type { LiveTable } from '../src/live/live.logic.js';
import { connect, createLiveFixture, createTestEngine, editionStatus, MINUTE, STARTS_AT } from './live-fixture.js';
import { outboxMessages } from './recording-mailer.js';
import { forEachTestDatabase } from './test-databases.js';
import { useTestApp } from './test-app.js';

/**
 * End to end on the server: a scripted edition with two rounds run by the live engine on a fake
 * clock, then the follow-up through the HTTP API. A participant sees exactly the people they sat
 * with, connects with one who accepts, and sees that person's contact details and nobody else's.
 */
forEachTestDatabase('follow-up after a live edition', (getDb) => {
  const t = useTestApp({ db: getDb });

  test('shows whom each person met per round, and reveals contact details only after both agreed', async () => {
    const f = await createLiveFixture(t, 10, 2);
    const { engine, advance, errors } = createTestEngine(t.db, STARTS_AT - 20 * MINUTE);
    await engine.start();
    for (const id of f.moderators) await connect(engine, await engine.authenticate(f.editionId, { kind: 'staff' }, id));
    // The tenth person never comes.
    const present = f.participants.slice(0, 9);
    const noShow = f.participants[9]!;
    for (const p of present) await connect(engine, await engine.authenticate(f.editionId, { kind: 'join', token: p.token }, undefined));

    // Doors, plenary, then round 1 is seated; then round 2; then the closing plenary and the end.
    const tablesOf: (readonly LiveTable[])[] = [];
    await advance(5 * MINUTE + 15 * MINUTE + 10 * MINUTE);
    expect(engine.inspect(f.editionId)).toMatchObject({ phase: 'moving', round: 1 });
    tablesOf.push(engine.inspect(f.editionId)!.tables!);
    await advance(30_000 + 12 * MINUTE);
    expect(engine.inspect(f.editionId)).toMatchObject({ phase: 'moving', round: 2 });
    tablesOf.push(engine.inspect(f.editionId)!.tables!);
    await advance(30_000 + 12 * MINUTE);
    await advance(10 * MINUTE);
    expect(engine.inspect(f.editionId)!.phase).toBe('ended');
    expect(await editionStatus(t.db, f.editionId)).toBe('ended');
    expect(errors).toEqual([]);
    engine.stop();

    const tokens = new Map(
      (
        await t.db.query<{ id: string; manage_token: string; email: string }>(
          `SELECT id, manage_token, email FROM registrations WHERE edition_id = $1`,
          [f.editionId],
        )
      ).map((r) => [r.id, r]),
    );
    const met = async (id: string) => (await t.anonymous('GET', `/api/manage/${tokens.get(id)!.manage_token}/met`)).json<MetView>();

    // Every present person sees, per round, exactly their table (the moderator included); the no-show sees nobody.
    for (const p of present) {
      const view = await met(p.id);
      expect(view.attended).toBe(true);
      const expected = tablesOf.map((tables, i) => {
        const table = tables.find((x) => x.participants.includes(p.id))!;
        return {
          round: i + 1,
          tables: [tables.indexOf(table) + 1],
          ids: [...(table.moderator ? [table.moderator] : []), ...table.participants.filter((id) => id !== p.id)].sort(),
        };
      });
      expect(
        view.rounds.map((r) => ({
          round: r.round,
          tables: r.tables,
          ids: r.people.map((x) => (x.kind === 'moderator' ? x.moderatorId : x.registrationId)).sort(),
        })),
      ).toEqual(expected);
    }
    expect(await met(noShow.id)).toMatchObject({ attended: false, rounds: [] });

    // The follow-up mail goes to the nine who came, not to the no-show.
    expect(await t.services.followup.queueFollowUps()).toBe(9);
    expect((await outboxMessages(t.db, tokens.get(noShow.id)!.email)).some((m) => m.kind === 'follow_up')).toBe(false);

    // Ann asks the first person at her round-1 table; that person accepts.
    const ann = present[0]!;
    const annView = await met(ann.id);
    const others = annView.rounds.flatMap((r) => r.people).flatMap((x) => (x.kind === 'participant' ? [x.registrationId] : []));
    const friend = others[0]!;
    expect((await t.anonymous('POST', `/api/manage/${tokens.get(ann.id)!.manage_token}/contacts/${friend}`)).json()).toMatchObject({
      connection: 'requested',
      contact: null,
    });
    expect((await t.anonymous('POST', `/api/manage/${tokens.get(friend)!.manage_token}/contacts/${ann.id}`)).json()).toMatchObject({
      connection: 'connected',
      contact: { email: tokens.get(ann.id)!.email },
    });

    const after = await met(ann.id);
    for (const person of after.rounds.flatMap((r) => r.people)) {
      if (person.kind !== 'participant') continue;
      if (person.registrationId === friend) expect(person).toMatchObject({ connection: 'connected', contact: { email: tokens.get(friend)!.email } });
      else expect(person).toMatchObject({ contact: null });
    }
    const text = JSON.stringify(after);
    for (const [id, row] of tokens) if (id !== friend) expect(text).not.toContain(row.email);
    expect((await t.anonymous('GET', `/api/manage/${tokens.get(ann.id)!.manage_token}/vcard/${friend}`)).statusCode).toBe(200);
    expect((await t.anonymous('GET', `/api/manage/${tokens.get(ann.id)!.manage_token}/vcard/${others[1]!}`)).statusCode).toBe(403);
  });
});
