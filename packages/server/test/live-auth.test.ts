import { describe, expect, test } from 'vitest';
import type { LiveCommand } from '@tablehop/protocol';
import { connect, createLiveFixture, createTestEngine, MINUTE, STARTS_AT } from './live-fixture.js';
import { useTestApp } from './test-app.js';

const t = useTestApp();

describe('live engine: who may do and see what', () => {
  test('a participant may not run host or moderator commands', async () => {
    const f = await createLiveFixture(t, 12, 2);
    const { engine } = createTestEngine(t.db, STARTS_AT);
    const actor = await engine.authenticate(f.editionId, { kind: 'join', token: f.participants[0]!.token }, undefined);
    expect(actor).toMatchObject({ role: 'participant', personId: f.participants[0]!.id });
    const commands: LiveCommand[] = [
      { type: 'advance' },
      { type: 'start_now' },
      { type: 'broadcast', text: 'hi' },
      { type: 'move_person', personId: f.participants[1]!.id, table: 1 },
      { type: 'remove_person', personId: f.participants[1]!.id },
      { type: 'request_help' },
      { type: 'flag', kind: 'problem' },
      { type: 'save_note', text: 'x' },
    ];
    for (const command of commands) await expect(engine.execute(actor!, command)).rejects.toMatchObject({ code: 'ERR_FORBIDDEN' });
    // A moderator may not run host commands either.
    const moderator = await engine.authenticate(f.editionId, { kind: 'staff' }, f.moderators[0]);
    await expect(engine.execute(moderator!, { type: 'advance' })).rejects.toMatchObject({ code: 'ERR_FORBIDDEN' });
    await expect(engine.execute(moderator!, { type: 'bogus' } as unknown as LiveCommand)).rejects.toMatchObject({ code: 'ERR_VALIDATION' });
  });

  test('a join token works only for its own edition and only for a confirmed registration', async () => {
    const f = await createLiveFixture(t, 6, 1);
    const other = await t.createEdition(10);
    const { engine } = createTestEngine(t.db, STARTS_AT);
    expect(await engine.authenticate(other.editionId, { kind: 'join', token: f.participants[0]!.token }, undefined)).toBeUndefined();
    expect(await engine.authenticate(f.editionId, { kind: 'join', token: 'x'.repeat(43) }, undefined)).toBeUndefined();
    await t.db.query(`UPDATE registrations SET status = 'cancelled' WHERE id = $1`, [f.participants[1]!.id]);
    await t.db.query(`UPDATE registrations SET status = 'waitlisted', waitlist_seq = 1 WHERE id = $1`, [f.participants[2]!.id]);
    expect(await engine.authenticate(f.editionId, { kind: 'join', token: f.participants[1]!.token }, undefined)).toBeUndefined();
    expect(await engine.authenticate(f.editionId, { kind: 'join', token: f.participants[2]!.token }, undefined)).toBeUndefined();
    // Staff: a moderator not assigned to the edition is refused; no session, no entry.
    const fx = await createLiveFixture(t, 0, 1);
    expect(await engine.authenticate(f.editionId, { kind: 'staff' }, fx.moderators[0])).toBeUndefined();
    expect(await engine.authenticate(f.editionId, { kind: 'staff' }, undefined)).toBeUndefined();
  });

  test('participants see only their own table, never e-mail addresses; moderators their table; hosts everything', async () => {
    const f = await createLiveFixture(t, 18, 3);
    const { engine, advance } = createTestEngine(t.db, STARTS_AT);
    const host = await connect(engine, await engine.authenticate(f.editionId, { kind: 'staff' }, f.organizerId));
    const mod = await connect(engine, await engine.authenticate(f.editionId, { kind: 'staff' }, f.moderators[0]));
    const people = [];
    for (const p of f.participants)
      people.push(await connect(engine, await engine.authenticate(f.editionId, { kind: 'join', token: p.token }, undefined)));
    await engine.execute(host.actor, { type: 'start_now' }); // plenary
    await engine.execute(host.actor, { type: 'start_now' }); // round 1 seated
    await advance(0);
    const state = engine.inspect(f.editionId)!;
    expect(state.tables).toHaveLength(3);
    await engine.execute(mod.actor, { type: 'flag', kind: 'problem', text: 'noise' });
    await engine.execute(mod.actor, { type: 'save_note', text: 'my notes' });

    for (const person of people) {
      const table = state.tables!.findIndex((tbl) => tbl.participants.includes(person.actor.personId));
      const allowed = new Set([...state.tables![table]!.participants, state.tables![table]!.moderator]);
      const json = JSON.stringify(person.events);
      expect(json).not.toMatch(/@example\.(com|org)/);
      for (const event of person.events) {
        expect(['timer_changed', 'seat_assigned', 'broadcast']).toContain(event.type);
        if (event.type === 'seat_assigned' && event.seat) {
          expect(event.seat.table).toBe(table + 1);
          for (const card of event.seat.cards) expect(allowed.has(card.personId)).toBe(true);
        }
      }
      const snapshot = (await engine.attach(person.actor, () => undefined)).snapshot;
      expect(snapshot.staff).toBeNull();
      expect(snapshot.seat?.table).toBe(table + 1);
      expect(snapshot.help).toEqual([]);
    }
    const modSnapshot = (await engine.attach(mod.actor, () => undefined)).snapshot;
    expect(modSnapshot.staff).toBeNull();
    expect(modSnapshot.notes).toBe('my notes');
    expect(modSnapshot.seat?.cards[0]).toHaveProperty('lookingFor');
    expect(modSnapshot.seat?.cards[0]).not.toHaveProperty('email');
    const hostSnapshot = (await engine.attach(host.actor, () => undefined)).snapshot;
    expect(hostSnapshot.staff?.tables.flatMap((tbl) => tbl.participants)).toHaveLength(18);
    expect(hostSnapshot.staff?.flags).toHaveLength(1);
    expect(host.events.some((e) => e.type === 'flag_raised')).toBe(true);
    expect(host.events.some((e) => e.type === 'presence_changed')).toBe(true);
    void MINUTE;
  });

  test('a removed participant is unseated and can not come back', async () => {
    const f = await createLiveFixture(t, 12, 2);
    const { engine, advance } = createTestEngine(t.db, STARTS_AT);
    const host = await connect(engine, await engine.authenticate(f.editionId, { kind: 'staff' }, f.organizerId));
    const victim = await connect(engine, await engine.authenticate(f.editionId, { kind: 'join', token: f.participants[0]!.token }, undefined));
    for (const p of f.participants.slice(1))
      await connect(engine, await engine.authenticate(f.editionId, { kind: 'join', token: p.token }, undefined));
    await engine.execute(host.actor, { type: 'start_now' });
    await engine.execute(host.actor, { type: 'start_now' });
    await advance(0);
    await engine.execute(host.actor, { type: 'remove_person', personId: victim.actor.personId });
    expect(victim.events.at(-1)).toEqual({ type: 'removed' });
    expect(engine.inspect(f.editionId)!.tables!.some((tbl) => tbl.participants.includes(victim.actor.personId))).toBe(false);
    expect(await engine.authenticate(f.editionId, { kind: 'join', token: f.participants[0]!.token }, undefined)).toBeUndefined();
  });
});
