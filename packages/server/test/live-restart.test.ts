import { describe, expect, test } from 'vitest';
import { pgLiveStore } from '../src/live/pg-live.store.js';
import { connect, createLiveFixture, editionStatus, createTestEngine, MINUTE, STARTS_AT } from './live-fixture.js';
import { forEachTestDatabase } from './test-databases.js';
import { useTestApp } from './test-app.js';

forEachTestDatabase('live engine restart', (getDb) => {
  const t = useTestApp({ db: getDb });

  async function runIntoRound2(people = 18) {
    const f = await createLiveFixture(t, people, 3);
    const first = createTestEngine(t.db, STARTS_AT - 20 * MINUTE);
    await first.engine.start();
    const host = await connect(first.engine, await first.engine.authenticate(f.editionId, { kind: 'staff' }, f.organizerId));
    for (const id of f.moderators) await connect(first.engine, await first.engine.authenticate(f.editionId, { kind: 'staff' }, id));
    for (const p of f.participants)
      await connect(first.engine, await first.engine.authenticate(f.editionId, { kind: 'join', token: p.token }, undefined));
    await first.advance(20 * MINUTE + 10 * MINUTE + 30_000); // doors, plenary, moving 1 -> round 1
    await first.engine.execute(host.actor, { type: 'move_person', personId: f.participants[0]!.id, table: 2 });
    await first.advance(12 * MINUTE + 30_000 + 2 * MINUTE); // round 2, 2 minutes in
    await first.engine.execute(host.actor, { type: 'extend_round', minutes: 5 });
    first.engine.stop();
    return { f, first, host };
  }

  describe('live engine: restart', () => {
    test('a second engine on the same database resumes the round: same tables, same deadline, seatings kept', async () => {
      const { f, first } = await runIntoRound2();
      const before = first.engine.inspect(f.editionId)!;
      expect(before).toMatchObject({ phase: 'round', round: 2 });
      const seatingsBefore = await pgLiveStore.listSeatings(t.db, f.editionId);

      // The process died; a new one starts 40 s later (fake clock moved on).
      const second = createTestEngine(t.db, first.clock.now().getTime() + 40_000);
      await second.engine.start();
      const after = second.engine.inspect(f.editionId)!;
      expect(after.tables).toEqual(before.tables);
      expect(after.endsAt).toBe(before.endsAt);
      expect(after.past).toEqual(before.past);
      expect(second.scheduler.pending()).toEqual([before.endsAt]);
      expect(await pgLiveStore.listSeatings(t.db, f.editionId)).toEqual(seatingsBefore);

      // Everyone reconnects into the table they belong to.
      for (const p of f.participants) {
        const client = await connect(second.engine, await second.engine.authenticate(f.editionId, { kind: 'join', token: p.token }, undefined));
        const table = before.tables!.findIndex((tbl) => tbl.participants.includes(p.id));
        expect(client.snapshot.seat?.table).toBe(table + 1);
        expect(client.snapshot.timer.endsAt).toBe(before.endsAt);
      }
      // And the next deadline is honoured by the new engine.
      await second.advance(before.endsAt! - second.clock.now().getTime());
      expect(second.engine.inspect(f.editionId)).toMatchObject({ phase: 'closing' });
      second.engine.stop();
    });

    test('deadlines that passed while the server was down are applied in order, each at its own time', async () => {
      const { f, first } = await runIntoRound2();
      const before = first.engine.inspect(f.editionId)!;
      // Down for an hour: round 2 ended, then the closing plenary, then the event.
      const second = createTestEngine(t.db, first.clock.now().getTime() + 60 * MINUTE);
      await second.engine.start();
      const after = second.engine.inspect(f.editionId)!;
      expect(after.phase).toBe('ended');
      expect(after.past[1]).toEqual(before.tables);
      const seatings = await pgLiveStore.listSeatings(t.db, f.editionId);
      const round2 = seatings.filter((s) => s.round === 2);
      expect(round2.every((s) => s.to?.getTime() === before.endsAt)).toBe(true);
      expect(await editionStatus(t.db, f.editionId)).toBe('ended');
      second.engine.stop();
    });

    test('a participant who drops and comes back returns to the table they belong to', async () => {
      const f = await createLiveFixture(t, 12, 2);
      const { engine, advance } = createTestEngine(t.db, STARTS_AT);
      const host = await connect(engine, await engine.authenticate(f.editionId, { kind: 'staff' }, f.organizerId));
      const clients = [];
      for (const p of f.participants)
        clients.push(await connect(engine, await engine.authenticate(f.editionId, { kind: 'join', token: p.token }, undefined)));
      await engine.execute(host.actor, { type: 'start_now' });
      await engine.execute(host.actor, { type: 'start_now' });
      await advance(30_000);
      const table = clients[3]!.events.filter((e) => e.type === 'seat_assigned').at(-1);
      clients[3]!.detach();
      await advance(5 * MINUTE);
      const again = await connect(engine, await engine.authenticate(f.editionId, { kind: 'join', token: f.participants[3]!.token }, undefined));
      expect(table?.type === 'seat_assigned' && table.seat?.table).toBe(again.snapshot.seat?.table);
      // Two tabs at once are fine; presence counts both.
      const tab2 = await connect(engine, await engine.authenticate(f.editionId, { kind: 'join', token: f.participants[3]!.token }, undefined));
      const presence = host.events.filter((e) => e.type === 'presence_changed').at(-1);
      expect(presence).toMatchObject({ presence: { personId: f.participants[3]!.id, connected: true } });
      tab2.detach();
      again.detach();
    });
  });
});
