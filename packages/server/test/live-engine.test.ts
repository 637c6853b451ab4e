import { describe, expect, test } from 'vitest';
import { pgLiveStore } from '../src/live/pg-live.store.js';
import type { LiveState } from '../src/live/live.logic.js';
import { connect, createLiveFixture, editionStatus, createTestEngine, MINUTE, STARTS_AT, type TestClient } from './live-fixture.js';
import { forEachTestDatabase } from './test-databases.js';
import { useTestApp } from './test-app.js';

forEachTestDatabase('live engine', (getDb) => {
  const t = useTestApp({ db: getDb });

  function tableIndexOf(state: LiveState, id: string): number {
    return state.tables!.findIndex((table) => table.moderator === id || table.participants.includes(id));
  }

  describe('live engine: a full edition driven by a fake clock', () => {
    test('runs doors, plenary, rounds and closing with no-shows, late joiners, moves, a swap, help, extend, pause and an added round', async () => {
      const f = await createLiveFixture(t, 20, 3);
      const { engine, advance, clock, scheduler, errors } = createTestEngine(t.db, STARTS_AT - 20 * MINUTE);
      await engine.start();

      const host = await connect(engine, await engine.authenticate(f.editionId, { kind: 'staff' }, f.organizerId));
      expect(host.actor.role).toBe('host');
      expect(host.snapshot.timer.phase).toBe('scheduled');
      expect(host.snapshot.timer.endsAt).toBe(STARTS_AT - 15 * MINUTE);
      const moderators: TestClient[] = [];
      for (const id of f.moderators) moderators.push(await connect(engine, await engine.authenticate(f.editionId, { kind: 'staff' }, id)));
      // People 19 and 20 do not come at first (no-shows).
      const clients = new Map<string, TestClient>();
      for (const p of f.participants.slice(0, 18))
        clients.set(p.id, await connect(engine, await engine.authenticate(f.editionId, { kind: 'join', token: p.token }, undefined)));
      const [late, noShow] = [f.participants[18]!, f.participants[19]!];

      // Doors open by themselves 15 minutes before, the plenary at the start.
      await advance(5 * MINUTE);
      expect(engine.inspect(f.editionId)!.phase).toBe('doors_open');
      expect(await editionStatus(t.db, f.editionId)).toBe('live');
      await advance(15 * MINUTE);
      expect(engine.inspect(f.editionId)!.phase).toBe('plenary');
      expect(engine.inspect(f.editionId)!.endsAt).toBe(STARTS_AT + 10 * MINUTE);

      // Round 1 is seated (moving) for who is present: 18 participants, 3 moderators.
      await advance(10 * MINUTE);
      let state = engine.inspect(f.editionId)!;
      expect(state.phase).toBe('moving');
      expect(state.round).toBe(1);
      const seated1 = state.tables!.flatMap((table) => table.participants);
      expect(seated1).toHaveLength(18);
      expect(seated1).not.toContain(noShow.id);
      expect(state.tables!.map((table) => table.moderator).sort()).toEqual([...f.moderators].sort());
      for (const [id, client] of clients) {
        const seat = client.events.filter((e) => e.type === 'seat_assigned').at(-1);
        expect(seat?.type === 'seat_assigned' && seat.reason).toBe('round_seated');
        if (seat?.type !== 'seat_assigned' || !seat.seat) throw new Error('no seat');
        expect(seat.seat.table).toBe(tableIndexOf(state, id) + 1);
        expect(seat.seat.cards.map((c) => c.personId).sort()).toEqual([...state.tables![seat.seat.table - 1]!.participants].sort());
        expect(JSON.stringify(client.events)).not.toContain('@example.com');
      }
      await advance(30_000);
      expect(engine.inspect(f.editionId)!.phase).toBe('round');
      const roundEnds = STARTS_AT + 10 * MINUTE + 30_000 + 12 * MINUTE;
      expect(engine.inspect(f.editionId)!.endsAt).toBe(roundEnds);

      // A late joiner is seated at once.
      await advance(MINUTE);
      const lateClient = await connect(engine, await engine.authenticate(f.editionId, { kind: 'join', token: late.token }, undefined));
      clients.set(late.id, lateClient);
      state = engine.inspect(f.editionId)!;
      const lateTable = tableIndexOf(state, late.id);
      expect(lateTable).toBeGreaterThanOrEqual(0);
      expect(lateClient.snapshot.seat?.table).toBe(lateTable + 1);
      const mate = state.tables![lateTable]!.participants.find((id) => id !== late.id)!;
      expect(clients.get(mate)!.events.at(-1)).toMatchObject({ type: 'seat_assigned', reason: 'table_changed' });

      // The host moves a person, swaps two, extends, pauses and resumes.
      const mover = f.participants[0]!.id;
      const from = tableIndexOf(state, mover);
      const to = (from + 1) % state.tables!.length;
      await engine.execute(host.actor, { type: 'move_person', personId: mover, table: to + 1 });
      state = engine.inspect(f.editionId)!;
      expect(tableIndexOf(state, mover)).toBe(to);
      expect(clients.get(mover)!.events.at(-1)).toMatchObject({ type: 'seat_assigned', reason: 'moved', seat: { table: to + 1 } });
      const a = state.tables![0]!.participants.find((id) => id !== mover)!;
      const b = state.tables![1]!.participants.find((id) => id !== mover)!;
      await engine.execute(host.actor, { type: 'swap_people', a, b });
      state = engine.inspect(f.editionId)!;
      expect([tableIndexOf(state, a), tableIndexOf(state, b)]).toEqual([1, 0]);

      await engine.execute(host.actor, { type: 'extend_round', minutes: 2 });
      expect(engine.inspect(f.editionId)!.endsAt).toBe(roundEnds + 2 * MINUTE);
      await engine.execute(host.actor, { type: 'pause' });
      const paused = engine.inspect(f.editionId)!;
      expect(paused.endsAt).toBeNull();
      const remaining = paused.pausedRemainingMs!;
      expect(remaining).toBe(roundEnds + 2 * MINUTE - clock.now().getTime());
      await advance(20 * MINUTE); // nothing ends while paused
      expect(engine.inspect(f.editionId)!.phase).toBe('round');
      await engine.execute(host.actor, { type: 'resume' });
      expect(engine.inspect(f.editionId)!.endsAt).toBe(clock.now().getTime() + remaining);
      expect(scheduler.pending()).toEqual([clock.now().getTime() + remaining]);
      expect(
        clients
          .get(mover)!
          .events.filter((e) => e.type === 'timer_changed')
          .at(-1),
      ).toMatchObject({ timer: { phase: 'round', pausedRemainingMs: null } });

      // A moderator asks for help; the host sees it with the table and answers; participants hear nothing.
      const mod0 = moderators[0]!;
      await engine.execute(mod0.actor, { type: 'request_help', text: 'Sound problem' });
      const help = host.events.filter((e) => e.type === 'help_updated').at(-1);
      if (help?.type !== 'help_updated') throw new Error('no help request');
      expect(help.request).toMatchObject({
        moderatorId: mod0.actor.personId,
        table: tableIndexOf(engine.inspect(f.editionId)!, mod0.actor.personId) + 1,
        status: 'open',
      });
      await engine.execute(host.actor, { type: 'answer_help', requestId: help.request.id, text: 'On my way' });
      expect(mod0.events.at(-1)).toMatchObject({ type: 'help_updated', request: { status: 'answered', answer: 'On my way' } });
      for (const client of clients.values()) expect(client.events.some((e) => e.type === 'help_updated')).toBe(false);

      // A broadcast to one table reaches that table and the host only.
      await engine.execute(host.actor, { type: 'broadcast', text: 'Two minutes left', table: 1 });
      state = engine.inspect(f.editionId)!;
      for (const [id, client] of clients) {
        const got = client.events.some((e) => e.type === 'broadcast');
        expect(got).toBe(tableIndexOf(state, id) === 0);
      }

      // One more round; a participant leaves for good before round 2 (a no-show there).
      const planned = engine.inspect(f.editionId)!.rounds;
      await engine.execute(host.actor, { type: 'add_round' });
      const rounds = engine.inspect(f.editionId)!.rounds;
      expect(rounds).toBe(planned + 1);
      const leaver = f.participants[5]!.id;
      clients.get(leaver)!.detach();
      const round1Final = engine.inspect(f.editionId)!.tables!;
      await advance(remaining);
      state = engine.inspect(f.editionId)!;
      expect(state.phase).toBe('moving');
      expect(state.round).toBe(2);
      expect(state.past[0]).toEqual(round1Final);
      const seated2 = state.tables!.flatMap((table) => table.participants);
      expect(seated2).not.toContain(leaver);
      expect(seated2).toHaveLength(18); // 18 + the late joiner - the leaver

      // The other rounds run out (the added one included), then the closing plenary, then the end.
      for (let r = 3; r <= rounds; r++) {
        await advance(30_000 + 12 * MINUTE);
        expect(engine.inspect(f.editionId)!.round).toBe(r);
      }
      await advance(30_000 + 12 * MINUTE);
      expect(engine.inspect(f.editionId)!.phase).toBe('closing');
      await advance(10 * MINUTE);
      state = engine.inspect(f.editionId)!;
      expect(state.phase).toBe('ended');
      expect(await editionStatus(t.db, f.editionId)).toBe('ended');
      expect(errors).toEqual([]);

      // The recorded seatings match what happened: per round, the seatings still open at its end are its final tables;
      // the moved person has two seatings in round 1; no-shows have none; nothing is left open.
      const seatings = await pgLiveStore.listSeatings(t.db, f.editionId);
      expect(seatings.every((s) => s.to !== null)).toBe(true);
      for (let r = 1; r <= rounds; r++) {
        const roundEnd = Math.max(...seatings.filter((s) => s.round === r).map((s) => s.to!.getTime()));
        const final = seatings.filter((s) => s.round === r && s.to!.getTime() === roundEnd);
        const expected = state.past[r - 1]!.flatMap((table, i) => [
          ...(table.moderator ? [`${i + 1}:${table.moderator}`] : []),
          ...table.participants.map((id) => `${i + 1}:${id}`),
        ]);
        expect(final.map((s) => `${s.table}:${s.registrationId ?? s.moderatorId}`).sort()).toEqual(expected.sort());
      }
      const moverRound1 = seatings.filter((s) => s.round === 1 && s.registrationId === mover);
      expect(moverRound1.map((s) => s.table)).toEqual([from + 1, to + 1]);
      expect(moverRound1[0]!.to).toEqual(moverRound1[1]!.from);
      expect(seatings.some((s) => s.registrationId === noShow.id)).toBe(false);
      const lateRound1 = seatings.filter((s) => s.round === 1 && s.registrationId === late.id);
      expect(lateRound1).toHaveLength(1);
      expect(lateRound1[0]!.from.getTime()).toBe(roundEnds - 12 * MINUTE + MINUTE);
      expect(seatings.some((s) => s.round === 2 && s.registrationId === leaver)).toBe(false);
      engine.stop();
    });

    test('takes the format the organizer changed before the first round; a moderator arriving late takes a free table', async () => {
      const f = await createLiveFixture(t, 12, 2);
      const { engine, advance } = createTestEngine(t.db, STARTS_AT - 20 * MINUTE);
      await engine.start();
      const host = await connect(engine, await engine.authenticate(f.editionId, { kind: 'staff' }, f.organizerId));
      for (const p of f.participants) await connect(engine, await engine.authenticate(f.editionId, { kind: 'join', token: p.token }, undefined));
      await connect(engine, await engine.authenticate(f.editionId, { kind: 'staff' }, f.moderators[0]));
      expect(engine.inspect(f.editionId)!.rounds).toBe(2);
      await t.db.query(`UPDATE editions SET rounds = 3, round_minutes = 8 WHERE id = $1`, [f.editionId]);
      await advance(5 * MINUTE);
      expect(engine.inspect(f.editionId)).toMatchObject({ phase: 'doors_open', rounds: 3, format: { roundMinutes: 8 } });
      await engine.execute(host.actor, { type: 'start_now' });
      await engine.execute(host.actor, { type: 'start_now' });
      const state = engine.inspect(f.editionId)!;
      expect(state).toMatchObject({ phase: 'moving', round: 1 });
      expect(state.tables!.map((table) => table.moderator)).toContain(null);
      const late = await connect(engine, await engine.authenticate(f.editionId, { kind: 'staff' }, f.moderators[1]));
      expect(late.snapshot.seat?.moderator?.personId).toBe(f.moderators[1]);
      expect(
        engine
          .inspect(f.editionId)!
          .tables!.map((table) => table.moderator)
          .sort(),
      ).toEqual([...f.moderators].sort());
      await advance(30_000);
      expect(engine.inspect(f.editionId)!.endsAt).toBe(engine.inspect(f.editionId)!.startedAt! + 8 * MINUTE);
      engine.stop();
    });
  });
});
