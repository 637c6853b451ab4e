import { describe, expect, test } from 'vitest';
import { PROTOCOL_VERSION } from '@tablehop/protocol';
import { createLiveTransport, type LiveConnection, type LiveConnectionContext, type LiveTransportLimits } from '../src/live/live-transport.js';
import { broadcastEvent, createFakeLiveEngine } from './live-fake-engine.js';

const EDITION = '00000000-0000-4000-8000-000000000001';
const OTHER_EDITION = '00000000-0000-4000-8000-000000000002';
const ANNA = { personId: 'anna', role: 'participant' as const, name: 'Anna', token: 'anna-join-token-0123456789' };
const BEN = { personId: 'ben', role: 'participant' as const, name: 'Ben', token: 'ben-join-token-01234567890' };
const HOST = { personId: 'host-user', role: 'host' as const, name: 'Hanna Host' };

type Frame = Record<string, unknown> & { type: string };

/** A connection whose frames the test reads back; nothing happens until the test looks. */
function createFakeConnection() {
  const frames: Frame[] = [];
  let closed: { code: number; reason: string } | undefined;
  let buffered = 0;
  const connection: LiveConnection = {
    send: (text) => {
      if (closed) throw new Error('send after close');
      frames.push(JSON.parse(text) as Frame);
    },
    close: (code, reason) => {
      closed ??= { code, reason };
    },
    bufferedAmount: () => buffered,
  };
  return {
    connection,
    frames,
    /** Frames not yet taken, taken now. */
    take: () => frames.splice(0, frames.length),
    get closed() {
      return closed;
    },
    setBuffered: (bytes: number) => {
      buffered = bytes;
    },
  };
}

/** Lets the transport's promises (engine calls) settle. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

function setup(limits: Partial<LiveTransportLimits> = {}) {
  let now = Date.parse('2026-12-04T08:30:00Z');
  let sessions = 0;
  const fake = createFakeLiveEngine(EDITION, [ANNA, BEN, HOST]);
  const transport = createLiveTransport({
    engine: fake.engine,
    authenticateStaff: async (cookie) => (cookie === 'good-cookie' ? HOST.personId : undefined),
    now: () => now,
    newSessionId: () => `session-${++sessions}`,
    limits,
  });

  async function connect(
    hello: Record<string, unknown> | string,
    context: LiveConnectionContext = { sessionCookie: undefined, originAllowed: true },
  ): Promise<ReturnType<typeof createFakeConnection> & { handle: ReturnType<typeof transport.open> }> {
    const socket = createFakeConnection();
    const handle = transport.open(socket.connection, context);
    handle.receive(typeof hello === 'string' ? hello : JSON.stringify(hello));
    await settle();
    return Object.assign(socket, { handle });
  }

  const helloOf = (person: { token: string }, extra: Record<string, unknown> = {}) => ({
    type: 'hello',
    protocolVersion: PROTOCOL_VERSION,
    editionId: EDITION,
    auth: { kind: 'join', token: person.token },
    ...extra,
  });

  return {
    fake,
    transport,
    connect,
    helloOf,
    advance: (ms: number) => {
      now += ms;
    },
    now: () => now,
  };
}

const seqs = (frames: Frame[]) => frames.filter((f) => f.type === 'event').map((f) => f.seq);

describe('live transport: hello and numbering', () => {
  test('welcomes a participant with its snapshot at seq 0 and numbers its events 1, 2, 3', async () => {
    const t = setup();
    const anna = await t.connect(t.helloOf(ANNA));
    const [welcome] = anna.take();
    expect(welcome).toMatchObject({ type: 'welcome', sessionId: 'session-1', protocolVersion: PROTOCOL_VERSION, seq: 0 });
    expect((welcome as unknown as { snapshot: { you: { personId: string } } }).snapshot.you.personId).toBe('anna');
    expect(t.fake.attachedCount('anna')).toBe(1);

    for (const text of ['a', 'b', 'c']) t.fake.emit(broadcastEvent(text));
    const events = anna.take();
    expect(events.map((f) => [f.seq, (f.event as { broadcast: { text: string } }).broadcast.text])).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ]);
  });

  test('numbers each session on its own', async () => {
    const t = setup();
    const anna = await t.connect(t.helloOf(ANNA));
    t.fake.emit(broadcastEvent('only anna is here'));
    const ben = await t.connect(t.helloOf(BEN));
    t.fake.emit(broadcastEvent('both'));
    expect(seqs(anna.take())).toEqual([1, 2]);
    expect(seqs(ben.take())).toEqual([1]);
  });

  test('answers a command with command_result after the events it caused, and passes on the engine error code', async () => {
    const t = setup();
    const host = await t.connect(
      { type: 'hello', protocolVersion: PROTOCOL_VERSION, editionId: EDITION, auth: { kind: 'staff' } },
      {
        sessionCookie: 'good-cookie',
        originAllowed: true,
      },
    );
    host.take();
    host.handle.receive(JSON.stringify({ type: 'command', id: 'c1', command: { type: 'broadcast', text: 'Welcome!' } }));
    host.handle.receive(JSON.stringify({ type: 'command', id: 'c2', command: { type: 'end_event' } }));
    await settle();
    expect(host.take().map((f) => [f.type, f.id ?? f.seq, f.ok ?? null, (f.error as { code?: string } | undefined)?.code ?? null])).toEqual([
      ['event', 1, null, null],
      ['command_result', 'c1', true, null],
      ['command_result', 'c2', false, 'ERR_CONFLICT'],
    ]);
  });

  test('refuses a participant command of the host with the engine code ERR_FORBIDDEN', async () => {
    const t = setup();
    const anna = await t.connect(t.helloOf(ANNA));
    anna.take();
    anna.handle.receive(JSON.stringify({ type: 'command', id: 'x', command: { type: 'broadcast', text: 'hi all' } }));
    await settle();
    expect(anna.take()).toEqual([{ type: 'command_result', id: 'x', ok: false, error: { code: 'ERR_FORBIDDEN', message: 'You may not do this.' } }]);
  });
});

describe('live transport: resume', () => {
  test('replays what a dropped client missed, without duplicates, and keeps the person present', async () => {
    const t = setup();
    const first = await t.connect(t.helloOf(ANNA));
    first.take();
    t.fake.emit(broadcastEvent('1'));
    t.fake.emit(broadcastEvent('2'));
    // The client saw seq 1 only; the socket drops (1006), two more events happen meanwhile.
    first.handle.closed(1006);
    t.fake.emit(broadcastEvent('3'));
    t.fake.emit(broadcastEvent('4'));
    expect(t.fake.attachedCount('anna')).toBe(1);

    t.advance(5_000);
    const second = await t.connect(t.helloOf(ANNA, { resume: { sessionId: 'session-1', lastSeq: 1 } }));
    const frames = second.take();
    expect(frames[0]).toMatchObject({ type: 'resumed', sessionId: 'session-1', replayed: 3 });
    expect(seqs(frames)).toEqual([2, 3, 4]);
    t.fake.emit(broadcastEvent('5'));
    expect(seqs(second.take())).toEqual([5]);
    expect(t.fake.detached).toEqual([]);
  });

  test('hands a session to the newer socket when the old one still looks open', async () => {
    const t = setup();
    const first = await t.connect(t.helloOf(ANNA));
    t.fake.emit(broadcastEvent('1'));
    const second = await t.connect(t.helloOf(ANNA, { resume: { sessionId: 'session-1', lastSeq: 1 } }));
    expect(first.closed?.code).toBe(4000);
    t.fake.emit(broadcastEvent('2'));
    expect(seqs(first.take())).toEqual([1]);
    expect(second.take().map((f) => f.type + (f.seq ?? ''))).toEqual(['resumed', 'event2']);
    expect(t.fake.attachedCount('anna')).toBe(1);
  });

  test('starts a fresh session with a new snapshot when the missed events are no longer kept', async () => {
    const t = setup({ replayEvents: 3 });
    const first = await t.connect(t.helloOf(ANNA));
    first.handle.closed(1006);
    for (let i = 1; i <= 5; i++) t.fake.emit(broadcastEvent(String(i)));
    const second = await t.connect(t.helloOf(ANNA, { resume: { sessionId: 'session-1', lastSeq: 1 } }));
    const frames = second.take();
    expect(frames).toHaveLength(1);
    expect(frames[0]).toMatchObject({ type: 'welcome', sessionId: 'session-2', seq: 0 });
    expect(t.fake.detached).toEqual(['anna']);
    expect(t.fake.attachedCount('anna')).toBe(1);
  });

  test('resumes when every missed event is still kept, right at the edge of the buffer', async () => {
    const t = setup({ replayEvents: 3 });
    const first = await t.connect(t.helloOf(ANNA));
    first.handle.closed(1006);
    for (let i = 1; i <= 5; i++) t.fake.emit(broadcastEvent(String(i)));
    const second = await t.connect(t.helloOf(ANNA, { resume: { sessionId: 'session-1', lastSeq: 2 } }));
    expect(seqs(second.take())).toEqual([3, 4, 5]);
  });

  test('drops replay events older than the age limit', async () => {
    const t = setup({ replayMs: 60_000, graceMs: 10 * 60_000 });
    const first = await t.connect(t.helloOf(ANNA));
    first.handle.closed(1006);
    t.fake.emit(broadcastEvent('old'));
    t.advance(61_000);
    t.transport.sweep();
    const second = await t.connect(t.helloOf(ANNA, { resume: { sessionId: 'session-1', lastSeq: 0 } }));
    expect(second.take()[0]).toMatchObject({ type: 'welcome', sessionId: 'session-2' });
  });

  test('ends a dropped session after the grace period: the person is gone and a resume gets a fresh snapshot', async () => {
    const t = setup({ graceMs: 30_000 });
    const first = await t.connect(t.helloOf(ANNA));
    first.handle.closed(1006);
    t.advance(29_000);
    t.transport.sweep();
    expect(t.fake.detached).toEqual([]);
    t.advance(2_000);
    t.transport.sweep();
    expect(t.fake.detached).toEqual(['anna']);
    const second = await t.connect(t.helloOf(ANNA, { resume: { sessionId: 'session-1', lastSeq: 0 } }));
    expect(second.take()[0]).toMatchObject({ type: 'welcome', sessionId: 'session-2' });
  });

  test('tells the engine when the connection went: the drop, or the last frame of a silent one, not when the session ended', async () => {
    const t = setup({ graceMs: 30_000, silenceMs: 30_000 });
    const anna = await t.connect(t.helloOf(ANNA));
    const ben = await t.connect(t.helloOf(BEN));
    const droppedAt = t.now();
    anna.handle.closed(1006);
    t.advance(5_000);
    ben.handle.receive(JSON.stringify({ type: 'ping' }));
    const benLastFrame = t.now();
    t.advance(31_000);
    t.transport.sweep();
    expect(t.fake.detached).toEqual(['ben', 'anna']);
    expect(t.fake.goneAt).toEqual([benLastFrame, droppedAt]);
  });

  test('ends the session at once when the client closes normally (1000)', async () => {
    const t = setup();
    const first = await t.connect(t.helloOf(ANNA));
    first.handle.closed(1000);
    expect(t.fake.detached).toEqual(['anna']);
    expect(t.transport.stats()).toEqual({ connections: 0, sessions: 0, bufferedEvents: 0 });
  });

  test('ends the session at once when the client asks for a fresh one (4000)', async () => {
    const t = setup();
    const first = await t.connect(t.helloOf(ANNA));
    first.handle.closed(4000);
    expect(t.fake.detached).toEqual(['anna']);
  });

  test.each([
    ['an unknown session (e.g. after a server restart)', 'no-such-session', 0],
    ['a lastSeq beyond what the session numbered', 'session-1', 99],
  ])('gives a fresh snapshot for %s', async (_name, sessionId, lastSeq) => {
    const t = setup();
    const first = await t.connect(t.helloOf(ANNA));
    first.handle.closed(1006);
    const second = await t.connect(t.helloOf(ANNA, { resume: { sessionId, lastSeq } }));
    expect(second.take()[0]).toMatchObject({ type: 'welcome', seq: 0 });
  });

  test("never resumes another person's session", async () => {
    const t = setup();
    const anna = await t.connect(t.helloOf(ANNA));
    anna.handle.closed(1006);
    t.fake.emit(broadcastEvent('for anna'));
    const ben = await t.connect(t.helloOf(BEN, { resume: { sessionId: 'session-1', lastSeq: 0 } }));
    const frames = ben.take();
    expect(frames).toHaveLength(1);
    expect(frames[0]).toMatchObject({ type: 'welcome', sessionId: 'session-2' });
    expect((frames[0] as unknown as { snapshot: { you: { personId: string } } }).snapshot.you.personId).toBe('ben');
    // Anna's session is untouched and still resumable.
    const again = await t.connect(t.helloOf(ANNA, { resume: { sessionId: 'session-1', lastSeq: 0 } }));
    expect(seqs(again.take())).toEqual([1]);
  });
});

describe('live transport: bad input and refusals', () => {
  test.each([
    ['bad JSON', '{nope', 'ERR_BAD_JSON'],
    ['an unknown frame type', JSON.stringify({ type: 'dance' }), 'ERR_VALIDATION'],
    ['a frame that is no object', '42', 'ERR_VALIDATION'],
    ['a second hello', JSON.stringify({ type: 'hello' }), 'ERR_VALIDATION'],
    ['a command frame without id', JSON.stringify({ type: 'command', command: { type: 'pause' } }), 'ERR_VALIDATION'],
  ])('answers %s with a non-fatal error frame and stays usable', async (_name, text, code) => {
    const t = setup();
    const anna = await t.connect(t.helloOf(ANNA));
    anna.take();
    anna.handle.receive(text);
    await settle();
    expect(anna.take()).toEqual([{ type: 'error', code, message: expect.any(String), fatal: false }]);
    anna.handle.receive('{"type":"ping"}');
    expect(anna.take()).toEqual([{ type: 'pong', serverTime: t.now() }]);
    expect(anna.closed).toBeUndefined();
  });

  test('answers an invalid command with a failed command_result (ERR_VALIDATION)', async () => {
    const t = setup();
    const anna = await t.connect(t.helloOf(ANNA));
    anna.take();
    anna.handle.receive(JSON.stringify({ type: 'command', id: 'k', command: { type: 'extend_round', minutes: 7 } }));
    await settle();
    expect(anna.take()).toEqual([
      { type: 'command_result', id: 'k', ok: false, error: { code: 'ERR_VALIDATION', message: expect.stringMatching(/^command\.minutes/) } },
    ]);
  });

  test.each([
    ['a first frame that is not hello', JSON.stringify({ type: 'ping2' }), 'ERR_VALIDATION'],
    ['a hello without auth', JSON.stringify({ type: 'hello', protocolVersion: PROTOCOL_VERSION, editionId: EDITION }), 'ERR_VALIDATION'],
    [
      'an old protocol version',
      JSON.stringify({ type: 'hello', protocolVersion: 0, editionId: EDITION, auth: { kind: 'join', token: ANNA.token } }),
      'ERR_PROTOCOL_VERSION',
    ],
    [
      'a wrong join token',
      JSON.stringify({ type: 'hello', protocolVersion: PROTOCOL_VERSION, editionId: EDITION, auth: { kind: 'join', token: 'x'.repeat(30) } }),
      'ERR_INVALID_TOKEN',
    ],
    [
      'a join token of another edition',
      JSON.stringify({ type: 'hello', protocolVersion: PROTOCOL_VERSION, editionId: OTHER_EDITION, auth: { kind: 'join', token: ANNA.token } }),
      'ERR_INVALID_TOKEN',
    ],
  ])('refuses %s with a fatal error frame and closes (4001)', async (_name, hello, code) => {
    const t = setup();
    const socket = await t.connect(hello);
    expect(socket.take()).toEqual([{ type: 'error', code, message: expect.any(String), fatal: true }]);
    expect(socket.closed?.code).toBe(4001);
    expect(t.fake.attachedCount('anna')).toBe(0);
  });

  test.each([
    ['without a session cookie', { sessionCookie: undefined, originAllowed: true }, 'ERR_UNAUTHENTICATED'],
    ['with an unknown or expired session cookie', { sessionCookie: 'stale-cookie', originAllowed: true }, 'ERR_UNAUTHENTICATED'],
    ['with a good cookie from a page of another origin', { sessionCookie: 'good-cookie', originAllowed: false }, 'ERR_FORBIDDEN'],
  ])('refuses staff %s', async (_name, context, code) => {
    const t = setup();
    const socket = await t.connect({ type: 'hello', protocolVersion: PROTOCOL_VERSION, editionId: EDITION, auth: { kind: 'staff' } }, context);
    expect(socket.take()).toEqual([{ type: 'error', code, message: expect.any(String), fatal: true }]);
    expect(socket.closed?.code).toBe(4001);
  });

  test('refuses commands before the hello is through', async () => {
    const t = setup();
    const socket = createFakeConnection();
    const handle = t.transport.open(socket.connection, { sessionCookie: undefined, originAllowed: true });
    handle.receive(JSON.stringify(t.helloOf(ANNA)));
    handle.receive(JSON.stringify({ type: 'command', id: 'early', command: { type: 'pause' } }));
    await settle();
    expect(socket.take().map((f) => f.type + ':' + String((f.error as { code?: string } | undefined)?.code ?? ''))).toEqual([
      'command_result:ERR_UNAUTHENTICATED',
      'welcome:',
    ]);
  });

  test('limits the commands of one connection and lets them through again after a pause', async () => {
    const t = setup({ commandBurst: 3, commandsPerSecond: 1 });
    const anna = await t.connect(t.helloOf(ANNA));
    anna.take();
    for (let i = 0; i < 5; i++) anna.handle.receive(JSON.stringify({ type: 'command', id: String(i), command: { type: 'save_note', text: 'n' } }));
    await settle();
    const codes = (frames: Frame[]) => frames.map((f) => (f.ok ? 'ok' : (f.error as { code: string }).code));
    expect(codes(anna.take())).toEqual(['ok', 'ok', 'ok', 'ERR_RATE_LIMITED', 'ERR_RATE_LIMITED']);
    t.advance(1_000);
    anna.handle.receive(JSON.stringify({ type: 'command', id: 'later', command: { type: 'save_note', text: 'n' } }));
    await settle();
    expect(codes(anna.take())).toEqual(['ok']);
  });

  test('closes a connection that floods frames', async () => {
    const t = setup({ frameBurst: 10, framesPerSecond: 5 });
    const anna = await t.connect(t.helloOf(ANNA));
    for (let i = 0; i < 20; i++) anna.handle.receive('{"type":"ping"}');
    expect(anna.closed?.code).toBe(1008);
  });

  test('closes a reader that falls too far behind; its session waits for a resume', async () => {
    const t = setup({ maxBufferedBytes: 1000 });
    const anna = await t.connect(t.helloOf(ANNA));
    anna.take();
    anna.setBuffered(5000);
    t.fake.emit(broadcastEvent('lost on this socket'));
    expect(anna.closed?.code).toBe(4003);
    const again = await t.connect(t.helloOf(ANNA, { resume: { sessionId: 'session-1', lastSeq: 0 } }));
    expect(seqs(again.take())).toEqual([1]);
  });
});

describe('live transport: heartbeats and presence', () => {
  test('answers ping with pong carrying the server time', async () => {
    const t = setup();
    const anna = await t.connect(t.helloOf(ANNA));
    anna.take();
    t.advance(1234);
    anna.handle.receive('{"type":"ping"}');
    expect(anna.take()).toEqual([{ type: 'pong', serverTime: t.now() }]);
  });

  test('keeps a pinging connection and closes a silent one after 30 s, counting its person gone at once', async () => {
    const t = setup({ silenceMs: 30_000 });
    const anna = await t.connect(t.helloOf(ANNA));
    const ben = await t.connect(t.helloOf(BEN));
    for (let i = 0; i < 4; i++) {
      t.advance(10_000);
      anna.handle.receive('{"type":"ping"}');
      t.transport.sweep();
    }
    expect(anna.closed).toBeUndefined();
    expect(ben.closed?.code).toBe(4002);
    expect(t.fake.detached).toEqual(['ben']);
    expect(t.fake.attachedCount('anna')).toBe(1);
  });

  test('closes a connection that never says hello', async () => {
    const t = setup({ helloTimeoutMs: 10_000 });
    const socket = createFakeConnection();
    t.transport.open(socket.connection, { sessionCookie: undefined, originAllowed: true });
    t.advance(10_001);
    t.transport.sweep();
    expect(socket.closed?.code).toBe(4002);
  });

  test('detaches a person whose socket closes while the engine is still attaching', async () => {
    const t = setup();
    const socket = createFakeConnection();
    const handle = t.transport.open(socket.connection, { sessionCookie: undefined, originAllowed: true });
    handle.receive(JSON.stringify(t.helloOf(ANNA)));
    handle.closed(1006);
    await settle();
    expect(t.fake.attachedCount('anna')).toBe(0);
    expect(socket.frames).toEqual([]);
  });
});
