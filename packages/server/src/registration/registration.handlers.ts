import type { FastifyContextConfig } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registrationInputSchema, registrationStatusSchema } from '@tablehop/protocol';
import { toPublicEditionDto } from '../editions/edition.dto.js';
import type { EditionsService } from '../editions/editions.service.js';
import { systemClock, type Clock } from '../clock.js';
import { AppError } from '../http/app-error.js';
import type { Guards } from '../http/guards.js';
import { manageViewDto, registrationDto, registrationResultDto, toRegistrationDto } from './registration.dto.js';
import { manageLiveOf } from './manage-live.logic.js';
import type { RegistrationService } from './registration.service.js';
import { registrationsToCsv } from './registrations-csv.js';

const uuid = z.uuid('must be an id (uuid)');
const token = z.string().min(20, 'is not a valid token').max(200, 'is not a valid token');

export interface RegistrationRoutesOptions {
  registration: RegistrationService;
  editions: EditionsService;
  guards: Guards;
  registrationRateLimit: { max: number; timeWindow: string } | undefined;
  /** For the live stage of the manage view (doors open / ended); the system clock when omitted. */
  clock?: Clock;
}

/** Registering, the manage link (status, cancel, accept an offer, calendar) and the organizer's lists. */
export const registrationRoutes: FastifyPluginAsyncZod<RegistrationRoutesOptions> = async (app, options) => {
  const { registration, editions, guards } = options;
  const clock = options.clock ?? systemClock;
  const limited: FastifyContextConfig = options.registrationRateLimit ? { rateLimit: options.registrationRateLimit } : {};

  app.post(
    '/api/editions/:editionId/registrations',
    {
      config: limited,
      schema: {
        tags: ['registrations'],
        summary:
          'Register for an edition: 201 new (confirmed, or waitlisted with its position), 200 when this e-mail is registered already (the manage link is mailed again)',
        params: z.object({ editionId: uuid }),
        body: registrationInputSchema,
        response: { 200: registrationResultDto, 201: registrationResultDto },
      },
    },
    async (request, reply) => {
      const { created, result } = await registration.register(request.params.editionId, request.body);
      return reply.status(created ? 201 : 200).send(result);
    },
  );

  app.post(
    '/api/registrations/:registrationId/cancel',
    {
      config: limited,
      schema: {
        tags: ['registrations'],
        summary: 'Cancel with the personal manage token; the seat goes to the next person on the waiting list',
        params: z.object({ registrationId: uuid }),
        body: z.object({ manageToken: token }),
        response: { 200: registrationResultDto },
      },
    },
    async (request) => registration.toResult(await registration.cancelWithToken(request.params.registrationId, request.body.manageToken), false),
  );

  app.post(
    '/api/registrations/:registrationId/accept',
    {
      config: limited,
      schema: {
        tags: ['registrations'],
        summary: 'Claim a seat offered from the waiting list before its deadline',
        params: z.object({ registrationId: uuid }),
        body: z.object({ manageToken: token }),
        response: { 200: registrationResultDto },
      },
    },
    async (request) => registration.toResult(await registration.acceptOffer(request.params.registrationId, request.body.manageToken), false),
  );

  app.get(
    '/api/manage/:manageToken',
    {
      config: limited,
      schema: {
        tags: ['registrations'],
        summary: 'The registration behind a manage link, with its edition',
        params: z.object({ manageToken: token }),
        response: { 200: manageViewDto },
      },
    },
    async (request) => {
      const { registration: r } = await registration.findByManageToken(request.params.manageToken);
      const view = await editions.getEdition(r.editionId);
      const facts = registration.facts.registration(r);
      return {
        registration: toRegistrationDto(r),
        edition: toPublicEditionDto(view),
        joinUrl: r.status === 'confirmed' ? facts.joinUrl : null,
        calendarUrl: facts.calendarUrl,
        live: manageLiveOf(view, clock.now()),
      };
    },
  );

  app.get(
    '/api/join/:joinToken',
    {
      config: limited,
      schema: {
        tags: ['registrations'],
        summary: 'The edition and status behind a personal join link (what the join page needs before it connects)',
        params: z.object({ joinToken: token }),
        response: { 200: z.object({ editionId: z.string(), status: registrationStatusSchema }) },
      },
    },
    async (request) => {
      const r = await registration.findByJoinToken(request.params.joinToken);
      return { editionId: r.editionId, status: r.status };
    },
  );

  app.get(
    '/api/manage/:manageToken/calendar.ics',
    {
      config: limited,
      schema: { tags: ['registrations'], summary: 'The calendar file (RFC 5545) of a registration', params: z.object({ manageToken: token }) },
    },
    async (request, reply) => {
      const { registration: r, edition } = await registration.findByManageToken(request.params.manageToken);
      const file = registration.calendarFile(r, edition);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.content);
    },
  );

  // Organizers.
  const organizer = { preHandler: guards.organizer };

  app.get(
    '/api/editions/:editionId/registrations',
    {
      ...organizer,
      schema: {
        tags: ['registrations'],
        summary: 'Every registration of an edition (confirmed, offered, waitlisted, cancelled)',
        params: z.object({ editionId: uuid }),
        querystring: z.object({ status: z.enum(['confirmed', 'waitlisted', 'offered', 'cancelled', 'expired']).optional() }),
        response: { 200: z.object({ registrations: z.array(registrationDto) }) },
      },
    },
    async (request) => {
      await editions.getEdition(request.params.editionId);
      const all = await registration.listForEdition(request.params.editionId);
      const status = request.query.status;
      return { registrations: all.filter((r) => !status || r.status === status).map(toRegistrationDto) };
    },
  );

  app.get(
    '/api/editions/:editionId/registrations.csv',
    { ...organizer, schema: { tags: ['registrations'], summary: 'Every registration of an edition as CSV', params: z.object({ editionId: uuid }) } },
    async (request, reply) => {
      const edition = await editions.getEdition(request.params.editionId);
      const csv = registrationsToCsv(await registration.listForEdition(edition.id));
      const day = edition.startsAt.toISOString().slice(0, 10);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="registrations-${day}.csv"`)
        .send(csv);
    },
  );

  app.post(
    '/api/editions/:editionId/registrations/by-organizer',
    {
      ...organizer,
      schema: {
        tags: ['registrations'],
        summary: 'Add someone by hand (outside the registration window; same seats and waiting list)',
        params: z.object({ editionId: uuid }),
        body: registrationInputSchema,
        response: { 200: registrationDto, 201: registrationDto },
      },
    },
    async (request, reply) => {
      const { created, registration: r } = await registration.addByOrganizer(request.params.editionId, request.body);
      return reply.status(created ? 201 : 200).send(toRegistrationDto(r));
    },
  );

  app.post(
    '/api/editions/:editionId/registrations/:registrationId/cancel',
    {
      ...organizer,
      schema: {
        tags: ['registrations'],
        summary: 'Cancel a registration as the organizer',
        params: z.object({ editionId: uuid, registrationId: uuid }),
        response: { 200: registrationDto },
      },
    },
    async (request) => {
      const found = await registration.findById(request.params.registrationId);
      if (found.editionId !== request.params.editionId) throw new AppError('ERR_REGISTRATION_NOT_FOUND');
      return toRegistrationDto(await registration.cancelByOrganizer(found.id));
    },
  );
};
