import type { FastifyContextConfig } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  feedbackInputSchema,
  feedbackViewSchema,
  metPersonSchema,
  metViewSchema,
  moderatorFeedbackListSchema,
  nextEditionViewSchema,
  nextRegistrationSchema,
  retentionInputSchema,
} from '@tablehop/protocol';
import type { Guards } from '../http/guards.js';
import { currentUser } from '../http/guards.js';
import type { FollowupService } from './followup.service.js';

const uuid = z.uuid('must be an id (uuid)');
const token = z.string().min(20, 'is not a valid token').max(200, 'is not a valid token');
const manage = z.object({ manageToken: token });
const withPerson = z.object({ manageToken: token, registrationId: uuid });

export interface FollowupRoutesOptions {
  followup: FollowupService;
  guards: Guards;
  rateLimit: { max: number; timeWindow: string } | undefined;
}

/**
 * After the event, with the personal manage token: whom I met, contact exchange, vCards, feedback,
 * the next edition, my data (export, delete). Plus moderators' feedback and the series' retention.
 */
export const followupRoutes: FastifyPluginAsyncZod<FollowupRoutesOptions> = async (app, options) => {
  const { followup, guards } = options;
  const config: FastifyContextConfig = options.rateLimit ? { rateLimit: options.rateLimit } : {};
  const tags = ['after the event'];

  app.get(
    '/api/manage/:manageToken/met',
    {
      config,
      schema: {
        tags,
        summary: 'The people I sat with, per round (recorded seatings); contact details only where both sides agreed',
        params: manage,
        response: { 200: metViewSchema },
      },
    },
    async (request) => followup.met(request.params.manageToken),
  );

  app.post(
    '/api/manage/:manageToken/contacts/:registrationId',
    {
      config,
      schema: {
        tags,
        summary: 'Ask to connect with someone I sat with, or accept their request (idempotent)',
        params: withPerson,
        response: { 200: metPersonSchema },
      },
    },
    async (request) => followup.connect(request.params.manageToken, request.params.registrationId),
  );

  app.delete(
    '/api/manage/:manageToken/contacts/:registrationId',
    {
      config,
      schema: { tags, summary: 'Withdraw my request to connect (idempotent)', params: withPerson, response: { 200: metPersonSchema } },
    },
    async (request) => followup.withdraw(request.params.manageToken, request.params.registrationId),
  );

  app.get(
    '/api/manage/:manageToken/vcard/:registrationId',
    {
      config,
      schema: { tags, summary: 'The vCard (.vcf) of someone I met whose contact details are shared with me', params: withPerson },
    },
    async (request, reply) => {
      const file = await followup.vcard(request.params.manageToken, request.params.registrationId);
      return reply
        .header('content-type', 'text/vcard; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(file.content);
    },
  );

  app.get(
    '/api/manage/:manageToken/feedback',
    { config, schema: { tags, summary: 'My feedback on the edition (null until given)', params: manage, response: { 200: feedbackViewSchema } } },
    async (request) => followup.getFeedback(request.params.manageToken),
  );

  app.put(
    '/api/manage/:manageToken/feedback',
    {
      config,
      schema: {
        tags,
        summary: 'Give or change my feedback: rating 1-5, would recommend 0-10, comment',
        params: manage,
        body: feedbackInputSchema,
        response: { 200: feedbackViewSchema },
      },
    },
    async (request) => followup.saveFeedback(request.params.manageToken, request.body),
  );

  app.get(
    '/api/manage/:manageToken/next',
    {
      config,
      schema: {
        tags,
        summary: 'The next open edition of the series (null when none) and the details a one-click registration would use',
        params: manage,
        response: { 200: nextEditionViewSchema },
      },
    },
    async (request) => followup.nextEdition(request.params.manageToken),
  );

  app.post(
    '/api/manage/:manageToken/next',
    {
      config,
      schema: {
        tags,
        summary: 'Register for the next open edition with my stored details (normal seats and waiting list): 201 new, 200 registered already',
        params: manage,
        response: { 200: nextRegistrationSchema, 201: nextRegistrationSchema },
      },
    },
    async (request, reply) => {
      const outcome = await followup.registerNext(request.params.manageToken);
      return reply.status(outcome.created ? 201 : 200).send(outcome);
    },
  );

  app.get(
    '/api/manage/:manageToken/export',
    {
      config,
      schema: {
        tags,
        summary: 'Everything stored about me (all my registrations by e-mail, seatings, contact requests, feedback) as JSON',
        params: manage,
      },
    },
    async (request, reply) => {
      const data = await followup.exportData(request.params.manageToken);
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="tablehop-my-data-${data.exportedAt.slice(0, 10)}.json"`)
        .header('cache-control', 'no-store')
        .send(JSON.stringify(data, null, 2));
    },
  );

  app.delete(
    '/api/manage/:manageToken',
    {
      config,
      schema: {
        tags,
        summary:
          'Delete my personal data: upcoming registrations are cancelled, every registration with my e-mail is anonymized, my links stop working',
        params: manage,
        response: { 200: z.object({ anonymized: z.number() }) },
      },
    },
    async (request) => followup.deleteMe(request.params.manageToken),
  );

  // Moderators give their own feedback on an edition they were assigned to.
  app.get(
    '/api/moderator/feedback',
    {
      preHandler: guards.staff,
      schema: {
        tags,
        summary: 'My editions as a moderator that have started, newest first, with my feedback on each',
        response: { 200: moderatorFeedbackListSchema },
      },
    },
    async (request) => followup.listModeratorFeedback(currentUser(request)),
  );
  const editionParams = z.object({ editionId: uuid });
  app.get(
    '/api/editions/:editionId/moderator-feedback',
    {
      preHandler: guards.staff,
      schema: { tags, summary: 'My feedback as a moderator of this edition', params: editionParams, response: { 200: feedbackViewSchema } },
    },
    async (request) => followup.getModeratorFeedback(request.params.editionId, currentUser(request)),
  );
  app.put(
    '/api/editions/:editionId/moderator-feedback',
    {
      preHandler: guards.staff,
      schema: {
        tags,
        summary: 'Give or change my feedback as a moderator of this edition',
        params: editionParams,
        body: feedbackInputSchema,
        response: { 200: feedbackViewSchema },
      },
    },
    async (request) => followup.saveModeratorFeedback(request.params.editionId, currentUser(request), request.body),
  );

  // The organizer's retention period per series.
  const seriesParams = z.object({ seriesId: uuid });
  const retention = z.object({ retentionDays: z.number().nullable() });
  app.get(
    '/api/series/:seriesId/retention',
    {
      preHandler: guards.organizer,
      schema: {
        tags: ['series'],
        summary: 'Days after an edition when its personal data is removed (null: kept)',
        params: seriesParams,
        response: { 200: retention },
      },
    },
    async (request) => followup.getRetention(request.params.seriesId),
  );
  app.put(
    '/api/series/:seriesId/retention',
    {
      preHandler: guards.organizer,
      schema: {
        tags: ['series'],
        summary: 'Set the retention period of a series (null keeps personal data); a daily job removes it when due',
        params: seriesParams,
        body: retentionInputSchema,
        response: { 200: retention },
      },
    },
    async (request) => followup.setRetention(request.params.seriesId, request.body.retentionDays),
  );
};
