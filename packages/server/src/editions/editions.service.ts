import type { z } from 'zod';
import type { editionInputSchema, editionPatchSchema, seriesInputSchema } from '@tablehop/protocol';
import type { ServiceDeps } from '../deps.js';
import { AppError } from '../http/app-error.js';
import type { RegistrationService } from '../registration/registration.service.js';
import { nextOccurrences } from '../series/series.logic.js';
import type { Series } from '../series/series.types.js';
import type { Edition, EditionCounts } from './edition.types.js';
import { checkEditionChange, checkEditionDeletion, effectiveCapacity, registrationWindow, type EditionRefusal } from './editions.logic.js';
import type { EditionChanges, EditionsStore, SeriesChanges } from './editions.store.js';
import type { SeriesPatch } from '../series/series.schemas.js';
import type { AuthStore } from '../auth/auth.store.js';

type SeriesInput = z.output<typeof seriesInputSchema>;
type EditionInput = z.output<typeof editionInputSchema>;
type EditionPatch = z.output<typeof editionPatchSchema>;

const DAY_MS = 24 * 60 * 60 * 1000;

const refuse = (refusal: EditionRefusal | null) => {
  if (refusal) throw new AppError(refusal.code, refusal.message, 'details' in refusal ? refusal.details : undefined);
};

/** An edition with its live seat figures, as organizers see it. */
export interface EditionView extends Edition {
  capacity: number;
  capacityIsAuto: boolean;
  counts: EditionCounts;
  seatsLeft: number;
  registrationWindow: ReturnType<typeof registrationWindow>;
}

export type EditionsService = ReturnType<typeof createEditionsService>;

/** Series and their editions; changes that free seats hand over to the waiting list at once. */
export function createEditionsService(deps: ServiceDeps, stores: { editions: EditionsStore; users: AuthStore }, registration: RegistrationService) {
  const { db, clock } = deps;
  const { editions } = stores;

  async function view(id: string): Promise<EditionView> {
    const edition = await editions.findEdition(db, id);
    if (!edition) throw new AppError('ERR_EDITION_NOT_FOUND');
    const counts = await editions.countRegistrations(db, id);
    const capacity = effectiveCapacity(edition);
    return {
      ...edition,
      capacity,
      capacityIsAuto: edition.capacityOverride === null,
      counts,
      seatsLeft: Math.max(0, capacity - counts.confirmed - counts.offered),
      registrationWindow: registrationWindow(edition, clock.now()),
    };
  }

  async function mustFindSeries(id: string): Promise<Series> {
    const series = await editions.findSeries(db, id);
    if (!series) throw new AppError('ERR_SERIES_NOT_FOUND');
    return series;
  }

  /** Runs a change under the edition's lock, then fills any seats it freed. */
  async function changeEdition(
    editionId: string,
    change: (tx: Parameters<Parameters<typeof db.transaction>[0]>[0], edition: Edition) => Promise<void>,
  ) {
    await db.transaction(async (tx) => {
      const edition = await editions.findEdition(tx, editionId, { lock: true });
      if (!edition) throw new AppError('ERR_EDITION_NOT_FOUND');
      await change(tx, edition);
      const updated = await editions.findEdition(tx, editionId);
      if (updated) await registration.promoteWaiting(tx, updated, clock.now());
    });
    deps.mailer.wake();
    return view(editionId);
  }

  return {
    async createSeries(input: SeriesInput): Promise<Series> {
      const f = input.format ?? {};
      const series: Series = {
        id: deps.newId(),
        name: input.name,
        description: input.description ?? '',
        language: input.language,
        timeZone: input.timeZone,
        weekday: input.weekday,
        startTime: input.startTime,
        durationMinutes: input.durationMinutes,
        format: {
          groupSize: input.groupSize ?? f.groupSize ?? 6,
          rounds: input.rounds ?? f.rounds ?? 4,
          roundMinutes: input.roundMinutes ?? f.roundMinutes ?? 12,
          plenaryMinutes: input.plenaryMinutes ?? f.plenaryMinutes ?? 10,
          moderatorMode: input.moderatorMode ?? f.moderatorMode ?? 'rotate',
        },
        defaultCapacity: input.defaultCapacity ?? null,
        promotionMode: input.promotionMode,
        offerHours: input.offerHours,
        registrationOpensDays: input.registrationOpensDays,
        createdAt: clock.now(),
        icebreakers: input.icebreakers ?? [],
      };
      await editions.insertSeries(db, series);
      return series;
    },

    getSeries: mustFindSeries,
    listSeries: () => editions.listSeries(db),

    async createEdition(seriesId: string, input: EditionInput): Promise<EditionView> {
      const series = await mustFindSeries(seriesId);
      const id = deps.newId();
      await editions.insertEdition(db, {
        id,
        seriesId,
        startsAt: new Date(input.startsAt),
        durationMinutes: input.durationMinutes ?? series.durationMinutes,
        status: input.status,
        capacityOverride: input.capacity === undefined ? series.defaultCapacity : input.capacity,
        format: { ...series.format, ...input.format },
        promotionMode: input.promotionMode ?? series.promotionMode,
        offerHours: input.offerHours ?? series.offerHours,
        registrationOpensAt: input.registrationOpensAt ? new Date(input.registrationOpensAt) : null,
        registrationClosesAt: input.registrationClosesAt ? new Date(input.registrationClosesAt) : null,
        now: clock.now(),
        ...(input.icebreakers !== undefined ? { icebreakers: input.icebreakers } : {}),
      });
      return view(id);
    },

    /**
     * Creates the series' next `count` editions after its last one (or after now), open for
     * registration `registrationOpensDays` before each date.
     */
    async generateEditions(seriesId: string, count: number): Promise<EditionView[]> {
      const series = await mustFindSeries(seriesId);
      const existing = await editions.listEditions(db, seriesId);
      const last = existing.at(-1)?.startsAt;
      const now = clock.now();
      const after = last && last > now ? last : now;
      const created: EditionView[] = [];
      for (const startsAt of nextOccurrences(series, after, count)) {
        const id = deps.newId();
        await editions.insertEdition(db, {
          id,
          seriesId,
          startsAt,
          durationMinutes: series.durationMinutes,
          status: 'open',
          capacityOverride: series.defaultCapacity,
          format: series.format,
          promotionMode: series.promotionMode,
          offerHours: series.offerHours,
          registrationOpensAt: new Date(startsAt.getTime() - series.registrationOpensDays * DAY_MS),
          registrationClosesAt: null,
          now,
        });
        created.push(await view(id));
      }
      return created;
    },

    async listEditions(seriesId: string): Promise<EditionView[]> {
      await mustFindSeries(seriesId);
      const list = await editions.listEditions(db, seriesId);
      return Promise.all(list.map((e) => view(e.id)));
    },

    getEdition: view,

    async listUpcoming(limit = 20): Promise<EditionView[]> {
      const list = await editions.listUpcomingEditions(db, clock.now(), limit);
      return Promise.all(list.map((e) => view(e.id)));
    },

    async updateEdition(editionId: string, patch: EditionPatch): Promise<EditionView> {
      return changeEdition(editionId, async (tx, edition) => {
        const changes: EditionChanges = {};
        if (patch.capacity !== undefined) changes.capacityOverride = patch.capacity;
        if (patch.status !== undefined) changes.status = patch.status;
        if (patch.startsAt !== undefined) changes.startsAt = new Date(patch.startsAt);
        if (patch.durationMinutes !== undefined) changes.durationMinutes = patch.durationMinutes;
        if (patch.registrationOpensAt !== undefined)
          changes.registrationOpensAt = patch.registrationOpensAt ? new Date(patch.registrationOpensAt) : null;
        if (patch.registrationClosesAt !== undefined)
          changes.registrationClosesAt = patch.registrationClosesAt ? new Date(patch.registrationClosesAt) : null;
        if (patch.promotionMode !== undefined) changes.promotionMode = patch.promotionMode;
        if (patch.offerHours !== undefined) changes.offerHours = patch.offerHours;
        if (patch.format !== undefined) changes.format = { ...edition.format, ...patch.format };
        if (patch.icebreakers !== undefined) changes.icebreakers = patch.icebreakers;
        refuse(checkEditionChange(edition, { ...edition, ...changes }));
        await editions.updateEdition(tx, editionId, changes);
      });
    },

    /** Assigning a moderator adds a table's worth of seats when the capacity follows the moderators. */
    async assignModerator(editionId: string, userId: string): Promise<EditionView> {
      const user = await stores.users.findUserById(db, userId);
      if (!user) throw new AppError('ERR_MODERATOR_NOT_FOUND');
      return changeEdition(editionId, async (tx) => {
        await editions.assignModerator(tx, editionId, userId);
      });
    },

    async unassignModerator(editionId: string, userId: string): Promise<EditionView> {
      return changeEdition(editionId, async (tx) => {
        if (!(await editions.unassignModerator(tx, editionId, userId)))
          throw new AppError('ERR_MODERATOR_NOT_FOUND', 'This moderator is not assigned to this edition.');
      });
    },

    listModeratorIds: (editionId: string) => editions.listModeratorIds(db, editionId),
    listAssignedModerators: (editionId: string) => editions.listAssignedModerators(db, editionId),

    /**
     * Changes a series. Name, description, language and schedule show on all its editions at once;
     * format, default capacity and waiting-list settings apply to editions created from now on.
     */
    async updateSeries(seriesId: string, patch: SeriesPatch): Promise<Series> {
      const series = await mustFindSeries(seriesId);
      const { format, ...rest } = patch;
      const changes: SeriesChanges = { ...rest };
      if (format !== undefined) changes.format = { ...series.format, ...format };
      await editions.updateSeries(db, seriesId, changes);
      return mustFindSeries(seriesId);
    },

    /** Deletes a series with its editions, unless one of them has run or still has people registered. */
    async deleteSeries(seriesId: string): Promise<void> {
      await db.transaction(async (tx) => {
        if (!(await editions.findSeries(tx, seriesId))) throw new AppError('ERR_SERIES_NOT_FOUND');
        for (const { id } of await editions.listEditions(tx, seriesId)) {
          const edition = await editions.findEdition(tx, id, { lock: true });
          if (edition) refuse(checkEditionDeletion(edition, await editions.countRegistrations(tx, id)));
        }
        await editions.deleteSeries(tx, seriesId);
      });
    },

    /** Deletes an edition that never ran and that nobody is registered for (cancelled ones go with it). */
    async deleteEdition(editionId: string): Promise<void> {
      await db.transaction(async (tx) => {
        const edition = await editions.findEdition(tx, editionId, { lock: true });
        if (!edition) throw new AppError('ERR_EDITION_NOT_FOUND');
        refuse(checkEditionDeletion(edition, await editions.countRegistrations(tx, editionId)));
        await editions.deleteEdition(tx, editionId);
      });
    },
  };
}
