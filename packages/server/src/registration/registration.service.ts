import type { RegistrationInput, RegistrationResult } from '@tablehop/protocol';
import { tokensEqual } from '../auth/tokens.js';
import type { Sql } from '../db/sql.js';
import type { ServiceDeps } from '../deps.js';
import type { Edition } from '../editions/edition.types.js';
import { effectiveCapacity, registrationWindow } from '../editions/editions.logic.js';
import type { EditionsStore } from '../editions/editions.store.js';
import { AppError } from '../http/app-error.js';
import { buildRegistrationCalendarFile } from '../mail/ics.js';
import type { EditionFacts, MailMessage, RegistrationFacts } from '../mail/mail.types.js';
import type { SectorsStore } from '../sectors/sectors.store.js';
import { decideArrivals, dueReminder, freeSeats, planPromotions } from './registration.logic.js';
import { createTokens } from './batch-tokens.js';
import { createGroupCommit } from './group-commit.js';
import type { NewRegistration, Registration, RegistrationsStore } from './registration.store.js';

export interface RegistrationStores {
  registrations: RegistrationsStore;
  editions: EditionsStore;
  sectors: SectorsStore;
}

const ACTIVE = new Set(['confirmed', 'waitlisted', 'offered']);

export type RegistrationService = ReturnType<typeof createRegistrationService>;

/**
 * Seats, the waiting list and the mails that go with them. Every decision about a seat is taken
 * inside one transaction that first locks the edition's row (load -> decide -> save -> mail in the
 * outbox), so no seat is given twice and no mail is sent for a change that did not happen.
 */
export function createRegistrationService(deps: ServiceDeps, stores: RegistrationStores) {
  const { db, clock, mailer, publicUrl } = deps;
  const { registrations, editions, sectors } = stores;

  const editionFacts = (e: Edition): EditionFacts => ({
    editionId: e.id,
    seriesName: e.seriesName,
    description: e.description,
    startsAt: e.startsAt,
    durationMinutes: e.durationMinutes,
    timeZone: e.timeZone,
  });
  const registrationFacts = (r: Registration): RegistrationFacts => ({
    id: r.id,
    manageUrl: `${publicUrl}/manage/${r.manageToken}`,
    joinUrl: `${publicUrl}/join/${r.joinToken}`,
    calendarUrl: `${publicUrl}/api/manage/${r.manageToken}/calendar.ics`,
    calendarSequence: r.calendarSequence,
  });
  const about = (r: Registration, e: Edition) => ({
    to: { email: r.email, name: r.name, language: r.language },
    edition: editionFacts(e),
    registration: registrationFacts(r),
  });

  async function lockEdition(tx: Sql, editionId: string): Promise<Edition> {
    const edition = await editions.findEdition(tx, editionId, { lock: true });
    if (!edition) throw new AppError('ERR_EDITION_NOT_FOUND');
    return edition;
  }

  async function mustFind(sql: Sql, id: string): Promise<Registration> {
    const found = await registrations.findById(sql, id);
    if (!found) throw new AppError('ERR_REGISTRATION_NOT_FOUND');
    return found;
  }

  /** Fills free seats from the waiting list. The caller holds the edition's lock. */
  async function promoteWaiting(tx: Sql, edition: Edition, now: Date): Promise<number> {
    if (edition.status === 'ended' || edition.startsAt <= now) return 0;
    const counts = await editions.countRegistrations(tx, edition.id);
    const free = freeSeats({ capacity: effectiveCapacity(edition), taken: counts.confirmed + counts.offered, waiting: counts.waitlisted });
    if (free === 0 || counts.waitlisted === 0) return 0;
    const waitingInOrder = await registrations.waitingInOrder(tx, edition.id, free);
    const promotions = planPromotions({
      free,
      waitingInOrder,
      mode: edition.promotionMode,
      now,
      startsAt: edition.startsAt,
      offerHours: edition.offerHours,
    });
    for (const promotion of promotions) {
      await registrations.setStatus(tx, promotion.registrationId, { status: promotion.status, now, offerExpiresAt: promotion.offerExpiresAt });
      const promoted = await mustFind(tx, promotion.registrationId);
      await mailer.enqueue(
        tx,
        promotion.status === 'offered' && promotion.offerExpiresAt
          ? {
              kind: 'seat_offered',
              offerExpiresAt: promotion.offerExpiresAt,
              acceptUrl: `${publicUrl}/manage/${promoted.manageToken}?action=accept`,
              ...about(promoted, edition),
            }
          : { kind: 'registration_promoted', ...about(promoted, edition) },
        now,
      );
    }
    return promotions.length;
  }

  const toResult = (r: Registration, includeToken: boolean): RegistrationResult => ({
    id: r.id,
    status: r.status,
    waitlistPosition: r.waitlistPosition,
    manageToken: includeToken ? r.manageToken : null,
    offerExpiresAt: r.offerExpiresAt?.toISOString() ?? null,
  });

  interface RegistrationRequest {
    input: RegistrationInput;
    source: 'self' | 'organizer';
  }
  interface RegistrationOutcome {
    created: boolean;
    registration: Registration;
  }

  /**
   * Registers a batch of requests for one edition in one transaction (see group-commit.ts):
   * lock the edition, read its seats and who is registered already, decide for all in arrival
   * order, write all rows and all mails, commit.
   */
  async function registerBatch(editionId: string, requests: RegistrationRequest[]): Promise<Array<RegistrationOutcome | Error>> {
    const outcomes = await db.transaction(async (tx) => {
      const now = clock.now();
      const edition = await lockEdition(tx, editionId);
      const window = registrationWindow(edition, now);
      const known = requests.some((r) => (r.input.sector ?? '') !== '') ? await sectors.list(tx) : [];
      const refusal = (request: RegistrationRequest): AppError | undefined => {
        if (request.source === 'self' && window !== 'open')
          return new AppError(
            'ERR_REGISTRATION_CLOSED',
            window === 'not_open_yet' ? 'Registration for this edition has not opened yet.' : undefined,
            { window },
          );
        if (request.source === 'organizer' && edition.status === 'ended') return new AppError('ERR_REGISTRATION_CLOSED', 'This edition has ended.');
        const sector = request.input.sector ?? '';
        if (sector !== '' && known.length > 0 && !known.includes(sector)) return new AppError('ERR_UNKNOWN_SECTOR', undefined, { sectors: known });
        return undefined;
      };
      const refusals = requests.map(refusal);
      const accepted = requests.filter((_, i) => !refusals[i]);

      const existing = new Map(
        (
          await registrations.findByEmails(
            tx,
            editionId,
            accepted.map((r) => r.input.email),
          )
        ).map((r) => [r.email.toLowerCase(), r]),
      );
      const isActive = (r: Registration | undefined): r is Registration => r !== undefined && ACTIVE.has(r.status);
      const counts = await editions.countRegistrations(tx, editionId);
      const decisions = decideArrivals(
        { capacity: effectiveCapacity(edition), taken: counts.confirmed + counts.offered, waiting: counts.waitlisted },
        accepted.map((r) => ({ key: r.input.email.toLowerCase(), hasActiveRegistration: isActive(existing.get(r.input.email.toLowerCase())) })),
      );

      const waitlistedCount = decisions.filter((d) => d.kind === 'new' && d.status === 'waitlisted').length;
      let nextSeq = waitlistedCount > 0 ? await registrations.reserveWaitlistSeqs(tx, editionId, waitlistedCount) : 0;
      // Two tokens per new registration, all from one draw of random bytes: a call per token made
      // 2,000 calls for 1,000 registrations, a measurable share of the server's time in a rush.
      const tokens = createTokens(2 * decisions.filter((d) => d.kind === 'new').length);
      let nextToken = 0;
      const fresh: Array<{ index: number; row: NewRegistration & { waitlistSeq: number | null }; waitlistPosition: number | null }> = [];
      decisions.forEach((decision, index) => {
        if (decision.kind !== 'new') return;
        const input = accepted[index]!.input;
        fresh.push({
          index,
          waitlistPosition: decision.waitlistPosition,
          row: {
            id: deps.newId(),
            editionId,
            name: input.name,
            email: input.email,
            company: input.company ?? '',
            sector: input.sector ?? '',
            jobTitle: input.jobTitle ?? '',
            offer: input.offer ?? '',
            lookingFor: input.lookingFor ?? '',
            linkedinUrl: input.linkedinUrl ?? '',
            language: input.language ?? edition.language,
            shareContact: input.shareContact ?? false,
            status: decision.status,
            waitlistSeq: decision.status === 'waitlisted' ? nextSeq++ : null,
            offerExpiresAt: null,
            manageToken: tokens[nextToken++]!,
            joinToken: tokens[nextToken++]!,
            source: accepted[index]!.source,
            createdAt: now,
            confirmedAt: decision.status === 'confirmed' ? now : null,
          },
        });
      });
      const saved = await registrations.saveMany(
        tx,
        fresh.map((f) => f.row),
      );

      const results = new Map<number, RegistrationOutcome>();
      const messages: MailMessage[] = [];
      fresh.forEach(({ index, row, waitlistPosition }, i) => {
        const { id, manageToken, joinToken, calendarSequence } = saved[i]!;
        const { waitlistSeq: _seq, ...fields } = row;
        const registration: Registration = {
          ...fields,
          id,
          manageToken,
          joinToken,
          calendarSequence,
          waitlistPosition,
          cancelledAt: null,
          reminder24hAt: null,
          reminder1hAt: null,
        };
        results.set(index, { created: true, registration });
        messages.push(
          registration.status === 'confirmed'
            ? { kind: 'registration_confirmed', ...about(registration, edition) }
            : {
                kind: 'registration_waitlisted',
                position: waitlistPosition ?? 1,
                promotionMode: edition.promotionMode,
                ...about(registration, edition),
              },
        );
      });
      decisions.forEach((decision, index) => {
        if (decision.kind === 'existing') {
          const registration = existing.get(accepted[index]!.input.email.toLowerCase())!;
          results.set(index, { created: false, registration });
          // The links travel by mail only: whoever knows an address must not get that person's token.
          messages.push({
            kind: 'manage_link',
            status: registration.status as 'confirmed' | 'waitlisted' | 'offered',
            position: registration.waitlistPosition,
            ...about(registration, edition),
          });
        } else if (decision.kind === 'duplicate_of') {
          results.set(index, { created: false, registration: results.get(decision.index)!.registration });
        }
      });
      await mailer.enqueueMany(tx, messages, now);

      let next = 0;
      return refusals.map((refused) => refused ?? results.get(next++)!);
    });
    mailer.wake();
    return outcomes;
  }

  const registrationQueue = createGroupCommit(registerBatch);

  async function register(editionId: string, input: RegistrationInput, source: 'self' | 'organizer') {
    const outcome = await registrationQueue.submit(editionId, { input, source });
    return { created: outcome.created, result: toResult(outcome.registration, outcome.created), registration: outcome.registration };
  }

  async function cancelRegistration(registrationId: string, check: (r: Registration) => void): Promise<Registration> {
    const cancelled = await db.transaction(async (tx) => {
      const now = clock.now();
      const before = await mustFind(tx, registrationId);
      check(before);
      const edition = await lockEdition(tx, before.editionId);
      const current = await mustFind(tx, registrationId); // re-read under the lock
      if (!ACTIVE.has(current.status)) return current; // cancelling twice is harmless
      if (edition.status === 'ended') throw new AppError('ERR_CONFLICT', 'This edition has ended.');
      await registrations.setStatus(tx, registrationId, { status: 'cancelled', now, offerExpiresAt: null });
      const after = await mustFind(tx, registrationId);
      await mailer.enqueue(tx, { kind: 'registration_cancelled', ...about(after, edition) }, now);
      if (current.status !== 'waitlisted') await promoteWaiting(tx, edition, now);
      return after;
    });
    mailer.wake();
    return cancelled;
  }

  const checkToken = (token: string) => (r: Registration) => {
    if (!tokensEqual(r.manageToken, token)) throw new AppError('ERR_INVALID_TOKEN');
  };

  async function expireOffer(tx: Sql, registrationId: string, now: Date): Promise<boolean> {
    const r = await mustFind(tx, registrationId);
    const edition = await lockEdition(tx, r.editionId);
    const current = await mustFind(tx, registrationId);
    if (current.status !== 'offered' || !current.offerExpiresAt || current.offerExpiresAt > now) return false;
    await registrations.setStatus(tx, registrationId, { status: 'expired', now, offerExpiresAt: null });
    await mailer.enqueue(tx, { kind: 'offer_expired', ...about(current, edition) }, now);
    await promoteWaiting(tx, edition, now);
    return true;
  }

  return {
    /** A participant registers; an existing active registration with the same e-mail is returned instead. */
    register: (editionId: string, input: RegistrationInput) => register(editionId, input, 'self'),
    /** The organizer adds someone by hand: no registration window, but the same seats and waiting list. */
    addByOrganizer: (editionId: string, input: RegistrationInput) => register(editionId, input, 'organizer'),

    cancelWithToken: (registrationId: string, manageToken: string) => cancelRegistration(registrationId, checkToken(manageToken)),
    cancelByOrganizer: (registrationId: string) => cancelRegistration(registrationId, () => undefined),

    /** Claims an offered seat before its deadline. */
    async acceptOffer(registrationId: string, manageToken: string): Promise<Registration> {
      const outcome = await db.transaction(async (tx) => {
        const now = clock.now();
        const r = await mustFind(tx, registrationId);
        checkToken(manageToken)(r);
        const edition = await lockEdition(tx, r.editionId);
        const current = await mustFind(tx, registrationId);
        if (current.status === 'confirmed') return current;
        if (current.status !== 'offered') throw new AppError('ERR_NO_OFFER');
        if (current.offerExpiresAt && current.offerExpiresAt <= now) return 'expired' as const;
        await registrations.setStatus(tx, registrationId, { status: 'confirmed', now, offerExpiresAt: null });
        const confirmed = await mustFind(tx, registrationId);
        await mailer.enqueue(tx, { kind: 'registration_confirmed', ...about(confirmed, edition) }, now);
        return confirmed;
      });
      if (outcome === 'expired') {
        await db.transaction((tx) => expireOffer(tx, registrationId, clock.now()));
        mailer.wake();
        throw new AppError('ERR_OFFER_EXPIRED');
      }
      mailer.wake();
      return outcome;
    },

    /** Fills free seats after a change of capacity or moderators. The caller holds the edition's lock. */
    promoteWaiting,

    /** Passes on every offer whose deadline has passed. Returns how many expired. */
    async expireOffers(): Promise<number> {
      let expired = 0;
      for (const offer of await registrations.expiredOffers(db, clock.now())) {
        if (await db.transaction((tx) => expireOffer(tx, offer.id, clock.now()))) expired++;
      }
      if (expired > 0) mailer.wake();
      return expired;
    },

    /** Queues the 24 h and 1 h reminders that are due. Returns how many were queued. */
    async sendReminders(): Promise<number> {
      let queued = 0;
      for (const candidate of await registrations.reminderCandidates(db, clock.now())) {
        const sent = await db.transaction(async (tx) => {
          const now = clock.now();
          const r = await mustFind(tx, candidate.id);
          const edition = await editions.findEdition(tx, r.editionId);
          if (!edition || r.status !== 'confirmed') return false;
          const due = dueReminder({
            now,
            startsAt: edition.startsAt,
            confirmedAt: r.confirmedAt ?? r.createdAt,
            sent24h: r.reminder24hAt !== null,
            sent1h: r.reminder1hAt !== null,
          });
          if (due === null) return false;
          if (due === 'skip_24h') {
            await registrations.markReminder(tx, r.id, '24h', now);
            return false;
          }
          // A 1 h reminder makes the 24 h one pointless if it never went out.
          if (due === '1h' && r.reminder24hAt === null) await registrations.markReminder(tx, r.id, '24h', now);
          await registrations.markReminder(tx, r.id, due, now);
          await mailer.enqueue(tx, { kind: due === '24h' ? 'reminder_24h' : 'reminder_1h', ...about(r, edition) }, now);
          return true;
        });
        if (sent) queued++;
      }
      if (queued > 0) mailer.wake();
      return queued;
    },

    async findByManageToken(token: string): Promise<{ registration: Registration; edition: Edition }> {
      const registration = await registrations.findByManageToken(db, token);
      if (!registration) throw new AppError('ERR_INVALID_TOKEN');
      const edition = await editions.findEdition(db, registration.editionId);
      if (!edition) throw new AppError('ERR_EDITION_NOT_FOUND');
      return { registration, edition };
    },

    /** Which edition a personal join link belongs to (the live connection needs it). */
    async findByJoinToken(token: string): Promise<Registration> {
      const registration = await registrations.findByJoinToken(db, token);
      if (!registration) throw new AppError('ERR_INVALID_TOKEN');
      return registration;
    },

    async findById(registrationId: string): Promise<Registration> {
      return mustFind(db, registrationId);
    },

    listForEdition: (editionId: string) => registrations.listByEdition(db, editionId),

    /** The .ics download of the manage page: the same event (UID, SEQUENCE) as the mailed invites. */
    calendarFile: (r: Registration, e: Edition) =>
      buildRegistrationCalendarFile({ ...about(r, e), stamp: clock.now(), cancelled: !ACTIVE.has(r.status) }),
    toResult,
    facts: { edition: editionFacts, registration: registrationFacts },
  };
}
