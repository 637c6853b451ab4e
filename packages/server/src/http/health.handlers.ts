import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../db/sql.js';

/** A part of the product that can be up or degraded without the whole being down. */
export interface HealthCheck {
  name: string;
  check(): Promise<{ status: 'up' | 'degraded' | 'off'; detail?: string }>;
}

const componentDto = z.object({ status: z.enum(['up', 'degraded', 'down', 'off']), detail: z.string().optional() });

/** 200 once the database answers (migrations run before listening), with each component's state. */
export const healthRoutes: FastifyPluginAsyncZod<{ db: Database; checks: HealthCheck[] }> = async (app, { db, checks }) => {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['ops'],
        summary: 'Readiness and the state of each component',
        response: {
          200: z.object({ status: z.enum(['ok', 'degraded']), components: z.record(z.string(), componentDto) }),
          503: z.object({ status: z.literal('down'), components: z.record(z.string(), componentDto) }),
        },
      },
    },
    async (_request, reply) => {
      const components: Record<string, z.infer<typeof componentDto>> = {};
      try {
        await db.query('SELECT 1 FROM schema_migrations LIMIT 1');
        components.database = { status: 'up', detail: db.kind };
      } catch (error) {
        components.database = { status: 'down', detail: (error as Error).message };
        return reply.status(503).send({ status: 'down', components });
      }
      for (const check of checks) {
        try {
          components[check.name] = await check.check();
        } catch (error) {
          components[check.name] = { status: 'degraded', detail: (error as Error).message };
        }
      }
      const degraded = Object.values(components).some((c) => c.status === 'degraded');
      return { status: degraded ? ('degraded' as const) : ('ok' as const), components };
    },
  );
};
