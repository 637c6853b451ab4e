import type {
  FeedbackView,
  MetPerson,
  ModeratorFeedbackList,
  MetView,
  NextEditionView,
  NextRegistration,
  RegistrationInput,
} from '@tablehop/protocol';
import type { feedbackInputSchema } from '@tablehop/protocol';
import type { z } from 'zod';
import type { User } from '../auth/auth.store.js';
import { createToken } from '../auth/tokens.js';
import type { ServiceDeps } from '../deps.js';
import { toPublicEditionDto } from '../editions/edition.dto.js';
import type { Edition } from '../editions/edition.types.js';
import type { EditionsService } from '../editions/editions.service.js';
import type { EditionsStore } from '../editions/editions.store.js';
import { AppError } from '../http/app-error.js';
import type { MailMessage } from '../mail/mail.types.js';
import type { Registration, RegistrationsStore } from '../registration/registration.store.js';
import type { RegistrationService } from '../registration/registration.service.js';
import { connectionState, contactRevealed, findTablemates, type ContactFacts } from './followup.logic.js';
import type { FollowupStore, PersonCard } from './followup.store.js';
import { buildPersonalExport, type PersonalExport } from './followup-export.js';
import { buildVcard } from './followup-vcard.js';

type FeedbackInput = z.output<typeof feedbackInputSchema>;

const DAY_MS = 24 * 60 * 60 * 1000;
/** Editions that ended longer ago than this get no follow-up mail (e.g. after an upgrade that added it). */
const FOLLOW_UP_WINDOW_MS = 14 * DAY_MS;
const ACTIVE = new Set(['confirmed', 'waitlisted', 'offered']);

export interface FollowupStores {
  followup: FollowupStore;
  editions: EditionsStore;
  registrations: RegistrationsStore;
}

export type FollowupService = ReturnType<typeof createFollowupService>;

/**
 * After the event: whom a participant met (from the recorded seatings), contact exchange with mutual
 * consent, feedback, the follow-up mail with a one-click registration for the next edition, the
 * person's data export and deletion, and the retention of a series. Reached with the manage token.
 */
export function createFollowupService(
  deps: ServiceDeps,
  stores: FollowupStores,
  services: { registration: RegistrationService; editions: EditionsService },
) {
  const { db, clock, mailer, publicUrl } = deps;
  const { followup } = stores;
  const { registration, editions } = services;

  const links = (r: Registration) => {
    const base = `${publicUrl}/manage/${r.manageToken}`;
    return { metUrl: `${base}/met`, feedbackUrl: `${base}/feedback`, nextUrl: `${base}/next` };
  };

  async function owner(token: string) {
    return registration.findByManageToken(token);
  }

  const facts = (me: Registration, other: PersonCard, requests: { from: string; to: string }[]): ContactFacts => ({
    iAsked: requests.some((c) => c.from === me.id && c.to === other.id),
    theyAsked: requests.some((c) => c.from === other.id && c.to === me.id),
    iShare: me.shareContact,
    theyShare: other.shareContact && other.anonymizedAt === null,
  });

  function toMetPerson(me: Registration, other: PersonCard, requests: { from: string; to: string }[]): MetPerson {
    const f = facts(me, other, requests);
    const revealed = other.anonymizedAt === null && contactRevealed(f);
    return {
      kind: 'participant',
      registrationId: other.id,
      name: other.name,
      company: other.company,
      jobTitle: other.jobTitle,
      sector: other.sector,
      offer: other.offer,
      lookingFor: other.lookingFor,
      connection: other.anonymizedAt === null ? connectionState(f) : 'none',
      sharedByConsent: revealed && f.iShare && f.theyShare,
      contact: revealed ? { email: other.email, linkedinUrl: other.linkedinUrl } : null,
    };
  }

  /** The person `otherId` if `me` sat with them; ERR_NOT_MET otherwise (also for ids of other editions). */
  async function mustHaveMet(me: Registration, otherId: string): Promise<PersonCard> {
    const seatings = await followup.listSeatings(db, me.editionId);
    const met = findTablemates(seatings, me.id).some((round) => round.registrationIds.includes(otherId));
    const [other] = met ? await followup.findPeople(db, me.editionId, [otherId]) : [];
    if (!other) throw new AppError('ERR_NOT_MET');
    return other;
  }

  async function personView(me: Registration, other: PersonCard): Promise<MetPerson> {
    return toMetPerson(me, other, await followup.contactRequestsOf(db, me.id));
  }

  function feedbackOpen(edition: Edition, now: Date): boolean {
    return edition.status === 'live' || edition.status === 'ended' || edition.startsAt <= now;
  }

  async function feedbackView(
    editionId: string,
    open: boolean,
    row: Awaited<ReturnType<FollowupStore['findRegistrationFeedback']>>,
  ): Promise<FeedbackView> {
    return {
      edition: toPublicEditionDto(await editions.getEdition(editionId)),
      open,
      feedback: row ? { rating: row.rating, recommend: row.recommend, comment: row.comment, updatedAt: row.updatedAt.toISOString() } : null,
    };
  }

  const write = (editionId: string, input: FeedbackInput) => ({
    id: deps.newId(),
    editionId,
    rating: input.rating,
    recommend: input.recommend ?? null,
    comment: input.comment ?? '',
    now: clock.now(),
  });

  async function mustModerate(editionId: string, user: User): Promise<Edition> {
    const edition = await stores.editions.findEdition(db, editionId);
    if (!edition) throw new AppError('ERR_EDITION_NOT_FOUND');
    if (!(await followup.isModeratorAssigned(db, editionId, user.id)))
      throw new AppError('ERR_FORBIDDEN', 'Only a moderator of this edition gives feedback on it.');
    return edition;
  }

  /** Anonymizes registrations in one transaction, each with fresh tokens that are never handed out. */
  async function anonymize(ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const rows = ids.map((id) => ({ id, manageToken: `revoked:${createToken()}`, joinToken: `revoked:${createToken()}` }));
    return db.transaction((tx) => followup.anonymize(tx, rows, clock.now()));
  }

  return {
    /** Everyone the token's owner sat with, per round, with what each may see of the other. */
    async met(token: string): Promise<MetView> {
      const { registration: me } = await owner(token);
      const seatings = await followup.listSeatings(db, me.editionId);
      const rounds = findTablemates(seatings, me.id);
      const people = new Map(
        (await followup.findPeople(db, me.editionId, [...new Set(rounds.flatMap((r) => r.registrationIds))])).map((p) => [p.id, p]),
      );
      const moderators = await followup.moderatorNames(db, [...new Set(rounds.flatMap((r) => r.moderatorIds))]);
      const requests = await followup.contactRequestsOf(db, me.id);
      return {
        edition: toPublicEditionDto(await editions.getEdition(me.editionId)),
        shareContact: me.shareContact,
        attended: seatings.some((s) => s.registrationId === me.id),
        rounds: rounds.map((r) => ({
          round: r.round,
          tables: r.tables,
          people: [
            ...r.moderatorIds.map((id): MetPerson => ({ kind: 'moderator', moderatorId: id, name: moderators.get(id) ?? '' })),
            ...r.registrationIds.flatMap((id) => {
              const person = people.get(id);
              return person ? [toMetPerson(me, person, requests)] : [];
            }),
          ],
        })),
      };
    },

    /** Asks to connect with someone met (or accepts their request); idempotent. */
    async connect(token: string, otherId: string): Promise<MetPerson> {
      const { registration: me } = await owner(token);
      const other = await mustHaveMet(me, otherId);
      if (other.anonymizedAt) throw new AppError('ERR_NOT_MET', 'This person has removed their data.');
      await followup.insertContactRequest(db, { editionId: me.editionId, from: me.id, to: other.id, createdAt: clock.now() });
      return personView(me, other);
    },

    /** Withdraws my request (or my side of a connection): their details are hidden again unless both opted in at registration. */
    async withdraw(token: string, otherId: string): Promise<MetPerson> {
      const { registration: me } = await owner(token);
      const other = await mustHaveMet(me, otherId);
      await followup.deleteContactRequest(db, me.id, other.id);
      return personView(me, other);
    },

    /** The vCard of someone met whose details are revealed to me; ERR_CONTACT_NOT_SHARED otherwise. */
    async vcard(token: string, otherId: string): Promise<{ filename: string; content: string }> {
      const { registration: me, edition } = await owner(token);
      const other = await mustHaveMet(me, otherId);
      const view = await personView(me, other);
      if (view.kind !== 'participant' || !view.contact) throw new AppError('ERR_CONTACT_NOT_SHARED');
      return buildVcard(other, { seriesName: edition.seriesName, startsAt: edition.startsAt, language: me.language });
    },

    async getFeedback(token: string): Promise<FeedbackView> {
      const { registration: me, edition } = await owner(token);
      const open = me.status === 'confirmed' && feedbackOpen(edition, clock.now());
      return feedbackView(me.editionId, open, await followup.findRegistrationFeedback(db, me.id));
    },

    /** Saves (or replaces) the person's one feedback on the edition. */
    async saveFeedback(token: string, input: FeedbackInput): Promise<FeedbackView> {
      const { registration: me, edition } = await owner(token);
      if (me.status !== 'confirmed' || !feedbackOpen(edition, clock.now())) throw new AppError('ERR_FEEDBACK_NOT_OPEN');
      await followup.upsertRegistrationFeedback(db, me.id, write(me.editionId, input));
      return feedbackView(me.editionId, true, await followup.findRegistrationFeedback(db, me.id));
    },

    async getModeratorFeedback(editionId: string, user: User): Promise<FeedbackView> {
      const edition = await mustModerate(editionId, user);
      return feedbackView(editionId, feedbackOpen(edition, clock.now()), await followup.findModeratorFeedback(db, editionId, user.id));
    },

    /** The moderator's editions that have started, newest first, with the feedback given on each. */
    async listModeratorFeedback(user: User): Promise<ModeratorFeedbackList> {
      const ids = await followup.startedEditionsOfModerator(db, user.id, clock.now(), 20);
      const editionsWithFeedback = [];
      for (const id of ids) {
        const view = await feedbackView(id, true, await followup.findModeratorFeedback(db, id, user.id));
        editionsWithFeedback.push({ edition: view.edition, feedback: view.feedback });
      }
      return { editions: editionsWithFeedback };
    },

    async saveModeratorFeedback(editionId: string, user: User, input: FeedbackInput): Promise<FeedbackView> {
      const edition = await mustModerate(editionId, user);
      if (!feedbackOpen(edition, clock.now())) throw new AppError('ERR_FEEDBACK_NOT_OPEN');
      await followup.upsertModeratorFeedback(db, user.id, write(editionId, input));
      return feedbackView(editionId, true, await followup.findModeratorFeedback(db, editionId, user.id));
    },

    /** The next open edition of the series, and whether this person is registered for it already. */
    async nextEdition(token: string): Promise<NextEditionView> {
      const { registration: me, edition } = await owner(token);
      const nextId = await followup.nextOpenEditionId(db, edition.seriesId, edition.startsAt, clock.now());
      const base = { name: me.name, email: me.email, company: me.company };
      if (!nextId) return { edition: null, existing: null, ...base };
      const [found] = (await registration.listForEdition(nextId)).filter(
        (r) => r.email.toLowerCase() === me.email.toLowerCase() && ACTIVE.has(r.status),
      );
      return {
        edition: toPublicEditionDto(await editions.getEdition(nextId)),
        existing: found ? registration.toResult(found, false) : null,
        ...base,
      };
    },

    /**
     * Registers the token's owner for the next open edition with their stored details, through the
     * normal registration (same seats, waiting list and mails). Proving the manage token proves the
     * mailbox, so the answer carries the manage link of the new (or existing) registration.
     */
    async registerNext(token: string): Promise<NextRegistration> {
      const { registration: me, edition } = await owner(token);
      const nextId = await followup.nextOpenEditionId(db, edition.seriesId, edition.startsAt, clock.now());
      if (!nextId) throw new AppError('ERR_NO_NEXT_EDITION');
      const input: RegistrationInput = {
        name: me.name,
        email: me.email,
        consent: true,
        company: me.company,
        sector: me.sector,
        jobTitle: me.jobTitle,
        offer: me.offer,
        lookingFor: me.lookingFor,
        linkedinUrl: me.linkedinUrl,
        language: me.language,
        shareContact: me.shareContact,
      };
      const outcome = await registration.register(nextId, input).catch((error: unknown) => {
        // A sector removed from the list since: register without it rather than fail.
        if (error instanceof AppError && error.code === 'ERR_UNKNOWN_SECTOR') return registration.register(nextId, { ...input, sector: '' });
        throw error;
      });
      return {
        created: outcome.created,
        result: { ...outcome.result, manageToken: null },
        manageUrl: `/manage/${outcome.registration.manageToken}`,
      };
    },

    /** Everything stored about the token's owner, across editions (by e-mail). */
    async exportData(token: string): Promise<PersonalExport> {
      const { registration: me } = await owner(token);
      return buildPersonalExport(me.email, await followup.personalData(db, me.email), clock.now());
    },

    /**
     * Forgets the token's owner: active registrations of editions still to come are cancelled first
     * (the seat goes to the waiting list, the calendar event is cancelled), then every registration
     * with this e-mail is anonymized.
     */
    async deleteMe(token: string): Promise<{ anonymized: number }> {
      const { registration: me } = await owner(token);
      const data = await followup.personalData(db, me.email);
      const now = clock.now();
      for (const r of data.registrations) {
        if (!ACTIVE.has(r.status) || r.startsAt <= now) continue;
        await registration.cancelByOrganizer(r.id).catch((error: unknown) => {
          if (!(error instanceof AppError)) throw error; // an edition that ended meanwhile: nothing to free
        });
      }
      return { anonymized: await anonymize(await followup.registrationIdsByEmail(db, me.email)) };
    },

    /** Job: queues the follow-up mail of every edition that ended, once, to those who were seated. */
    async queueFollowUps(): Promise<number> {
      let queued = 0;
      for (const editionId of await followup.editionsAwaitingFollowUp(db, new Date(clock.now().getTime() - FOLLOW_UP_WINDOW_MS))) {
        queued += await db.transaction(async (tx) => {
          const now = clock.now();
          if (!(await followup.claimFollowUp(tx, editionId, now))) return 0;
          const edition = await stores.editions.findEdition(tx, editionId);
          if (!edition) return 0;
          const nextId = await followup.nextOpenEditionId(tx, edition.seriesId, edition.startsAt, now);
          const next = nextId ? await stores.editions.findEdition(tx, nextId) : undefined;
          const messages: MailMessage[] = [];
          for (const id of await followup.attendedRegistrations(tx, editionId)) {
            const r = await stores.registrations.findById(tx, id);
            if (!r) continue;
            const l = links(r);
            messages.push({
              kind: 'follow_up',
              to: { email: r.email, name: r.name, language: r.language },
              edition: registration.facts.edition(edition),
              registration: registration.facts.registration(r),
              metUrl: l.metUrl,
              feedbackUrl: l.feedbackUrl,
              next: next ? { startsAt: next.startsAt.toISOString(), registerUrl: l.nextUrl } : null,
            });
          }
          await mailer.enqueueMany(tx, messages, now);
          return messages.length;
        });
      }
      if (queued > 0) mailer.wake();
      return queued;
    },

    /** Job: removes the personal data of past editions whose series' retention period has passed. */
    async applyRetention(): Promise<number> {
      let done = 0;
      for (;;) {
        const due = await followup.dueForRetention(db, clock.now(), 200);
        if (due.length === 0) break;
        const anonymized = await anonymize(due);
        done += anonymized;
        if (due.length < 200 || anonymized === 0) break;
      }
      await followup.scrubSentMailOfAnonymized(db);
      return done;
    },

    async getRetention(seriesId: string): Promise<{ retentionDays: number | null }> {
      const found = await followup.getRetention(db, seriesId);
      if (!found) throw new AppError('ERR_SERIES_NOT_FOUND');
      return found;
    },

    async setRetention(seriesId: string, retentionDays: number | null): Promise<{ retentionDays: number | null }> {
      if (!(await followup.setRetention(db, seriesId, retentionDays))) throw new AppError('ERR_SERIES_NOT_FOUND');
      return { retentionDays };
    },
  };
}
