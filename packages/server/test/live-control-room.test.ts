import { describe, expect, test } from 'vitest';
import type { LiveEvent, LivePresence } from '@tablehop/protocol';
import { connect, createLiveFixture, createTestEngine, MINUTE, STARTS_AT } from './live-fixture.js';
import { useTestApp } from './test-app.js';

const t = useTestApp();

const lateJoinersIn = (events: LiveEvent[]) => events.flatMap((e) => (e.type === 'late_joiner' ? [e.arrival] : []));
const presenceOf = (events: LiveEvent[], personId: string): LivePresence | undefined =>
  events.flatMap((e) => (e.type === 'presence_changed' && e.presence.personId === personId ? [e.presence] : [])).at(-1);

describe('live engine: what the control room learns', () => {
  test('hosts hear of late joiners (participants and moderators) as they are seated, and find them in a new snapshot', async () => {
    const f = await createLiveFixture(t, 13, 2);
    const { engine, advance, clock } = createTestEngine(t.db, STARTS_AT);
    const host = await connect(engine, await engine.authenticate(f.editionId, { kind: 'staff' }, f.organizerId));
    await connect(engine, await engine.authenticate(f.editionId, { kind: 'staff' }, f.moderators[0]));
    for (const p of f.participants.slice(0, 12))
      await connect(engine, await engine.authenticate(f.editionId, { kind: 'join', token: p.token }, undefined));
    await engine.execute(host.actor, { type: 'start_now' }); // plenary
    // Arriving in the plenary is on time: nobody is seated yet.
    expect(lateJoinersIn(host.events)).toEqual([]);
    await engine.execute(host.actor, { type: 'start_now' }); // round 1 seated (moving)
    await advance(0);
    const state = engine.inspect(f.editionId)!;
    expect(state.tables).toHaveLength(2);
    const free = state.tables!.findIndex((table) => table.moderator === null);
    expect(free).toBeGreaterThanOrEqual(0);

    clock.advance(MINUTE);
    const late = f.participants[12]!;
    await connect(engine, await engine.authenticate(f.editionId, { kind: 'join', token: late.token }, undefined));
    await connect(engine, await engine.authenticate(f.editionId, { kind: 'staff' }, f.moderators[1]));
    await advance(0);
    const after = engine.inspect(f.editionId)!;
    const lateTable = after.tables!.findIndex((table) => table.participants.includes(late.id)) + 1;
    expect(lateJoinersIn(host.events)).toEqual([
      { personId: late.id, role: 'participant', name: late.name, round: 1, table: lateTable, at: STARTS_AT + MINUTE },
      { personId: f.moderators[1], role: 'moderator', name: 'Moderator 2', round: 1, table: free + 1, at: STARTS_AT + MINUTE },
    ]);
    // It goes out in the same batch as the tables change that seats the person.
    const kinds = host.events.map((e) => e.type);
    expect(kinds.lastIndexOf('tables_changed')).toBeGreaterThan(kinds.indexOf('late_joiner'));
    expect(kinds.indexOf('late_joiner')).toBeGreaterThan(-1);

    // A host who opens the control room later gets the list in the snapshot.
    const second = await connect(engine, await engine.authenticate(f.editionId, { kind: 'staff' }, f.organizerId));
    expect(second.snapshot.staff?.lateJoiners?.map((a) => a.personId)).toEqual([late.id, f.moderators[1]]);
    // Reconnecting to the same seat is not a late arrival.
    expect(lateJoinersIn(second.events)).toEqual([]);
  });

  test('a removed participant stays marked as removed in the hosts’ presence, also after its connection closes', async () => {
    const f = await createLiveFixture(t, 6, 1);
    const { engine, advance } = createTestEngine(t.db, STARTS_AT);
    const host = await connect(engine, await engine.authenticate(f.editionId, { kind: 'staff' }, f.organizerId));
    const target = f.participants[0]!;
    const person = await connect(engine, await engine.authenticate(f.editionId, { kind: 'join', token: target.token }, undefined));
    expect(presenceOf(host.events, target.id)).toMatchObject({ connected: true });
    expect(presenceOf(host.events, target.id)?.removed).toBeUndefined();

    await engine.execute(host.actor, { type: 'remove_person', personId: target.id });
    await advance(0);
    expect(person.events.at(-1)).toEqual({ type: 'removed' });
    expect(presenceOf(host.events, target.id)).toMatchObject({ personId: target.id, removed: true });
    person.detach();
    expect(presenceOf(host.events, target.id)).toMatchObject({ connected: false, removed: true });

    const again = await connect(engine, await engine.authenticate(f.editionId, { kind: 'staff' }, f.organizerId));
    const presence = again.snapshot.staff!.presence;
    expect(presence.find((p) => p.personId === target.id)).toMatchObject({ removed: true });
    expect(presence.filter((p) => p.removed)).toHaveLength(1);
  });
});
