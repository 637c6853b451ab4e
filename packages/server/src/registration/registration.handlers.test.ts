import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../test/test-app.js';
import { outboxMessages } from '../../test/recording-mailer.js';
import { forEachTestDatabase } from '../../test/test-databases.js';

// The whole API suite runs on PGlite and on PostgreSQL: these tests are also the store tests.
forEachTestDatabase('registration API', (getDb) => {
  const t = useTestApp({ db: getDb });

  interface Result {
    id: string;
    status: string;
    waitlistPosition: number | null;
    manageToken: string | null;
  }

  async function fill(editionId: string, count: number): Promise<Result[]> {
    const results: Result[] = [];
    for (let i = 0; i < count; i++) results.push((await t.register(editionId)).json<Result>());
    return results;
  }

  async function editionFigures(editionId: string) {
    return (await t.asOrganizer('GET', `/api/editions/${editionId}`)).json<{
      capacity: number;
      confirmedCount: number;
      waitlistCount: number;
      offeredCount: number;
    }>();
  }

  describe('registering', () => {
    test('confirms until capacity, then waitlists in order with positions', async () => {
      const { editionId } = await t.createEdition(3);
      const results = await fill(editionId, 5);
      expect(results.map((r) => [r.status, r.waitlistPosition])).toEqual([
        ['confirmed', null],
        ['confirmed', null],
        ['confirmed', null],
        ['waitlisted', 1],
        ['waitlisted', 2],
      ]);
      expect(results.every((r) => typeof r.manageToken === 'string' && r.manageToken.length >= 40)).toBe(true);
      expect(await editionFigures(editionId)).toMatchObject({ capacity: 3, confirmedCount: 3, waitlistCount: 2 });
    });

    test('answers 201 with the new registration and mails a confirmation or the waiting-list position', async () => {
      const { editionId } = await t.createEdition(1);
      expect((await t.register(editionId, { email: 'a@example.com' })).statusCode).toBe(201);
      expect((await t.register(editionId, { email: 'b@example.com' })).statusCode).toBe(201);
      expect((await outboxMessages(t.db, 'a@example.com')).map((m) => m.kind)).toEqual(['registration_confirmed']);
      expect(await outboxMessages(t.db, 'b@example.com')).toMatchObject([{ kind: 'registration_waitlisted', position: 1 }]);
    });

    test('returns the existing registration for the same e-mail, without its token, and mails the link again', async () => {
      const { editionId } = await t.createEdition(5);
      const first = await t.register(editionId, { email: 'Ann@Example.com' });
      const again = await t.register(editionId, { email: 'ann@example.com', name: 'Someone Else' });
      expect(again.statusCode).toBe(200);
      expect(again.json()).toMatchObject({ id: first.json<Result>().id, status: 'confirmed', manageToken: null });
      expect((await editionFigures(editionId)).confirmedCount).toBe(1);
      expect((await outboxMessages(t.db, 'ann@example.com')).map((m) => m.kind)).toEqual(['registration_confirmed', 'manage_link']);
    });

    test('stores the optional profile fields and the language', async () => {
      const { editionId } = await t.createEdition(5);
      await t.asOrganizer('PUT', '/api/sectors', { sectors: ['ICT', 'Logistics'] });
      const response = await t.register(editionId, {
        email: 'pro@example.com',
        company: 'Acme NV',
        sector: 'ICT',
        jobTitle: 'CEO',
        offer: 'Cloud advice',
        lookingFor: 'Logistics partners',
        linkedinUrl: 'https://www.linkedin.com/in/someone',
        language: 'en',
        shareContact: true,
      });
      expect(response.statusCode).toBe(201);
      const list = await t.asOrganizer('GET', `/api/editions/${editionId}/registrations`);
      expect(list.json<{ registrations: unknown[] }>().registrations[0]).toMatchObject({
        company: 'Acme NV',
        sector: 'ICT',
        jobTitle: 'CEO',
        offer: 'Cloud advice',
        lookingFor: 'Logistics partners',
        linkedinUrl: 'https://www.linkedin.com/in/someone',
        language: 'en',
        shareContact: true,
      });
    });

    test('takes the language of the series when none is given', async () => {
      const { editionId } = await t.createEdition(5);
      await t.register(editionId, { email: 'nl@example.com' });
      expect((await outboxMessages(t.db, 'nl@example.com'))[0]?.to.language).toBe('nl');
    });
  });

  describe('bad input', () => {
    const valid = { name: 'Ann', email: 'ann@example.com', consent: true };
    test.each([
      ['a missing name', { email: 'x@example.com', consent: true }],
      ['an empty name', { ...valid, name: '   ' }],
      ['a malformed e-mail', { ...valid, email: 'not-an-email' }],
      ['a 1 MB name', { ...valid, name: 'x'.repeat(1_000_000) }],
      ['script tags in the name', { ...valid, name: '<script>alert(1)</script>' }],
      ['script tags in the company', { ...valid, company: 'Acme<script>' }],
      ['no consent', { ...valid, consent: false }],
      ['consent missing', { name: 'Ann', email: 'ann@example.com' }],
      ['a LinkedIn URL elsewhere', { ...valid, linkedinUrl: 'javascript:alert(1)' }],
      ['an unknown language', { ...valid, language: 'fr' }],
      ['a name that is a number', { ...valid, name: 42 }],
    ])('rejects %s with a 4xx and changes nothing', async (_label, body) => {
      const { editionId } = await t.createEdition(5);
      const response = await t.anonymous('POST', `/api/editions/${editionId}/registrations`, body);
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
      expect(response.json().error.code).toMatch(/^ERR_(VALIDATION|PAYLOAD_TOO_LARGE)$/);
      expect(typeof response.json().error.message).toBe('string');
      expect((await editionFigures(editionId)).confirmedCount).toBe(0);
      expect(await outboxMessages(t.db)).toEqual([]);
    });

    test('rejects a body that is not JSON', async () => {
      const { editionId } = await t.createEdition(5);
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/editions/${editionId}/registrations`,
        headers: { 'content-type': 'application/json' },
        payload: '{"name":',
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('ERR_BAD_JSON');
    });

    test('rejects a sector that is not in the list', async () => {
      const { editionId } = await t.createEdition(5);
      await t.asOrganizer('PUT', '/api/sectors', { sectors: ['ICT'] });
      const response = await t.register(editionId, { sector: 'Astrology' });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('ERR_UNKNOWN_SECTOR');
    });

    test.each([
      ['an unknown edition', '00000000-0000-4000-8000-000000000000', 404, 'ERR_EDITION_NOT_FOUND'],
      ['an edition id that is no uuid', 'abc', 400, 'ERR_VALIDATION'],
    ])('answers %s with %i', async (_label, editionId, status, code) => {
      const response = await t.register(editionId);
      expect(response.statusCode).toBe(status);
      expect(response.json().error.code).toBe(code);
    });

    test('refuses registrations for a draft edition and after the start', async () => {
      const { editionId } = await t.createEdition(5, { status: 'draft' });
      expect((await t.register(editionId)).json().error.code).toBe('ERR_REGISTRATION_CLOSED');
      const open = await t.createEdition(5);
      t.clock.set('2026-12-04T09:00:00Z');
      const late = await t.register(open.editionId);
      expect(late.statusCode).toBe(409);
      expect(late.json().error.code).toBe('ERR_REGISTRATION_CLOSED');
    });

    test('refuses registrations before the window opens', async () => {
      const { editionId } = await t.createEdition(5, { registrationOpensAt: '2026-11-28T08:00:00Z' });
      expect((await t.register(editionId)).json().error).toMatchObject({ code: 'ERR_REGISTRATION_CLOSED', details: { window: 'not_open_yet' } });
      t.clock.set('2026-11-28T08:00:01Z');
      expect((await t.register(editionId)).statusCode).toBe(201);
    });
  });

  describe('cancelling and the waiting list', () => {
    test('promotes the first on the list at once when a confirmed person cancels (auto mode)', async () => {
      const { editionId } = await t.createEdition(2);
      const [a, , c, d] = await fill(editionId, 4);
      const response = await t.anonymous('POST', `/api/registrations/${a!.id}/cancel`, { manageToken: a!.manageToken });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ id: a!.id, status: 'cancelled' });
      const manageC = await t.anonymous('GET', `/api/manage/${c!.manageToken}`);
      expect(manageC.json().registration).toMatchObject({ status: 'confirmed', waitlistPosition: null });
      expect(manageC.json().joinUrl).toMatch(/^http:\/\/tablehop\.test\/join\//);
      const manageD = await t.anonymous('GET', `/api/manage/${d!.manageToken}`);
      expect(manageD.json().registration).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
      expect(manageD.json().joinUrl).toBeNull();
      expect((await outboxMessages(t.db, 'person3@example.com')).map((m) => m.kind)).toEqual(['registration_waitlisted', 'registration_promoted']);
      expect(await editionFigures(editionId)).toMatchObject({ confirmedCount: 2, waitlistCount: 1 });
    });

    test('closes the gap in positions when someone on the list cancels', async () => {
      const { editionId } = await t.createEdition(1);
      const [, b, c, d] = await fill(editionId, 4);
      await t.anonymous('POST', `/api/registrations/${b!.id}/cancel`, { manageToken: b!.manageToken });
      const positions = await Promise.all(
        [c, d].map(async (r) => (await t.anonymous('GET', `/api/manage/${r!.manageToken}`)).json().registration.waitlistPosition),
      );
      expect(positions).toEqual([1, 2]);
      expect(await editionFigures(editionId)).toMatchObject({ confirmedCount: 1, waitlistCount: 2 });
    });

    test('is harmless when repeated', async () => {
      const { editionId } = await t.createEdition(1);
      const [a] = await fill(editionId, 2);
      await t.anonymous('POST', `/api/registrations/${a!.id}/cancel`, { manageToken: a!.manageToken });
      const again = await t.anonymous('POST', `/api/registrations/${a!.id}/cancel`, { manageToken: a!.manageToken });
      expect(again.statusCode).toBe(200);
      expect(await editionFigures(editionId)).toMatchObject({ confirmedCount: 1, waitlistCount: 0 });
    });

    test.each([
      ['a wrong token', 'x'.repeat(43), 403, 'ERR_INVALID_TOKEN'],
      ['a too short token', 'abc', 400, 'ERR_VALIDATION'],
    ])('refuses %s and changes nothing', async (_label, manageToken, status, code) => {
      const { editionId } = await t.createEdition(1);
      const [a] = await fill(editionId, 1);
      const response = await t.anonymous('POST', `/api/registrations/${a!.id}/cancel`, { manageToken });
      expect(response.statusCode).toBe(status);
      expect(response.json().error.code).toBe(code);
      expect((await editionFigures(editionId)).confirmedCount).toBe(1);
    });

    test('refuses the token of another registration', async () => {
      const { editionId } = await t.createEdition(2);
      const [a, b] = await fill(editionId, 2);
      const response = await t.anonymous('POST', `/api/registrations/${a!.id}/cancel`, { manageToken: b!.manageToken });
      expect(response.json().error.code).toBe('ERR_INVALID_TOKEN');
    });

    test('tells the join page which edition a join link belongs to, and nothing for a wrong link', async () => {
      const { editionId } = await t.createEdition(1);
      await t.register(editionId, { email: 'joiner@example.com' });
      const [mail] = await outboxMessages(t.db, 'joiner@example.com');
      const joinToken = (mail as { registration: { joinUrl: string } }).registration.joinUrl.split('/join/')[1];
      expect((await t.anonymous('GET', `/api/join/${joinToken}`)).json()).toEqual({ editionId, status: 'confirmed' });
      const wrong = await t.anonymous('GET', `/api/join/${'z'.repeat(43)}`);
      expect(wrong.statusCode).toBe(403);
      expect(wrong.json().error.code).toBe('ERR_INVALID_TOKEN');
    });

    test('answers 404 for an unknown registration and 403 for an unknown manage link', async () => {
      const cancel = await t.anonymous('POST', `/api/registrations/00000000-0000-4000-8000-000000000000/cancel`, { manageToken: 'x'.repeat(43) });
      expect(cancel.json().error.code).toBe('ERR_REGISTRATION_NOT_FOUND');
      expect((await t.anonymous('GET', `/api/manage/${'y'.repeat(43)}`)).json().error.code).toBe('ERR_INVALID_TOKEN');
    });

    test('lets a cancelled person register again at the end of the list', async () => {
      const { editionId } = await t.createEdition(1);
      const [a] = await fill(editionId, 2);
      await t.anonymous('POST', `/api/registrations/${a!.id}/cancel`, { manageToken: a!.manageToken });
      const again = await t.register(editionId, { email: 'person1@example.com' });
      expect(again.statusCode).toBe(201);
      expect(again.json()).toMatchObject({ id: a!.id, status: 'waitlisted', waitlistPosition: 1 });
    });
  });

  describe('offer mode', () => {
    test('offers the freed seat with a deadline, and the offer can be accepted', async () => {
      const { editionId } = await t.createEdition(1, { promotionMode: 'offer', offerHours: 24 });
      const [a, b] = await fill(editionId, 2);
      await t.anonymous('POST', `/api/registrations/${a!.id}/cancel`, { manageToken: a!.manageToken });
      const offered = (await t.anonymous('GET', `/api/manage/${b!.manageToken}`)).json().registration;
      expect(offered).toMatchObject({ status: 'offered', offerExpiresAt: '2026-11-28T10:00:00.000Z' });
      expect((await outboxMessages(t.db, 'person2@example.com')).at(-1)).toMatchObject({ kind: 'seat_offered' });
      const accepted = await t.anonymous('POST', `/api/registrations/${b!.id}/accept`, { manageToken: b!.manageToken });
      expect(accepted.json()).toMatchObject({ status: 'confirmed' });
      expect(await editionFigures(editionId)).toMatchObject({ confirmedCount: 1, offeredCount: 0 });
    });

    test('holds the offered seat: a newcomer is waitlisted meanwhile', async () => {
      const { editionId } = await t.createEdition(1, { promotionMode: 'offer' });
      const [a] = await fill(editionId, 2);
      await t.anonymous('POST', `/api/registrations/${a!.id}/cancel`, { manageToken: a!.manageToken });
      expect((await t.register(editionId)).json()).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    });

    test('passes an unclaimed offer to the next person when it expires', async () => {
      const { editionId } = await t.createEdition(1, { promotionMode: 'offer', offerHours: 24 });
      const [a, b, c] = await fill(editionId, 3);
      await t.anonymous('POST', `/api/registrations/${a!.id}/cancel`, { manageToken: a!.manageToken });
      t.clock.advance(24 * 60 * 60 * 1000 + 1);
      expect(await t.services.registration.expireOffers()).toBe(1);
      expect((await t.anonymous('GET', `/api/manage/${b!.manageToken}`)).json().registration.status).toBe('expired');
      expect((await t.anonymous('GET', `/api/manage/${c!.manageToken}`)).json().registration.status).toBe('offered');
      const late = await t.anonymous('POST', `/api/registrations/${b!.id}/accept`, { manageToken: b!.manageToken });
      expect(late.json().error.code).toBe('ERR_NO_OFFER');
    });

    test('refuses to accept after the deadline even before the expiry job ran', async () => {
      const { editionId } = await t.createEdition(1, { promotionMode: 'offer', offerHours: 2 });
      const [a, b, c] = await fill(editionId, 3);
      await t.anonymous('POST', `/api/registrations/${a!.id}/cancel`, { manageToken: a!.manageToken });
      t.clock.advance(3 * 60 * 60 * 1000);
      const late = await t.anonymous('POST', `/api/registrations/${b!.id}/accept`, { manageToken: b!.manageToken });
      expect(late.statusCode).toBe(410);
      expect(late.json().error.code).toBe('ERR_OFFER_EXPIRED');
      expect((await t.anonymous('GET', `/api/manage/${c!.manageToken}`)).json().registration.status).toBe('offered');
    });

    test('never sets a deadline later than one hour before the start', async () => {
      const { editionId } = await t.createEdition(1, { promotionMode: 'offer', offerHours: 24 });
      const [a, b] = await fill(editionId, 2);
      t.clock.set('2026-12-04T00:00:00Z');
      await t.anonymous('POST', `/api/registrations/${a!.id}/cancel`, { manageToken: a!.manageToken });
      expect((await t.anonymous('GET', `/api/manage/${b!.manageToken}`)).json().registration.offerExpiresAt).toBe('2026-12-04T07:30:00.000Z');
    });
  });

  describe('seats freed by the organizer', () => {
    test('raising the capacity promotes from the list at once', async () => {
      const { editionId } = await t.createEdition(1);
      await fill(editionId, 4);
      const response = await t.asOrganizer('PATCH', `/api/editions/${editionId}`, { capacity: 3 });
      expect(response.json()).toMatchObject({ capacity: 3, confirmedCount: 3, waitlistCount: 1 });
    });

    test('lowering the capacity keeps everyone confirmed but gives no new seats', async () => {
      const { editionId } = await t.createEdition(3);
      await fill(editionId, 3);
      expect((await t.asOrganizer('PATCH', `/api/editions/${editionId}`, { capacity: 1 })).json()).toMatchObject({ capacity: 1, confirmedCount: 3 });
      expect((await t.register(editionId)).json().status).toBe('waitlisted');
    });

    test('assigning a moderator adds a table of seats when capacity follows the moderators', async () => {
      const { editionId } = await t.createEdition(null, { format: { groupSize: 2 } });
      const moderator = await t.asOrganizer('POST', '/api/moderators', { email: 'mod@example.org', name: 'Mo Derator' });
      expect(moderator.statusCode).toBe(201);
      expect((await fill(editionId, 3)).map((r) => r.status)).toEqual(['waitlisted', 'waitlisted', 'waitlisted']);
      const assigned = await t.asOrganizer('POST', `/api/editions/${editionId}/moderators`, { moderatorId: moderator.json().id });
      expect(assigned.json()).toMatchObject({ capacity: 2, capacityIsAuto: true, moderatorCount: 1, confirmedCount: 2, waitlistCount: 1 });
      expect((await outboxMessages(t.db, 'mod@example.org')).map((m) => m.kind)).toEqual(['moderator_invite']);
    });

    test('the organizer can add someone by hand and cancel someone', async () => {
      const { editionId } = await t.createEdition(1, { status: 'draft' });
      const added = await t.asOrganizer('POST', `/api/editions/${editionId}/registrations/by-organizer`, {
        name: 'VIP',
        email: 'vip@example.com',
        consent: true,
      });
      expect(added.statusCode).toBe(201);
      expect(added.json()).toMatchObject({ status: 'confirmed', source: 'organizer' });
      const cancelled = await t.asOrganizer('POST', `/api/editions/${editionId}/registrations/${added.json().id}/cancel`);
      expect(cancelled.json().status).toBe('cancelled');
    });

    test('exports the registrations as CSV with formulas neutralised', async () => {
      const { editionId } = await t.createEdition(1);
      await t.register(editionId, { name: 'Ann', company: '=HYPERLINK("x")' });
      await t.register(editionId, { name: 'Bob' });
      const csv = await t.asOrganizer('GET', `/api/editions/${editionId}/registrations.csv`);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const lines = csv.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n');
      expect(lines[0]).toMatch(/^id,status,waitlist_position,name,email,company/);
      expect(lines).toHaveLength(3);
      expect(csv.body).toContain(`"'=HYPERLINK(""x"")"`);
      expect(lines[2]).toContain(',waitlisted,1,Bob,');
    });
  });

  describe('reminders', () => {
    test('sends the 24 h and the 1 h reminder once each to confirmed people', async () => {
      const { editionId } = await t.createEdition(1);
      await fill(editionId, 2);
      expect(await t.services.registration.sendReminders()).toBe(0);
      t.clock.set('2026-12-03T09:00:00Z');
      expect(await t.services.registration.sendReminders()).toBe(1);
      expect(await t.services.registration.sendReminders()).toBe(0);
      t.clock.set('2026-12-04T07:45:00Z');
      expect(await t.services.registration.sendReminders()).toBe(1);
      expect((await outboxMessages(t.db, 'person1@example.com')).map((m) => m.kind)).toEqual([
        'registration_confirmed',
        'reminder_24h',
        'reminder_1h',
      ]);
      expect((await outboxMessages(t.db, 'person2@example.com')).map((m) => m.kind)).toEqual(['registration_waitlisted']);
    });
  });
});
