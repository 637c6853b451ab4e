import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../db/sql.js';
import type { Guards } from '../http/guards.js';
import type { SectorsStore } from './sectors.store.js';

const sectorName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((s) => !/[<>]/.test(s), 'must not contain < or >');

/** The sector list of the registration form. */
export const sectorsRoutes: FastifyPluginAsyncZod<{ db: Database; store: SectorsStore; guards: Guards }> = async (app, { db, store, guards }) => {
  app.get(
    '/api/sectors',
    {
      schema: { tags: ['public'], summary: 'Sectors to choose from when registering', response: { 200: z.object({ sectors: z.array(z.string()) }) } },
    },
    async () => ({
      sectors: await store.list(db),
    }),
  );

  app.put(
    '/api/sectors',
    {
      preHandler: guards.organizer,
      schema: {
        tags: ['sectors'],
        summary: 'Replace the sector list (order kept)',
        body: z.object({
          sectors: z
            .array(sectorName)
            .max(200)
            .refine((list) => new Set(list).size === list.length, 'must not repeat a sector'),
        }),
        response: { 200: z.object({ sectors: z.array(z.string()) }) },
      },
    },
    async (request) => {
      await db.transaction((tx) => store.replace(tx, request.body.sectors));
      return { sectors: await store.list(db) };
    },
  );
};
