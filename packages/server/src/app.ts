import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { authRoutes } from './auth/auth.handlers.js';
import { createAuthService } from './auth/auth.service.js';
import { pgAuthStore } from './auth/pg-auth.store.js';
import type { Clock } from './clock.js';
import type { Database } from './db/sql.js';
import type { ServiceDeps } from './deps.js';
import { editionsRoutes } from './editions/editions.handlers.js';
import { seriesDatesRoutes } from './editions/series-dates.handlers.js';
import { createEditionsService } from './editions/editions.service.js';
import { pgEditionsStore } from './editions/pg-editions.store.js';
import { installErrorHandler } from './http/error-handler.js';
import { followupRoutes } from './followup/followup.handlers.js';
import { createFollowupService } from './followup/followup.service.js';
import { pgFollowupStore } from './followup/pg-followup.store.js';
import { inviteesRoutes } from './invitees/invitees.handlers.js';
import { createInviteesService } from './invitees/invitees.service.js';
import { mailPreviewRoutes } from './mail/mail-preview.handlers.js';
import { createGuards } from './http/guards.js';
import { healthRoutes, type HealthCheck } from './http/health.handlers.js';
import type { LiveEngine } from './live/live-engine.port.js';
import { liveSocketRoutes } from './live/live-socket.handlers.js';
import { createRealScheduler, type LiveScheduler } from './live/live-scheduler.js';
import { createLiveService } from './live/live.service.js';
import { pgLiveStore } from './live/pg-live.store.js';
import type { Mailer } from './mail/mailer.js';
import type { MediaService } from './media/media.service.js';
import { pgRegistrationsStore } from './registration/pg-registrations.store.js';
import { registrationRoutes } from './registration/registration.handlers.js';
import { createRegistrationService } from './registration/registration.service.js';
import { sectorsRoutes } from './sectors/sectors.handlers.js';
import { pgReportsStore } from './reports/pg-reports.store.js';
import { reportsRoutes } from './reports/reports.handlers.js';
import { createReportsService } from './reports/reports.service.js';
import { icebreakersRoutes } from './icebreakers/icebreakers.handlers.js';
import { pgIcebreakersStore } from './icebreakers/icebreakers.store.js';
import { moderatorEditionsRoutes } from './moderator-editions/moderator-editions.handlers.js';
import { pgModeratorEditionsStore } from './moderator-editions/moderator-editions.store.js';
import { pgSectorsStore } from './sectors/sectors.store.js';

export interface AppOptions {
  db: Database;
  clock: Clock;
  mailer: Mailer;
  publicUrl: string;
  /** false turns every rate limit off (benchmarks, most tests). */
  rateLimit: boolean;
  logger: FastifyBaseLogger | false;
  /** Extra lines for /api/health, e.g. the mail worker. */
  healthChecks?: HealthCheck[];
  /** The built web app to serve; skipped when absent. */
  webDistDir?: string;
  newId?: () => string;
  /** Replaces the live engine behind `GET /api/live` (transport tests use a fake). */
  liveEngine?: LiveEngine;
  /** Timers of the live engine; tests pass a fake one and fire deadlines by hand. */
  liveScheduler?: LiveScheduler;
  /** Video rooms (`media/`); `main.ts` starts them (`startMedia`). Without it clients are told there is no video. */
  media?: MediaService;
}

/** Builds the whole HTTP app on the adapters it is given; `main.ts` adds the real ones and listens. */
export async function buildApp(options: AppOptions) {
  const app = Fastify({
    loggerInstance: options.logger || undefined,
    logger: options.logger ? undefined : false,
    bodyLimit: 256 * 1024,
    // Off: with it on, anyone could pick their own X-Forwarded-For and dodge the rate limits.
    trustProxy: false,
    genReqId: () => randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  // Responses are shaped by the *.dto.ts mappers and type-checked against the route's schema at
  // compile time; re-validating every response with zod at run time cost a third of the request
  // time when a thousand people register at once. The schemas still document the API (OpenAPI).
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  const serveWeb = Boolean(options.webDistDir && existsSync(options.webDistDir));
  installErrorHandler(app, serveWeb ? { appShell: (_request, reply) => reply.sendFile('index.html') } : {});
  app.decorateRequest('user', null);

  const deps: ServiceDeps = {
    db: options.db,
    clock: options.clock,
    mailer: options.mailer,
    publicUrl: options.publicUrl,
    newId: options.newId ?? randomUUID,
  };
  const auth = createAuthService(deps, pgAuthStore);
  const registration = createRegistrationService(deps, { registrations: pgRegistrationsStore, editions: pgEditionsStore, sectors: pgSectorsStore });
  const editions = createEditionsService(deps, { editions: pgEditionsStore, users: pgAuthStore }, registration);
  const guards = createGuards(auth);
  const followup = createFollowupService(
    deps,
    { followup: pgFollowupStore, editions: pgEditionsStore, registrations: pgRegistrationsStore },
    { registration, editions },
  );
  const realScheduler = options.liveScheduler ? null : createRealScheduler(options.clock);
  const live = createLiveService(deps, pgLiveStore, {
    scheduler: options.liveScheduler ?? realScheduler!,
    onError: (error) => app.log.error({ err: error }, 'live engine'),
    ...(options.media ? { media: options.media } : {}),
  });
  // Editions that were running when the process stopped resume here (deadlines that passed are applied in order).
  await live.start();
  app.addHook('onClose', async () => {
    live.stop();
    realScheduler?.clearAll();
    await live.idle();
  });

  await app.register(cookie);
  if (options.rateLimit) await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Tablehop API',
        version: '0.1.0',
        description:
          'Registration, editions, moderators and the live event (WebSocket `GET /api/live`, see packages/protocol). Errors: `{ "error": { "code", "message" } }`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'tablehop_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });

  const media = options.media;
  const mediaCheck: HealthCheck[] = media
    ? [
        {
          name: 'media',
          // Without video the event still runs: a media server that is down makes the product degraded, not down.
          async check() {
            const { status, detail } = media.health();
            return { status: status === 'down' ? 'degraded' : status, detail };
          },
        },
      ]
    : [];
  await app.register(healthRoutes, { db: options.db, checks: [...(options.healthChecks ?? []), ...mediaCheck] });
  await app.register(authRoutes, {
    auth,
    guards,
    secureCookies: options.publicUrl.startsWith('https://'),
    loginRateLimit: options.rateLimit ? { max: 10, timeWindow: '1 minute' } : undefined,
  });
  await app.register(editionsRoutes, { editions, guards, live });
  await app.register(registrationRoutes, {
    registration,
    editions,
    guards,
    clock: options.clock,
    registrationRateLimit: options.rateLimit ? { max: 300, timeWindow: '1 minute' } : undefined,
  });
  await app.register(sectorsRoutes, { db: options.db, store: pgSectorsStore, guards });
  await app.register(seriesDatesRoutes, { db: options.db, store: pgEditionsStore, editions, clock: options.clock });
  await app.register(reportsRoutes, { reports: createReportsService({ db: options.db }, pgReportsStore), guards });
  await app.register(followupRoutes, { followup, guards, rateLimit: options.rateLimit ? { max: 300, timeWindow: '1 minute' } : undefined });
  await app.register(icebreakersRoutes, { db: options.db, store: pgIcebreakersStore, guards, live });
  await app.register(moderatorEditionsRoutes, { db: options.db, clock: options.clock, store: pgModeratorEditionsStore, guards });
  await app.register(inviteesRoutes, { invitees: createInviteesService(deps, { editions, registration }, { sectors: pgSectorsStore }), guards });
  await app.register(mailPreviewRoutes, { editions, guards, clock: options.clock, publicUrl: options.publicUrl });
  // The live connection (WebSocket): transport in live/live-transport.ts, engine behind the LiveEngine port.
  await app.register(liveSocketRoutes, {
    engine: options.liveEngine ?? live,
    auth,
    publicUrl: options.publicUrl,
    now: () => options.clock.now().getTime(),
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // The built web app; files are looked up per request, so a rebuild needs no restart.
  if (serveWeb) await app.register(fastifyStatic, { root: options.webDistDir!, wildcard: true });

  return { app, services: { auth, registration, editions, live, followup } };
}

export type App = Awaited<ReturnType<typeof buildApp>>;
export type AppInstance = FastifyInstance;
