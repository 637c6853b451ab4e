import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { languageSchema } from '@tablehop/protocol';
import type { Clock } from '../clock.js';
import type { EditionsService } from '../editions/editions.service.js';
import type { Guards } from '../http/guards.js';
import { previewKinds, renderPreview } from './mail-preview.logic.js';

const editionId = z.uuid('must be an id (uuid)');

/** GET /api/editions/:id/mail-previews[/:kind]: every mail a participant or moderator can get, with sample data. */
export const mailPreviewRoutes: FastifyPluginAsyncZod<{ editions: EditionsService; guards: Guards; clock: Clock; publicUrl: string }> = async (
  app,
  { editions, guards, clock, publicUrl },
) => {
  app.get(
    '/api/editions/:editionId/mail-previews',
    {
      preHandler: guards.organizer,
      schema: {
        tags: ['mail'],
        summary: 'The kinds of mail that can be previewed for an edition',
        params: z.object({ editionId }),
        response: { 200: z.object({ kinds: z.array(z.enum(previewKinds)) }) },
      },
    },
    async (request) => {
      await editions.getEdition(request.params.editionId);
      return { kinds: [...previewKinds] };
    },
  );

  app.get(
    '/api/editions/:editionId/mail-previews/:kind',
    {
      preHandler: guards.organizer,
      schema: {
        tags: ['mail'],
        summary: 'One mail about this edition to a sample person, rendered as it is sent (lang: the recipient language, default the series language)',
        params: z.object({ editionId, kind: z.enum(previewKinds) }),
        querystring: z.object({ lang: languageSchema.optional() }),
        response: {
          200: z.object({
            kind: z.enum(previewKinds),
            language: languageSchema,
            to: z.string(),
            subject: z.string(),
            html: z.string(),
            text: z.string(),
            hasCalendarInvite: z.boolean(),
          }),
        },
      },
    },
    async (request) => {
      const edition = await editions.getEdition(request.params.editionId);
      const facts = {
        editionId: edition.id,
        seriesName: edition.seriesName,
        description: edition.description,
        startsAt: edition.startsAt,
        durationMinutes: edition.durationMinutes,
        timeZone: edition.timeZone,
        offerHours: edition.offerHours,
        promotionMode: edition.promotionMode,
      };
      return renderPreview(request.params.kind, facts, request.query.lang ?? edition.language, publicUrl, clock.now());
    },
  );
};
