import { randomUUID } from 'node:crypto';
import type { LiveEvent } from '@tablehop/protocol';
import { createFakeClock } from '../src/clock.js';
import type { Database } from '../src/db/sql.js';
import { createFakeScheduler } from '../src/live/live-scheduler.js';
import { createLiveService } from '../src/live/live.service.js';
import { pgLiveStore } from '../src/live/pg-live.store.js';
import type { LiveActor } from '../src/live/live.types.js';
import type { LiveMedia } from '../src/media/media.service.js';
import { createRecordingMailer } from './recording-mailer.js';
import type { TestApp } from './test-app.js';

/** The edition of the fixture starts here (2026-12-04T09:30+01:00). */
export const STARTS_AT = Date.parse('2026-12-04T08:30:00Z');
export const MINUTE = 60_000;

export interface LiveFixture {
  editionId: string;
  seriesId: string;
  organizerId: string;
  moderators: string[];
  /** Confirmed registrations in arrival order, with their join tokens. */
  participants: { id: string; token: string; name: string; company: string }[];
}

/** A series and an edition (2 rounds of 12 min, plenary 10 min, tables of 6) with `people` confirmed participants and `moderatorCount` moderators. */
export async function createLiveFixture(t: TestApp, people = 20, moderatorCount = 3, extra: Record<string, unknown> = {}): Promise<LiveFixture> {
  const { seriesId, editionId } = await t.createEdition(200, { format: { rounds: 2 }, ...extra });
  for (let i = 1; i <= people; i++) {
    const response = await t.register(editionId, {
      name: `Person ${i}`,
      company: `Company ${i}`,
      sector: ['ict', 'food', 'retail', 'health'][i % 4],
      jobTitle: 'CEO',
      offer: `offer ${i}`,
      lookingFor: `looking ${i}`,
    });
    if (response.statusCode !== 201 && response.statusCode !== 200) throw new Error(response.body);
  }
  return completeFixture(t.db, seriesId, editionId, moderatorCount);
}

export async function completeFixture(db: Database, seriesId: string, editionId: string, moderatorCount: number): Promise<LiveFixture> {
  const moderators: string[] = [];
  for (let m = 1; m <= moderatorCount; m++) {
    const id = randomUUID();
    await db.query(`INSERT INTO users (id, email, name, role, language, created_at) VALUES ($1, $2, $3, 'moderator', 'en', $4)`, [
      id,
      `moderator${m}-${id.slice(0, 6)}@example.org`,
      `Moderator ${m}`,
      new Date(Date.UTC(2026, 0, 1, 0, m)).toISOString(),
    ]);
    await db.query(`INSERT INTO edition_moderators (edition_id, user_id) VALUES ($1, $2)`, [editionId, id]);
    moderators.push(id);
  }
  const [organizer] = await db.query<{ id: string }>(`SELECT id FROM users WHERE role = 'organizer' LIMIT 1`);
  const participants = await db.query<{ id: string; token: string; name: string; company: string }>(
    `SELECT id, join_token AS token, name, company FROM registrations WHERE edition_id = $1 AND status = 'confirmed' ORDER BY seq`,
    [editionId],
  );
  return { editionId, seriesId, organizerId: organizer!.id, moderators, participants };
}

/** A live engine on `db` with a fake clock and fake timers. */
export function createTestEngine(db: Database, now: number, options: { presenceGraceMs?: number; media?: LiveMedia } = {}) {
  const clock = createFakeClock(new Date(now));
  const scheduler = createFakeScheduler(clock);
  const errors: unknown[] = [];
  const engine = createLiveService(
    { db, clock, mailer: createRecordingMailer(), publicUrl: 'http://tablehop.test', newId: randomUUID },
    pgLiveStore,
    { scheduler, presenceGraceMs: options.presenceGraceMs ?? 60_000, onError: (e) => errors.push(e), media: options.media },
  );
  /** Moves the clock, fires what is due, waits for the writes. */
  async function advance(ms: number): Promise<void> {
    clock.advance(ms);
    while (scheduler.runDue() > 0) await engine.idle();
    await engine.idle();
  }
  return { engine, clock, scheduler, errors, advance };
}

/** A connected client: its snapshot and every event it received. */
export interface TestClient {
  actor: LiveActor;
  events: LiveEvent[];
  snapshot: Awaited<ReturnType<ReturnType<typeof createTestEngine>['engine']['attach']>>['snapshot'];
  detach(): void;
}

export async function connect(engine: ReturnType<typeof createTestEngine>['engine'], actor: LiveActor | undefined): Promise<TestClient> {
  if (!actor) throw new Error('not authenticated');
  const events: LiveEvent[] = [];
  const { snapshot, detach } = await engine.attach(actor, (event) => events.push(event));
  return { actor, events, snapshot, detach };
}

export async function editionStatus(db: Database, editionId: string): Promise<string | undefined> {
  const [row] = await db.query<{ status: string }>(`SELECT status FROM editions WHERE id = $1`, [editionId]);
  return row?.status;
}
