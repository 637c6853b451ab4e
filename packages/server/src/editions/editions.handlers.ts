import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { editionInputSchema, editionPatchSchema, seriesInputSchema } from '@tablehop/protocol';
import { AppError } from '../http/app-error.js';
import type { Guards } from '../http/guards.js';
import { seriesDto, toSeriesDto } from '../series/series.dto.js';
import { seriesPatchSchema } from '../series/series.schemas.js';
import { editionDto, publicEditionDto, toEditionDto, toPublicEditionDto } from './edition.dto.js';
import type { EditionsService } from './editions.service.js';

const uuid = z.uuid('must be an id (uuid)');
const seriesParams = z.object({ seriesId: uuid });
const editionParams = z.object({ editionId: uuid });

/** The live engine, told when an edition's icebreaker prompts change (a running event shows them at once). */
interface IcebreakersListener {
  icebreakersChanged(editionId: string, icebreakers: readonly string[]): void;
}

/** Series, editions and moderator assignments (organizers), plus the public view of an edition. */
export const editionsRoutes: FastifyPluginAsyncZod<{ editions: EditionsService; guards: Guards; live?: IcebreakersListener }> = async (
  app,
  { editions, guards, live },
) => {
  const organizer = { preHandler: guards.organizer };

  app.post(
    '/api/series',
    { ...organizer, schema: { tags: ['series'], summary: 'Create a weekly series', body: seriesInputSchema, response: { 201: seriesDto } } },
    async (request, reply) => reply.status(201).send(toSeriesDto(await editions.createSeries(request.body))),
  );

  app.get(
    '/api/series',
    { ...organizer, schema: { tags: ['series'], summary: 'All series', response: { 200: z.object({ series: z.array(seriesDto) }) } } },
    async () => ({
      series: (await editions.listSeries()).map(toSeriesDto),
    }),
  );

  app.get(
    '/api/series/:seriesId',
    { ...organizer, schema: { tags: ['series'], summary: 'One series', params: seriesParams, response: { 200: seriesDto } } },
    async (request) => toSeriesDto(await editions.getSeries(request.params.seriesId)),
  );

  app.patch(
    '/api/series/:seriesId',
    {
      ...organizer,
      schema: {
        tags: ['series'],
        summary: 'Change a series: name, schedule and language show on all its editions; format and capacity apply to new editions',
        params: seriesParams,
        body: seriesPatchSchema,
        response: { 200: seriesDto },
      },
    },
    async (request) => toSeriesDto(await editions.updateSeries(request.params.seriesId, request.body)),
  );

  app.delete(
    '/api/series/:seriesId',
    {
      ...organizer,
      schema: {
        tags: ['series'],
        summary: 'Delete a series with its editions; 409 when one of them has run or still has people registered',
        params: seriesParams,
        response: { 200: z.object({ deleted: z.literal(true) }) },
      },
    },
    async (request, reply) => {
      await editions.deleteSeries(request.params.seriesId);
      return reply.send({ deleted: true as const });
    },
  );

  app.get(
    '/api/series/:seriesId/editions',
    {
      ...organizer,
      schema: {
        tags: ['editions'],
        summary: 'The editions of a series, by date',
        params: seriesParams,
        response: { 200: z.object({ editions: z.array(editionDto) }) },
      },
    },
    async (request) => ({ editions: (await editions.listEditions(request.params.seriesId)).map(toEditionDto) }),
  );

  app.post(
    '/api/series/:seriesId/editions',
    {
      ...organizer,
      schema: {
        tags: ['editions'],
        summary: 'Create one edition (open for registration unless status "draft"); capacity omitted or null = moderators x group size',
        params: seriesParams,
        body: editionInputSchema,
        response: { 201: editionDto },
      },
    },
    async (request, reply) => reply.status(201).send(toEditionDto(await editions.createEdition(request.params.seriesId, request.body))),
  );

  app.post(
    '/api/series/:seriesId/editions/generate',
    {
      ...organizer,
      schema: {
        tags: ['editions'],
        summary: 'Create the next N editions from the weekly rule',
        params: seriesParams,
        body: z.object({ count: z.number().int().min(1).max(52) }),
        response: { 201: z.object({ editions: z.array(editionDto) }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send({ editions: (await editions.generateEditions(request.params.seriesId, request.body.count)).map(toEditionDto) }),
  );

  app.get(
    '/api/editions/:editionId',
    {
      ...organizer,
      schema: { tags: ['editions'], summary: 'An edition with its seat figures', params: editionParams, response: { 200: editionDto } },
    },
    async (request) => toEditionDto(await editions.getEdition(request.params.editionId)),
  );

  app.patch(
    '/api/editions/:editionId',
    {
      ...organizer,
      schema: {
        tags: ['editions'],
        summary: 'Change an edition (capacity, status, window, format); freed seats go to the waiting list at once',
        params: editionParams,
        body: editionPatchSchema,
        response: { 200: editionDto },
      },
    },
    async (request) => {
      const edition = toEditionDto(await editions.updateEdition(request.params.editionId, request.body));
      if (request.body.icebreakers !== undefined) live?.icebreakersChanged(edition.id, edition.icebreakers ?? []);
      return edition;
    },
  );

  app.delete(
    '/api/editions/:editionId',
    {
      ...organizer,
      schema: {
        tags: ['editions'],
        summary: 'Delete an edition; 409 when it has run or still has people registered (confirmed, offered or waiting)',
        params: editionParams,
        response: { 200: z.object({ deleted: z.literal(true) }) },
      },
    },
    async (request, reply) => {
      await editions.deleteEdition(request.params.editionId);
      return reply.send({ deleted: true as const });
    },
  );

  app.get(
    '/api/editions/:editionId/moderators',
    {
      ...organizer,
      schema: {
        tags: ['moderators'],
        summary: 'The moderators assigned to an edition, by name (moderatorIds: the same, ids only)',
        params: editionParams,
        response: {
          200: z.object({
            moderatorIds: z.array(z.string()),
            moderators: z.array(z.object({ id: z.string(), name: z.string(), email: z.string() })),
          }),
        },
      },
    },
    async (request) => {
      await editions.getEdition(request.params.editionId);
      const moderators = await editions.listAssignedModerators(request.params.editionId);
      return { moderatorIds: moderators.map((m) => m.id).sort(), moderators };
    },
  );

  app.post(
    '/api/editions/:editionId/moderators',
    {
      ...organizer,
      schema: {
        tags: ['moderators'],
        summary: 'Assign a moderator to an edition',
        params: editionParams,
        body: z.object({ moderatorId: uuid }),
        response: { 200: editionDto },
      },
    },
    async (request) => toEditionDto(await editions.assignModerator(request.params.editionId, request.body.moderatorId)),
  );

  app.delete(
    '/api/editions/:editionId/moderators/:moderatorId',
    {
      ...organizer,
      schema: {
        tags: ['moderators'],
        summary: 'Remove a moderator from an edition',
        params: z.object({ editionId: uuid, moderatorId: uuid }),
        response: { 200: editionDto },
      },
    },
    async (request) => toEditionDto(await editions.unassignModerator(request.params.editionId, request.params.moderatorId)),
  );

  app.get(
    '/api/public/editions',
    {
      schema: {
        tags: ['public'],
        summary: 'Upcoming published editions, soonest first',
        response: { 200: z.object({ editions: z.array(publicEditionDto) }) },
      },
    },
    async () => ({ editions: (await editions.listUpcoming()).map(toPublicEditionDto) }),
  );

  app.get(
    '/api/public/editions/:editionId',
    {
      schema: {
        tags: ['public'],
        summary: 'What anybody may see of an edition, e.g. for the registration page',
        params: editionParams,
        response: { 200: publicEditionDto },
      },
    },
    async (request) => {
      const edition = await editions.getEdition(request.params.editionId);
      if (edition.status === 'draft') throw new AppError('ERR_EDITION_NOT_FOUND'); // not published yet
      return toPublicEditionDto(edition);
    },
  );
};
