import { describe, expect, test } from 'vitest';
import type { LiveChatMessage, LiveEvent } from '@tablehop/protocol';
import { connect, createLiveFixture, createTestEngine, STARTS_AT, type TestClient } from './live-fixture.js';
import { useTestApp } from './test-app.js';

const t = useTestApp();

const chatIn = (events: LiveEvent[]): LiveChatMessage[] => events.flatMap((e) => (e.type === 'chat_message' ? [e.message] : []));

/** An edition with 12 participants and 2 moderators, everyone connected, round 1 running. */
async function runningRound() {
  const f = await createLiveFixture(t, 12, 2);
  const { engine, advance } = createTestEngine(t.db, STARTS_AT);
  const host = await connect(engine, await engine.authenticate(f.editionId, { kind: 'staff' }, f.organizerId));
  const moderators: TestClient[] = [];
  for (const id of f.moderators) moderators.push(await connect(engine, await engine.authenticate(f.editionId, { kind: 'staff' }, id)));
  const people = new Map<string, TestClient>();
  for (const p of f.participants)
    people.set(p.id, await connect(engine, await engine.authenticate(f.editionId, { kind: 'join', token: p.token }, undefined)));
  await engine.execute(host.actor, { type: 'start_now' }); // plenary
  await engine.execute(host.actor, { type: 'start_now' }); // round 1 seated
  await advance(0);
  const tables = engine.inspect(f.editionId)!.tables!;
  expect(tables.length).toBe(2);
  return { f, engine, advance, host, moderators, people, tables };
}

describe('live engine: table chat', () => {
  test('a message reaches the people of its table (moderator included) and nobody else, hosts included', async () => {
    const { engine, host, moderators, people, tables, f } = await runningRound();
    const [first, second] = tables;
    const writer = people.get(first!.participants[0]!)!;
    await engine.execute(writer.actor, { type: 'send_chat', text: '  Hello table one  ' });
    await engine.idle();

    for (const id of first!.participants) expect(chatIn(people.get(id)!.events).map((m) => m.text)).toEqual(['Hello table one']);
    const firstModerator = moderators.find((m) => m.actor.personId === first!.moderator)!;
    expect(chatIn(firstModerator.events)).toHaveLength(1);
    expect(chatIn(firstModerator.events)[0]).toMatchObject({ table: 1, round: 1, personId: writer.actor.personId, role: 'participant' });
    for (const id of second!.participants) expect(chatIn(people.get(id)!.events)).toEqual([]);
    expect(chatIn(moderators.find((m) => m.actor.personId === second!.moderator)!.events)).toEqual([]);
    expect(chatIn(host.events)).toEqual([]);

    // A reconnection (a fresh snapshot) shows the table's chat; another table's snapshot does not.
    const again = await connect(
      engine,
      await engine.authenticate(f.editionId, { kind: 'join', token: f.participants.find((p) => p.id === first!.participants[1])!.token }, undefined),
    );
    expect(again.snapshot.chat?.map((m) => m.text)).toEqual(['Hello table one']);
    const other = await connect(
      engine,
      await engine.authenticate(f.editionId, { kind: 'join', token: f.participants.find((p) => p.id === second!.participants[0])!.token }, undefined),
    );
    expect(other.snapshot.chat).toEqual([]);
    const hostAgain = await connect(engine, await engine.authenticate(f.editionId, { kind: 'staff' }, f.organizerId));
    expect(hostAgain.snapshot.chat).toEqual([]);
  });

  test('the moderator chats with its table; hosts and people in the plenary may not chat', async () => {
    const { engine, host, moderators, people, tables } = await runningRound();
    const moderator = moderators.find((m) => m.actor.personId === tables[1]!.moderator)!;
    await engine.execute(moderator.actor, { type: 'send_chat', text: 'Welcome, introduce yourselves' });
    await engine.idle();
    for (const id of tables[1]!.participants) expect(chatIn(people.get(id)!.events)[0]).toMatchObject({ role: 'moderator', table: 2 });
    for (const id of tables[0]!.participants) expect(chatIn(people.get(id)!.events)).toEqual([]);
    await expect(engine.execute(host.actor, { type: 'send_chat', text: 'hi' })).rejects.toMatchObject({ code: 'ERR_FORBIDDEN' });
    await expect(engine.execute(moderator.actor, { type: 'send_chat', text: 'x'.repeat(501) })).rejects.toMatchObject({ code: 'ERR_VALIDATION' });
    await expect(engine.execute(moderator.actor, { type: 'send_chat', text: '   ' })).rejects.toMatchObject({ code: 'ERR_VALIDATION' });
  });

  test('someone moved to another table gets that table’s chat and no longer hears the old one; a new round starts empty', async () => {
    const { engine, advance, host, people, tables, f } = await runningRound();
    const stay = people.get(tables[1]!.participants[0]!)!;
    await engine.execute(stay.actor, { type: 'send_chat', text: 'at table two' });
    await engine.idle();
    const mover = people.get(tables[0]!.participants[0]!)!;
    await engine.execute(host.actor, { type: 'move_person', personId: mover.actor.personId, table: 2 });
    await engine.idle();
    const seat = mover.events.filter((e) => e.type === 'seat_assigned').at(-1);
    expect(seat).toMatchObject({ type: 'seat_assigned', reason: 'moved', seat: { table: 2 } });
    expect(seat?.type === 'seat_assigned' ? seat.chat?.map((m) => m.text) : null).toEqual(['at table two']);

    const leftBehind = people.get(tables[0]!.participants[1]!)!;
    await engine.execute(leftBehind.actor, { type: 'send_chat', text: 'table one again' });
    await engine.idle();
    // It came with the seat, not as a live message, and table one's later message did not reach it.
    expect(chatIn(mover.events)).toEqual([]);

    await engine.execute(host.actor, { type: 'end_round_now' });
    await advance(0);
    expect(engine.inspect(f.editionId)!.round).toBe(2);
    const fresh = await connect(
      engine,
      await engine.authenticate(f.editionId, { kind: 'join', token: f.participants.find((p) => p.id === stay.actor.personId)!.token }, undefined),
    );
    expect(fresh.snapshot.chat).toEqual([]);
  });
});
