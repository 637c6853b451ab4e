import { describe, expect, test } from 'vitest';
import { createLiveClient, type LiveClientStatus, type LiveSocket } from './live-client.js';
import { PROTOCOL_VERSION } from './live-wire.js';

const EDITION = '00000000-0000-4000-8000-000000000001';

/**
 * A socket whose other end is the test: nothing is delivered until the test calls `open`,
 * `serverSends` or `drop` (like tldraw's TestSocketPair, queues flushed by hand).
 */
class FakeSocket implements LiveSocket {
  readyState = 0;
  sent: Record<string, unknown>[] = [];
  closedWith: number | undefined;
  onopen: ((event: never) => void) | null = null;
  onmessage: ((event: never) => void) | null = null;
  onclose: ((event: never) => void) | null = null;
  onerror: ((event: never) => void) | null = null;
  constructor(readonly url: string) {}
  send(data: string): void {
    if (this.readyState !== 1) throw new Error('send on a socket that is not open');
    this.sent.push(JSON.parse(data) as Record<string, unknown>);
  }
  close(code?: number): void {
    this.closedWith = code ?? 1005;
    this.readyState = 3;
  }
  open(): void {
    this.readyState = 1;
    (this.onopen as ((event: unknown) => void) | null)?.({});
  }
  serverSends(frame: object): void {
    (this.onmessage as ((event: { data: string }) => void) | null)?.({ data: JSON.stringify(frame) });
  }
  drop(code = 1006): void {
    this.readyState = 3;
    (this.onclose as ((event: { code: number }) => void) | null)?.({ code });
  }
  take(): Record<string, unknown>[] {
    return this.sent.splice(0, this.sent.length);
  }
}

/** Timers that only move when the test says so. */
function createFakeTimers(start = 1_000_000) {
  let now = start;
  let nextId = 0;
  const due = new Map<number, { at: number; run: () => void }>();
  return {
    now: () => now,
    setTimeout: (run: () => void, ms: number) => {
      const id = ++nextId;
      due.set(id, { at: now + ms, run });
      return id;
    },
    clearTimeout: (handle: unknown) => {
      due.delete(handle as number);
    },
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const next = [...due.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
        if (!next) break;
        due.delete(next[0]);
        now = next[1].at;
        next[1].run();
      }
      now = until;
    },
    pending: () => [...due.values()].map((t) => t.at - now).sort((a, b) => a - b),
  };
}

function setup(random = () => 0.5) {
  const timers = createFakeTimers();
  const sockets: FakeSocket[] = [];
  const client = createLiveClient({
    url: 'ws://tablehop.test/api/live',
    editionId: EDITION,
    auth: { kind: 'join', token: 'anna-join-token-0123456789' },
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    timers,
    random,
  });
  const statuses: LiveClientStatus[] = [];
  const snapshots: unknown[] = [];
  const events: [unknown, number][] = [];
  client.onStatus((s) => statuses.push(s));
  client.onSnapshot((s) => snapshots.push(s));
  client.onEvent((e, seq) => events.push([e, seq]));
  const last = () => sockets[sockets.length - 1]!;
  /** Connects and answers the hello with a welcome at `seq`. */
  const welcome = (sessionId = 's1', seq = 0) => {
    last().open();
    last().take();
    last().serverSends({
      type: 'welcome',
      sessionId,
      protocolVersion: PROTOCOL_VERSION,
      seq,
      serverTime: timers.now() + 5_000,
      snapshot: { n: sessionId },
    });
  };
  const event = (seq: number) => last().serverSends({ type: 'event', seq, event: { type: 'note_saved', text: `e${seq}` } });
  return { client, timers, sockets, last, statuses, snapshots, events, welcome, event };
}

describe('live client', () => {
  test('sends hello on open and reports its snapshot and status', () => {
    const t = setup();
    t.client.connect();
    expect(t.statuses).toEqual(['connecting']);
    t.last().open();
    expect(t.last().take()).toEqual([
      { type: 'hello', protocolVersion: PROTOCOL_VERSION, editionId: EDITION, auth: { kind: 'join', token: 'anna-join-token-0123456789' } },
    ]);
    t.last().serverSends({ type: 'welcome', sessionId: 's1', protocolVersion: PROTOCOL_VERSION, seq: 0, serverTime: 0, snapshot: { n: 1 } });
    expect(t.statuses).toEqual(['connecting', 'open']);
    expect(t.snapshots).toEqual([{ n: 1 }]);
    expect(t.client.sessionId).toBe('s1');
  });

  test('applies events in order and drops duplicates', () => {
    const t = setup();
    t.client.connect();
    t.welcome();
    [1, 2, 2, 1, 3].forEach(t.event);
    expect(t.events.map(([, seq]) => seq)).toEqual([1, 2, 3]);
    expect(t.client.lastSeq).toBe(3);
    expect(t.client.stats.duplicates).toBe(2);
  });

  test('reconnects after a drop with backoff and resumes from its last seq', () => {
    const t = setup(() => 0.5);
    t.client.connect();
    t.welcome();
    [1, 2].forEach(t.event);
    t.last().drop();
    expect(t.client.status).toBe('reconnecting');
    // Full jitter: 0.5 * min(10 s, 250 ms * 2^0) = 125 ms.
    expect(t.timers.pending()).toEqual([125]);
    t.timers.advance(124);
    expect(t.sockets).toHaveLength(1);
    t.timers.advance(1);
    expect(t.sockets).toHaveLength(2);
    t.last().open();
    expect(t.last().take()[0]).toMatchObject({ type: 'hello', resume: { sessionId: 's1', lastSeq: 2 } });
    t.last().serverSends({ type: 'resumed', sessionId: 's1', replayed: 2, serverTime: 0 });
    [2, 3].forEach(t.event);
    expect(t.events.map(([, seq]) => seq)).toEqual([1, 2, 3]);
    expect(t.statuses).toEqual(['connecting', 'open', 'reconnecting', 'open']);
  });

  test('backs off exponentially with full jitter up to a cap of 10 s, and starts over once connected', () => {
    const t = setup(() => 0.999);
    t.client.connect();
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      t.last().drop();
      delays.push(t.timers.pending()[0]!);
      t.timers.advance(delays[delays.length - 1]!);
    }
    expect(delays).toEqual([249, 499, 999, 1998, 3996, 7992, 9990, 9990]);
    t.welcome();
    t.last().drop();
    expect(t.timers.pending()).toEqual([249]);
  });

  test('starts over with a fresh snapshot when it finds a gap in the numbering', () => {
    const t = setup();
    t.client.connect();
    t.welcome('s1');
    t.event(1);
    t.event(3);
    expect(t.client.stats.gaps).toBe(1);
    expect(t.sockets[0]!.closedWith).toBe(4000);
    t.timers.advance(0);
    t.last().open();
    const hello = t.last().take()[0]!;
    expect(hello.resume).toBeUndefined();
    t.last().serverSends({ type: 'welcome', sessionId: 's2', protocolVersion: PROTOCOL_VERSION, seq: 0, serverTime: 0, snapshot: { n: 's2' } });
    t.event(1);
    expect(t.snapshots).toEqual([{ n: 's1' }, { n: 's2' }]);
    expect(t.events.map(([, seq]) => seq)).toEqual([1, 1]);
  });

  test('stays closed after a fatal error (a refused hello)', () => {
    const t = setup();
    const errors: unknown[] = [];
    t.client.onError((e) => errors.push(e));
    t.client.connect();
    t.last().open();
    t.last().serverSends({ type: 'error', code: 'ERR_INVALID_TOKEN', message: 'no', fatal: true });
    t.last().drop(4001);
    expect(t.client.status).toBe('closed');
    expect(t.client.refused?.code).toBe('ERR_INVALID_TOKEN');
    expect(errors).toEqual([{ code: 'ERR_INVALID_TOKEN', message: 'no', fatal: true }]);
    t.timers.advance(60_000);
    expect(t.sockets).toHaveLength(1);
  });

  test('resolves a command with its result, and with ERR_CONNECTION_LOST when the connection drops first', async () => {
    const t = setup();
    t.client.connect();
    t.welcome();
    const first = t.client.send({ type: 'pause' });
    const second = t.client.send({ type: 'resume' });
    const frames = t.last().take();
    expect(frames).toEqual([
      { type: 'command', id: '1', command: { type: 'pause' } },
      { type: 'command', id: '2', command: { type: 'resume' } },
    ]);
    t.last().serverSends({ type: 'command_result', id: '1', ok: false, error: { code: 'ERR_FORBIDDEN', message: 'no' } });
    t.last().drop();
    expect(await first).toEqual({ ok: false, error: { code: 'ERR_FORBIDDEN', message: 'no' } });
    expect(await second).toMatchObject({ ok: false, error: { code: 'ERR_CONNECTION_LOST' } });
    expect(await t.client.send({ type: 'pause' })).toMatchObject({ ok: false, error: { code: 'ERR_NOT_CONNECTED' } });
  });

  test('times out a command without an answer', async () => {
    const t = setup();
    t.client.connect();
    t.welcome();
    const result = t.client.send({ type: 'pause' });
    t.timers.advance(15_000);
    expect(await result).toMatchObject({ ok: false, error: { code: 'ERR_TIMEOUT' } });
  });

  test('pings every 10 s and corrects its idea of the server clock from the pong', () => {
    const t = setup();
    t.client.connect();
    t.welcome();
    expect(t.client.serverNow() - t.timers.now()).toBe(5_000);
    t.timers.advance(10_000);
    expect(t.last().take()).toEqual([{ type: 'ping' }]);
    t.timers.advance(100);
    // The server read its clock 50 ms after the ping left (half the round trip), 2 s ahead of ours.
    t.last().serverSends({ type: 'pong', serverTime: t.timers.now() - 50 + 2_000 });
    expect(t.client.serverNow() - t.timers.now()).toBe(2_000);
  });

  test('gives up on a connection that stays silent and reconnects', () => {
    const t = setup();
    t.client.connect();
    t.welcome();
    t.timers.advance(30_000);
    expect(t.sockets[0]!.closedWith).toBe(4002);
    expect(t.client.status).toBe('reconnecting');
    t.timers.advance(0);
    expect(t.sockets).toHaveLength(2);
  });

  test('retries when the server never answers the hello', () => {
    const t = setup();
    t.client.connect();
    t.last().open();
    t.timers.advance(10_000);
    expect(t.client.status).toBe('reconnecting');
    t.timers.advance(0);
    expect(t.sockets).toHaveLength(2);
  });

  test('close() ends it for good with code 1000', () => {
    const t = setup();
    t.client.connect();
    t.welcome();
    t.client.close();
    expect(t.sockets[0]!.closedWith).toBe(1000);
    expect(t.client.status).toBe('closed');
    t.timers.advance(60_000);
    expect(t.sockets).toHaveLength(1);
  });
});
