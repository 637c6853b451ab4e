import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { icebreakersInputSchema } from '@tablehop/protocol';
import type { Database } from '../db/sql.js';
import { AppError } from '../http/app-error.js';
import type { Guards } from '../http/guards.js';
import type { IcebreakersStore } from './icebreakers.store.js';

/** Who hears of an edition's new prompts after they are saved: the live engine, so a running event shows them at once. */
export interface IcebreakersListener {
  icebreakersChanged(editionId: string, icebreakers: readonly string[]): void;
}

const body = z.object({ icebreakers: icebreakersInputSchema });
const reply = z.object({ icebreakers: z.array(z.string()) });

/**
 * The icebreaker prompts of a series (the default its new editions copy) and of one edition (what
 * its moderators and participants see, one per round). Also settable through the series and
 * edition create/update requests (`icebreakers`); these routes change only the prompts.
 */
export const icebreakersRoutes: FastifyPluginAsyncZod<{ db: Database; store: IcebreakersStore; guards: Guards; live?: IcebreakersListener }> = async (
  app,
  { db, store, guards, live },
) => {
  app.put(
    '/api/series/:seriesId/icebreakers',
    {
      preHandler: guards.organizer,
      schema: {
        tags: ['series'],
        summary: "Replace the series' icebreaker prompts (the default of editions created from now on)",
        params: z.object({ seriesId: z.uuid('must be an id (uuid)') }),
        body,
        response: { 200: reply },
      },
    },
    async (request) => {
      if (!(await store.setSeries(db, request.params.seriesId, request.body.icebreakers))) throw new AppError('ERR_SERIES_NOT_FOUND');
      return { icebreakers: request.body.icebreakers };
    },
  );

  app.put(
    '/api/editions/:editionId/icebreakers',
    {
      preHandler: guards.organizer,
      schema: {
        tags: ['editions'],
        summary: "Replace an edition's icebreaker prompts (one per round; they repeat when there are fewer than rounds)",
        params: z.object({ editionId: z.uuid('must be an id (uuid)') }),
        body,
        response: { 200: reply },
      },
    },
    async (request) => {
      if (!(await store.setEdition(db, request.params.editionId, request.body.icebreakers))) throw new AppError('ERR_EDITION_NOT_FOUND');
      live?.icebreakersChanged(request.params.editionId, request.body.icebreakers);
      return { icebreakers: request.body.icebreakers };
    },
  );
};
