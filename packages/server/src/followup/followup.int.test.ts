import type { MetPerson, MetView } from '@tablehop/protocol';
import { describe, expect, test } from 'vitest';
import { outboxMessages } from '../../test/recording-mailer.js';
import { forEachTestDatabase } from '../../test/test-databases.js';
import { useTestApp, type TestApp } from '../../test/test-app.js';
import { addModerator, endEdition, recordSeating } from './followup-fixture.js';

interface Person {
  id: string;
  token: string;
  email: string;
  linkedin: string;
}

/** Four people at an edition that ended: Ann and Bob at table 1 (with a moderator), Cas and Dee at table 2; Eve never came. */
async function setUp(t: TestApp, share: Partial<Record<'ann' | 'bob' | 'cas' | 'dee' | 'eve', boolean>> = {}) {
  const { seriesId, editionId } = await t.createEdition(20);
  const people: Record<string, Person> = {};
  for (const name of ['ann', 'bob', 'cas', 'dee', 'eve'] as const) {
    const email = `${name}@example.com`;
    const linkedin = `https://www.linkedin.com/in/${name}-secret`;
    const response = await t.register(editionId, {
      name: name.toUpperCase(),
      email,
      company: `${name} bv`,
      jobTitle: 'CEO',
      offer: `${name} offers`,
      lookingFor: `${name} looks`,
      linkedinUrl: linkedin,
      shareContact: share[name] ?? false,
    });
    const body = response.json<{ id: string; manageToken: string }>();
    people[name] = { id: body.id, token: body.manageToken, email, linkedin };
  }
  const moderatorId = await addModerator(t.db, editionId, 'Mia Moderator');
  const p = people as Record<'ann' | 'bob' | 'cas' | 'dee' | 'eve', Person>;
  await recordSeating(t.db, editionId, 1, 1, [p.ann.id, p.bob.id], moderatorId);
  await recordSeating(t.db, editionId, 1, 2, [p.cas.id, p.dee.id]);
  await endEdition(t.db, editionId);
  return { seriesId, editionId, moderatorId, ...p };
}

const everyone = (view: MetView) => view.rounds.flatMap((r) => r.people);
const participant = (view: MetView, id: string) =>
  everyone(view).find((p): p is Extract<MetPerson, { kind: 'participant' }> => p.kind === 'participant' && p.registrationId === id);

forEachTestDatabase('follow-up', (getDb) => {
  const t = useTestApp({ db: getDb });

  const met = async (who: Person) => {
    const response = await t.anonymous('GET', `/api/manage/${who.token}/met`);
    expect(response.statusCode).toBe(200);
    return response.json<MetView>();
  };

  describe('consent: no contact detail without both sides agreeing', () => {
    test('the met list shows cards but no e-mail or LinkedIn until both asked', async () => {
      const { ann, bob, cas } = await setUp(t);
      const view = await met(ann);
      expect(everyone(view)).toEqual([
        { kind: 'moderator', moderatorId: expect.any(String), name: 'Mia Moderator' },
        expect.objectContaining({ kind: 'participant', registrationId: bob.id, name: 'BOB', company: 'bob bv', connection: 'none', contact: null }),
      ]);
      expect(JSON.stringify(view)).not.toContain(bob.email);
      expect(JSON.stringify(view)).not.toContain('bob-secret');
      expect(JSON.stringify(view)).not.toContain(cas.email);

      // One side asking reveals nothing, to either side, through any route.
      const asked = await t.anonymous('POST', `/api/manage/${ann.token}/contacts/${bob.id}`);
      expect(asked.json()).toMatchObject({ connection: 'requested', contact: null });
      expect(participant(await met(bob), ann.id)).toMatchObject({ connection: 'incoming', contact: null });
      expect(JSON.stringify(await met(ann))).not.toContain(bob.email);
      expect((await t.anonymous('GET', `/api/manage/${ann.token}/vcard/${bob.id}`)).json()).toMatchObject({
        error: { code: 'ERR_CONTACT_NOT_SHARED' },
      });
      expect((await t.anonymous('GET', `/api/manage/${bob.token}/vcard/${ann.id}`)).statusCode).toBe(403);
      expect((await t.anonymous('GET', `/api/manage/${ann.token}/export`)).body).not.toContain(bob.email);

      // Bob accepts: both see each other's details and may download the vCard.
      const accepted = await t.anonymous('POST', `/api/manage/${bob.token}/contacts/${ann.id}`);
      expect(accepted.json()).toMatchObject({
        connection: 'connected',
        sharedByConsent: false,
        contact: { email: ann.email, linkedinUrl: ann.linkedin },
      });
      expect(participant(await met(ann), bob.id)).toMatchObject({
        connection: 'connected',
        contact: { email: bob.email, linkedinUrl: bob.linkedin },
      });
      const card = await t.anonymous('GET', `/api/manage/${ann.token}/vcard/${bob.id}`);
      expect(card.statusCode).toBe(200);
      expect(card.headers['content-type']).toContain('text/vcard');
      expect(card.headers['content-disposition']).toContain('bob.vcf');
      expect(card.body).toContain('BEGIN:VCARD');
      expect(card.body).toContain(bob.email);

      // Withdrawing hides them again.
      expect((await t.anonymous('DELETE', `/api/manage/${ann.token}/contacts/${bob.id}`)).json()).toMatchObject({
        connection: 'incoming',
        contact: null,
      });
      expect(JSON.stringify(await met(ann))).not.toContain(bob.email);
    });

    test('both opted in at registration: details shown without asking; one opt-in alone shows nothing', async () => {
      const { ann, bob, cas, dee } = await setUp(t, { ann: true, bob: true, cas: true });
      expect(participant(await met(ann), bob.id)).toMatchObject({ connection: 'connected', sharedByConsent: true, contact: { email: bob.email } });
      expect(participant(await met(cas), dee.id)).toMatchObject({ connection: 'none', contact: null });
      expect(participant(await met(dee), cas.id)).toMatchObject({ connection: 'none', contact: null });
      expect((await t.anonymous('GET', `/api/manage/${dee.token}/vcard/${cas.id}`)).statusCode).toBe(403);
    });

    test('nobody can ask for, connect with or download someone they did not sit with', async () => {
      const { ann, cas, eve } = await setUp(t, { ann: true, cas: true });
      for (const [method, path] of [
        ['POST', `/api/manage/${ann.token}/contacts/${cas.id}`],
        ['DELETE', `/api/manage/${ann.token}/contacts/${cas.id}`],
        ['GET', `/api/manage/${ann.token}/vcard/${cas.id}`],
        ['POST', `/api/manage/${eve.token}/contacts/${ann.id}`],
      ] as const) {
        const response = await t.anonymous(method, path);
        expect(response.json(), `${method} ${path}`).toMatchObject({ error: { code: 'ERR_NOT_MET' } });
        expect(response.body).not.toContain('@example.com');
      }
      expect(await met(eve)).toMatchObject({ attended: false, rounds: [] });
    });

    test('a wrong token or a malformed id is refused with a clear code', async () => {
      const { ann } = await setUp(t);
      expect((await t.anonymous('GET', `/api/manage/${'x'.repeat(43)}/met`)).json()).toMatchObject({ error: { code: 'ERR_INVALID_TOKEN' } });
      expect((await t.anonymous('POST', `/api/manage/${ann.token}/contacts/not-an-id`)).json()).toMatchObject({ error: { code: 'ERR_VALIDATION' } });
    });

    test('the export of one person holds their own data and none of the others', async () => {
      const { ann, bob } = await setUp(t, { ann: true, bob: true });
      await t.anonymous('POST', `/api/manage/${bob.token}/contacts/${ann.id}`);
      await t.anonymous('PUT', `/api/manage/${bob.token}/feedback`, { rating: 4, recommend: 8, comment: 'Nice tables' });
      const response = await t.anonymous('GET', `/api/manage/${bob.token}/export`);
      expect(response.headers['content-disposition']).toMatch(/attachment; filename="tablehop-my-data-/);
      const data = response.json();
      expect(data.registrations).toEqual([expect.objectContaining({ id: bob.id, email: bob.email, linkedinUrl: bob.linkedin })]);
      expect(data.seatings).toEqual([expect.objectContaining({ round: 1, table: 1 })]);
      expect(data.contactRequests).toEqual([expect.objectContaining({ direction: 'sent', otherPerson: 'ANN' })]);
      expect(data.feedback).toEqual([expect.objectContaining({ rating: 4, recommend: 8, comment: 'Nice tables' })]);
      expect(response.body).not.toContain(ann.email);
      expect(response.body).not.toContain('ann-secret');
      expect(response.body).not.toContain(bob.token);
    });
  });

  test('documents the follow-up routes in OpenAPI', async () => {
    const spec = (await t.anonymous('GET', '/api/openapi.json')).json<{ paths: Record<string, Record<string, unknown>> }>();
    for (const [path, method] of [
      ['/api/manage/{manageToken}/met', 'get'],
      ['/api/manage/{manageToken}/contacts/{registrationId}', 'post'],
      ['/api/manage/{manageToken}/contacts/{registrationId}', 'delete'],
      ['/api/manage/{manageToken}/vcard/{registrationId}', 'get'],
      ['/api/manage/{manageToken}/feedback', 'put'],
      ['/api/manage/{manageToken}/next', 'post'],
      ['/api/manage/{manageToken}/export', 'get'],
      ['/api/manage/{manageToken}', 'delete'],
      ['/api/editions/{editionId}/moderator-feedback', 'put'],
      ['/api/moderator/feedback', 'get'],
      ['/api/series/{seriesId}/retention', 'put'],
    ] as const)
      expect(spec.paths[path]?.[method], `${method} ${path}`).toBeDefined();
  });

  describe('feedback', () => {
    test('one per person, editable; refused before the event starts', async () => {
      const { editionId } = await t.createEdition(5);
      const token = (await t.register(editionId)).json<{ manageToken: string }>().manageToken;
      expect((await t.anonymous('PUT', `/api/manage/${token}/feedback`, { rating: 5 })).json()).toMatchObject({
        error: { code: 'ERR_FEEDBACK_NOT_OPEN' },
      });
      await endEdition(t.db, editionId);
      expect((await t.anonymous('GET', `/api/manage/${token}/feedback`)).json()).toMatchObject({ open: true, feedback: null });
      await t.anonymous('PUT', `/api/manage/${token}/feedback`, { rating: 3, recommend: 6, comment: 'ok' });
      const changed = await t.anonymous('PUT', `/api/manage/${token}/feedback`, { rating: 5, recommend: 10, comment: ' Great! ' });
      expect(changed.json()).toMatchObject({ feedback: { rating: 5, recommend: 10, comment: 'Great!' } });
      const [row] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM feedback WHERE edition_id = $1`, [editionId]);
      expect(row!.n).toBe(1);
      for (const bad of [{ rating: 0 }, { rating: 6 }, { rating: 3, recommend: 11 }, { rating: 2.5 }, {}])
        expect((await t.anonymous('PUT', `/api/manage/${token}/feedback`, bad)).json(), JSON.stringify(bad)).toMatchObject({
          error: { code: 'ERR_VALIDATION' },
        });
    });

    test('a moderator gives feedback on an edition they were assigned to, not on another', async () => {
      const { editionId, moderatorId } = await setUp(t);
      const other = await t.createEdition(5);
      await endEdition(t.db, other.editionId);
      // Log in as the moderator with a password set here.
      await t.services.auth.ensureOrganizer('helper@example.org', 'another long password');
      await t.db.query(
        `UPDATE users SET role = 'moderator', password_hash = (SELECT password_hash FROM users WHERE email = 'helper@example.org') WHERE id = $1`,
        [moderatorId],
      );
      const [mod] = await t.db.query<{ email: string }>(`SELECT email FROM users WHERE id = $1`, [moderatorId]);
      const login = await t.anonymous('POST', '/api/login', { email: mod!.email, password: 'another long password' });
      expect(login.statusCode).toBe(200);
      const headers = { cookie: String(login.headers['set-cookie']).split(';')[0]!, 'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken };
      const put = (id: string, payload: object) => t.app.inject({ method: 'PUT', url: `/api/editions/${id}/moderator-feedback`, headers, payload });
      expect((await put(editionId, { rating: 4, comment: 'Table 2 was quiet' })).json()).toMatchObject({
        feedback: { rating: 4, comment: 'Table 2 was quiet' },
      });
      expect((await put(editionId, { rating: 5 })).json()).toMatchObject({ feedback: { rating: 5, comment: '' } });
      expect((await put(other.editionId, { rating: 5 })).json()).toMatchObject({ error: { code: 'ERR_FORBIDDEN' } });
      const list = await t.app.inject({ method: 'GET', url: '/api/moderator/feedback', headers });
      expect(list.json()).toEqual({
        editions: [{ edition: expect.objectContaining({ id: editionId }), feedback: expect.objectContaining({ rating: 5 }) }],
      });
      expect((await t.anonymous('PUT', `/api/editions/${editionId}/moderator-feedback`, { rating: 5 })).statusCode).toBe(401);
    });
  });

  describe('follow-up mail', () => {
    test('is queued once when the edition has ended, only to people who were seated, with the next edition', async () => {
      const { seriesId, editionId, ann, bob, eve } = await setUp(t);
      await t.asOrganizer('POST', `/api/series/${seriesId}/editions`, { startsAt: '2026-12-11T09:30:00+01:00', capacity: 10 });
      expect(await t.services.followup.queueFollowUps()).toBe(4);
      expect(await t.services.followup.queueFollowUps()).toBe(0);
      expect(await outboxMessages(t.db, eve.email)).not.toContainEqual(expect.objectContaining({ kind: 'follow_up' }));
      const [mail] = (await outboxMessages(t.db, ann.email)).filter((m) => m.kind === 'follow_up');
      expect(mail).toMatchObject({
        metUrl: `http://tablehop.test/manage/${ann.token}/met`,
        feedbackUrl: `http://tablehop.test/manage/${ann.token}/feedback`,
        next: { startsAt: '2026-12-11T08:30:00.000Z', registerUrl: `http://tablehop.test/manage/${ann.token}/next` },
      });
      expect((await outboxMessages(t.db, bob.email)).filter((m) => m.kind === 'follow_up')).toHaveLength(1);
      const [row] = await t.db.query<{ at: Date | null }>(`SELECT follow_up_queued_at AS at FROM editions WHERE id = $1`, [editionId]);
      expect(row!.at).not.toBeNull();
    });

    test('is not queued before the edition ends', async () => {
      const { editionId } = await t.createEdition(5);
      await t.register(editionId);
      expect(await t.services.followup.queueFollowUps()).toBe(0);
    });
  });

  describe('one-click registration for the next edition', () => {
    test('shows the next edition, registers with the stored details on confirmation, and finds it again', async () => {
      const { seriesId, ann, bob } = await setUp(t);
      expect((await t.anonymous('GET', `/api/manage/${ann.token}/next`)).json()).toMatchObject({ edition: null });
      expect((await t.anonymous('POST', `/api/manage/${ann.token}/next`)).json()).toMatchObject({ error: { code: 'ERR_NO_NEXT_EDITION' } });
      const next = (await t.asOrganizer('POST', `/api/series/${seriesId}/editions`, { startsAt: '2026-12-11T09:30:00+01:00', capacity: 1 })).json<{
        id: string;
      }>();
      expect((await t.anonymous('GET', `/api/manage/${ann.token}/next`)).json()).toMatchObject({
        edition: { id: next.id },
        name: 'ANN',
        email: ann.email,
        existing: null,
      });
      const registered = await t.anonymous('POST', `/api/manage/${ann.token}/next`);
      expect(registered.statusCode).toBe(201);
      expect(registered.json()).toMatchObject({
        created: true,
        result: { status: 'confirmed', manageToken: null },
        manageUrl: expect.stringMatching(/^\/manage\//),
      });
      const [row] = await t.db.query<{ company: string; linkedin_url: string }>(
        `SELECT company, linkedin_url FROM registrations WHERE edition_id = $1`,
        [next.id],
      );
      expect(row).toEqual({ company: 'ann bv', linkedin_url: ann.linkedin });
      expect((await t.anonymous('POST', `/api/manage/${ann.token}/next`)).statusCode).toBe(200);
      expect((await t.anonymous('GET', `/api/manage/${ann.token}/next`)).json()).toMatchObject({ existing: { status: 'confirmed' } });
      // The one seat is taken: the next person goes to the waiting list, as with the form.
      expect((await t.anonymous('POST', `/api/manage/${bob.token}/next`)).json()).toMatchObject({
        result: { status: 'waitlisted', waitlistPosition: 1 },
      });
    });
  });

  describe('deleting oneself', () => {
    test('anonymizes every registration of the e-mail, cancels an upcoming one, and keeps the figures', async () => {
      const { seriesId, editionId, ann, bob } = await setUp(t, { ann: true, bob: true });
      const next = (await t.asOrganizer('POST', `/api/series/${seriesId}/editions`, { startsAt: '2026-12-11T09:30:00+01:00', capacity: 10 })).json<{
        id: string;
      }>();
      await t.anonymous('POST', `/api/manage/${ann.token}/next`);
      await t.anonymous('POST', `/api/manage/${ann.token}/contacts/${bob.id}`);
      await t.anonymous('POST', `/api/manage/${bob.token}/contacts/${ann.id}`);
      await t.anonymous('PUT', `/api/manage/${ann.token}/feedback`, { rating: 2, recommend: 3, comment: 'Call me on 0475 00 00 00' });

      const deleted = await t.anonymous('DELETE', `/api/manage/${ann.token}`);
      expect(deleted.json()).toEqual({ anonymized: 2 });

      const rows = await t.db.query<Record<string, unknown>>(
        `SELECT edition_id, name, email, company, job_title, offer_text, looking_for, linkedin_url, consent_share_contact, status, anonymized_at, manage_token
         FROM registrations WHERE id = $1 OR edition_id = $2 AND anonymized_at IS NOT NULL`,
        [ann.id, next.id],
      );
      expect(rows).toHaveLength(2);
      for (const row of rows) {
        expect(row).toMatchObject({
          name: '',
          company: '',
          job_title: '',
          offer_text: '',
          looking_for: '',
          linkedin_url: '',
          consent_share_contact: false,
        });
        expect(row.email).not.toContain('@');
        expect(row.anonymized_at).not.toBeNull();
        expect(row.manage_token).not.toBe(ann.token);
      }
      expect(rows.find((r) => r.edition_id === next.id)!.status).toBe('cancelled');
      expect(rows.find((r) => r.edition_id === editionId)!.status).toBe('confirmed');

      expect((await t.anonymous('GET', `/api/manage/${ann.token}/met`)).json()).toMatchObject({ error: { code: 'ERR_INVALID_TOKEN' } });
      expect((await t.db.query(`SELECT 1 FROM contact_requests`)).length).toBe(0);
      expect(await t.db.query(`SELECT rating, recommend, comment FROM feedback`)).toEqual([{ rating: 2, recommend: 3, comment: '' }]);
      expect((await t.db.query(`SELECT 1 FROM live_seatings WHERE registration_id = $1`, [ann.id])).length).toBe(1);
      // Bob still sees that he sat with someone, but nothing about them.
      const bobView = await met(bob);
      expect(participant(bobView, ann.id)).toMatchObject({ name: '', company: '', connection: 'none', contact: null });
      expect(JSON.stringify(bobView)).not.toContain(ann.email);
      // Mails: no pending mail to Ann but the cancellation of the upcoming edition.
      const pending = await t.db.query<{ kind: string }>(
        `SELECT kind FROM outbox WHERE lower(to_address) = $1 AND sent_at IS NULL AND failed_at IS NULL ORDER BY id`,
        [ann.email],
      );
      expect(pending.map((p) => p.kind)).toEqual(['registration_cancelled']);
    });
  });

  describe('retention', () => {
    test('removes personal data of past editions once the series retention has passed, and only then', async () => {
      const { seriesId, editionId, ann, bob } = await setUp(t);
      const keep = await t.createEdition(5);
      await t.register(keep.editionId, { name: 'Kept', email: 'kept@example.com' });
      await endEdition(t.db, keep.editionId);
      await t.db.query(`UPDATE outbox SET sent_at = $1`, [new Date('2026-11-27T10:00:00Z')]);

      expect((await t.asOrganizer('PUT', `/api/series/${seriesId}/retention`, { retentionDays: 0 })).json()).toMatchObject({
        error: { code: 'ERR_VALIDATION' },
      });
      expect((await t.asOrganizer('PUT', `/api/series/${seriesId}/retention`, { retentionDays: 30 })).json()).toEqual({ retentionDays: 30 });
      expect((await t.asOrganizer('GET', `/api/series/${seriesId}/retention`)).json()).toEqual({ retentionDays: 30 });
      expect((await t.anonymous('PUT', `/api/series/${seriesId}/retention`, { retentionDays: 1 })).statusCode).toBe(401);

      // The edition ends 2026-12-04 11:00 Brussels; 30 days later minus a minute nothing happens.
      t.clock.set('2027-01-03T09:59:00Z');
      expect(await t.services.followup.applyRetention()).toBe(0);
      t.clock.set('2027-01-03T10:00:00Z');
      expect(await t.services.followup.applyRetention()).toBe(5);
      expect(await t.services.followup.applyRetention()).toBe(0);

      const left = await t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM registrations WHERE edition_id = $1 AND anonymized_at IS NOT NULL AND name = '' AND email NOT LIKE '%@%'`,
        [editionId],
      );
      expect(left[0]!.n).toBe(5);
      expect((await t.anonymous('GET', `/api/manage/${bob.token}/met`)).statusCode).toBe(403);
      expect((await t.db.query(`SELECT 1 FROM outbox WHERE to_address IN ($1, $2)`, [ann.email, bob.email])).length).toBe(0);
      // The other series keeps its data (no retention set).
      expect((await t.db.query(`SELECT 1 FROM registrations WHERE email = 'kept@example.com'`)).length).toBe(1);
    });
  });
});
