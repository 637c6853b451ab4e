import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import type { Database } from '../db/sql.js';
import { AppError } from '../http/app-error.js';
import { publicEditionDto, toPublicEditionDto } from './edition.dto.js';
import type { EditionsService } from './editions.service.js';
import type { EditionsStore } from './editions.store.js';
import { pickSeriesDates } from './series-dates.logic.js';

export interface SeriesDatesRoutesOptions {
  db: Database;
  store: EditionsStore;
  editions: EditionsService;
  clock: Clock;
}

/** The public "next dates" of an edition's series (a separate file: the editions handlers belong to the organizer work). */
export const seriesDatesRoutes: FastifyPluginAsyncZod<SeriesDatesRoutesOptions> = async (app, { db, store, editions, clock }) => {
  app.get(
    '/api/public/editions/:editionId/siblings',
    {
      schema: {
        tags: ['public'],
        summary: 'The other upcoming editions of the same series (soonest first, at most `limit`, default 4), with their availability',
        params: z.object({ editionId: z.uuid('must be an id (uuid)') }),
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(12).default(4) }),
        response: { 200: z.object({ editions: z.array(publicEditionDto) }) },
      },
    },
    async (request) => {
      const self = await store.findEdition(db, request.params.editionId);
      if (!self || self.status === 'draft') throw new AppError('ERR_EDITION_NOT_FOUND');
      // Pick on the plain rows first, so only the few shown pay for their seat counts.
      const picked = pickSeriesDates(await store.listEditions(db, self.seriesId), self.id, clock.now(), request.query.limit);
      const views = await Promise.all(picked.map((e) => editions.getEdition(e.id)));
      return { editions: views.map(toPublicEditionDto) };
    },
  );
};
