import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { moderatorEditionsSchema } from '@tablehop/protocol';
import type { Clock } from '../clock.js';
import type { Database } from '../db/sql.js';
import { currentUser, type Guards } from '../http/guards.js';
import { pickModeratorEditions } from './moderator-editions.logic.js';
import type { ModeratorEditionsStore } from './moderator-editions.store.js';

/** `GET /api/moderator/editions`: the logged-in moderator's upcoming and running editions, with where to open them live. */
export const moderatorEditionsRoutes: FastifyPluginAsyncZod<{ db: Database; clock: Clock; store: ModeratorEditionsStore; guards: Guards }> = async (
  app,
  { db, clock, store, guards },
) => {
  app.get(
    '/api/moderator/editions',
    {
      preHandler: guards.staff,
      schema: {
        tags: ['moderators'],
        summary: 'My editions as moderator: running ones first, then upcoming by start (drafts and ended ones left out)',
        security: [{ session: [] }],
        response: { 200: moderatorEditionsSchema },
      },
    },
    async (request) => ({
      editions: pickModeratorEditions(await store.listAssigned(db, currentUser(request).id), clock.now().getTime()),
    }),
  );
};
