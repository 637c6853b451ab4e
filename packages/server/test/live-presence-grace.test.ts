import { expect, test } from 'vitest';
import { PROTOCOL_VERSION } from '@tablehop/protocol';
import { createLiveTransport, type LiveConnection } from '../src/live/live-transport.js';
import { createLiveFixture, createTestEngine, MINUTE, STARTS_AT } from './live-fixture.js';
import { forEachTestDatabase } from './test-databases.js';
import { useTestApp } from './test-app.js';

/** The real engine behind the real transport, one fake clock for both: presence as a dropped browser sees it. */
forEachTestDatabase('live presence grace', (getDb) => {
  const t = useTestApp({ db: getDb });

  test('a dropped connection counts as present for 60 s from the drop, not 60 s after the transport stopped waiting for a resume', async () => {
    const f = await createLiveFixture(t, 8, 1);
    // In the plenary; round 1 is seated at STARTS_AT + 10 min.
    const { engine, clock, advance } = createTestEngine(t.db, STARTS_AT + 5 * MINUTE);
    await engine.start();
    const seatedAt = STARTS_AT + 10 * MINUTE;
    let sessions = 0;
    const transport = createLiveTransport({
      engine,
      authenticateStaff: async () => undefined,
      now: () => clock.now().getTime(),
      newSessionId: () => `session-${++sessions}`,
      limits: { graceMs: 30_000, silenceMs: 30_000 },
    });
    const sockets = new Map<string, { handle: ReturnType<typeof transport.open>; open: boolean }>();
    for (const p of f.participants) {
      const connection: LiveConnection = { send: () => undefined, close: () => undefined, bufferedAmount: () => 0 };
      const handle = transport.open(connection, { sessionCookie: undefined, originAllowed: true });
      handle.receive(
        JSON.stringify({ type: 'hello', protocolVersion: PROTOCOL_VERSION, editionId: f.editionId, auth: { kind: 'join', token: p.token } }),
      );
      sockets.set(p.id, { handle, open: true });
    }
    // The hellos run through the database (authenticate, attach): wait until all eight are welcome.
    for (let waited = 0; transport.stats().sessions < 8 && waited < 10_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    await engine.idle();
    expect(transport.stats().sessions).toBe(8);

    /** Everyone still online pings (as the client does every 10 s), then the transport's housekeeping runs. */
    const sweep = async (ms: number) => {
      await advance(ms);
      for (const socket of sockets.values()) if (socket.open) socket.handle.receive(JSON.stringify({ type: 'ping' }));
      transport.sweep();
    };
    const drop = (id: string) => {
      const socket = sockets.get(id)!;
      socket.open = false;
      socket.handle.closed(1006);
    };
    const [longGone, recentlyGone, silent] = [f.participants[0]!.id, f.participants[1]!.id, f.participants[2]!.id];

    await sweep(seatedAt - 75_000 - clock.now().getTime());
    drop(longGone); // 75 s before the seating
    sockets.get(silent)!.open = false; // its last frame (a ping) came now; then nothing
    await sweep(30_000);
    drop(recentlyGone); // 45 s before the seating
    await sweep(2_000); // the transport gives up on longGone's resume here (43 s before the seating)
    await sweep(30_000); // ... and on recentlyGone's, and closes the silent connection (13 s before)
    expect(transport.stats().sessions).toBe(5);
    await sweep(seatedAt - clock.now().getTime());

    const state = engine.inspect(f.editionId)!;
    expect(state.phase).toBe('moving');
    const seated = state.tables!.flatMap((table) => table.participants);
    // Gone 75 s: not present (the old rule counted 60 s from the transport's give-up, 43 s ago, and seated it).
    expect(seated).not.toContain(longGone);
    // Silent for 75 s (no ping since): gone since its last frame, not since the transport noticed.
    expect(seated).not.toContain(silent);
    // Gone 45 s: still present, keeps a seat for its return.
    expect(seated).toContain(recentlyGone);
    expect(seated).toHaveLength(6);
    transport.close();
  });
});
