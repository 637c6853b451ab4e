import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Guards } from '../http/guards.js';
import type { InviteesService } from './invitees.service.js';

const outcomes = ['confirmed', 'waitlisted', 'duplicate', 'already_registered', 'invalid'] as const;
const row = z.object({
  line: z.number(),
  name: z.string(),
  email: z.string(),
  company: z.string(),
  outcome: z.enum(outcomes),
  waitlistPosition: z.number().nullable(),
  issues: z.array(z.object({ field: z.string(), message: z.string() })),
});
const counts = z.object({
  total: z.number(),
  confirmed: z.number(),
  waitlisted: z.number(),
  duplicate: z.number(),
  already_registered: z.number(),
  invalid: z.number(),
});
const body = z.object({
  csv: z.string().min(1, 'is empty').max(240_000, 'the file is too large (at most 240 KB)'),
});
const params = z.object({ editionId: z.uuid('must be an id (uuid)') });

/** POST …/invitees/preview and …/invitees/import: a CSV of invitees (`name,email,company,…`) as text. */
export const inviteesRoutes: FastifyPluginAsyncZod<{ invitees: InviteesService; guards: Guards }> = async (app, { invitees, guards }) => {
  app.post(
    '/api/editions/:editionId/invitees/preview',
    {
      preHandler: guards.organizer,
      schema: {
        tags: ['registrations'],
        summary: 'What importing a CSV of invitees would do, row by row (nothing is saved)',
        params,
        body,
        response: { 200: z.object({ rows: z.array(row), summary: counts }) },
      },
    },
    async (request) => invitees.preview(request.params.editionId, request.body.csv),
  );

  app.post(
    '/api/editions/:editionId/invitees/import',
    {
      preHandler: guards.organizer,
      schema: {
        tags: ['registrations'],
        summary: 'Add the good rows of a CSV of invitees as registrations by the organizer (same seats, waiting list and mails)',
        params,
        body,
        response: {
          200: z.object({
            rows: z.array(row.extend({ outcome: z.enum([...outcomes, 'failed']) })),
            summary: counts.extend({ failed: z.number() }),
          }),
        },
      },
    },
    async (request) => invitees.import(request.params.editionId, request.body.csv),
  );
};
