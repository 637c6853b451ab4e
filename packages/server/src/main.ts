import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { buildApp } from './app.js';
import { systemClock } from './clock.js';
import { ConfigError, loadConfig, type Config } from './config/config.js';
import { migrate } from './db/migrate.js';
import { openDatabase } from './db/open-database.js';
import { seedDemo } from './demo/demo-seed.js';
import { createFollowupJobs } from './followup/followup-jobs.js';
import { createJobRunner } from './jobs/job-runner.js';
import { createFileTransport } from './mail/file-transport.js';
import { createOutboxMailer } from './mail/mail.service.js';
import { createMailWorker } from './mail/mail-worker.js';
import { createPgOutboxStore } from './mail/pg-outbox.store.js';
import { createSmtpTransport } from './mail/smtp-transport.js';
import { attachJanusProxy } from './media/janus-proxy.js';
import { startMedia } from './media/media-setup.js';

const webDistDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** Starts Tablehop with the real adapters: database, mail transport and worker, jobs, HTTP. */
async function main(config: Config): Promise<void> {
  // Readable lines for a person at a terminal; JSON lines for log collectors.
  const logger = pino({
    level: config.logLevel,
    ...(process.stdout.isTTY ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } } : {}),
  });
  mkdirSync(config.dataDir, { recursive: true });
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const applied = await migrate(db);
  logger.info({ database: db.kind, applied }, applied.length > 0 ? `migrated: ${applied.join(', ')}` : 'database up to date');

  const clock = systemClock;
  const outbox = createPgOutboxStore(db);
  const smtp = config.smtpUrl ? createSmtpTransport(config.smtpUrl) : undefined;
  const from = smtp?.from ?? `Tablehop <noreply@${new URL(config.publicUrl).hostname}>`;
  const transport = smtp ?? createFileTransport({ dir: join(config.dataDir, 'outbox'), logger, from });
  // Calendar clients apply a cancellation only from the organizer of the invite: make it the sender.
  // wakeDelayMs: mails follow their change within a second, and the worker stays out of the way
  // of a registration rush (composing mails competes with requests for this one thread).
  const worker = createMailWorker({ store: outbox, transport, clock, logger, organizer: parseAddress(from), wakeDelayMs: 1000 });
  const mailer = createOutboxMailer({ outbox, wake: () => worker.wake() });

  // Video: our own supervised Janus, JANUS_URLS, or none (the product then runs without video).
  const mediaLog = logger.child({ component: 'media' });
  const media = await startMedia(config.media, {
    dataDir: config.dataDir,
    publicUrl: config.publicUrl,
    log: { info: (m) => mediaLog.info(m), warn: (m) => mediaLog.warn(m), error: (m) => mediaLog.error(m) },
  });

  const { app, services } = await buildApp({
    db,
    clock,
    mailer,
    media: media.media,
    publicUrl: config.publicUrl,
    rateLimit: config.rateLimit,
    logger,
    webDistDir,
    healthChecks: [
      {
        name: 'mail',
        async check() {
          const counts = await outbox.countByState(clock.now());
          const detail = `${config.smtpUrl ? 'smtp' : 'files in data/outbox'}; pending ${counts.pending}, failed ${counts.failed}`;
          return { status: counts.failed > 0 ? 'degraded' : 'up', detail };
        },
      },
    ],
  });

  // Browsers reach Janus' WebSocket API through this server (`/janus`), so one origin and port suffice.
  const janusProxy = attachJanusProxy(app.server, media.proxyRoutes, {
    publicOrigin: new URL(config.publicUrl).origin,
    log: { warn: (m) => mediaLog.warn(m) },
  });

  await ensureOrganizer(config, db, services, logger);
  if (config.demo) {
    const editionId = await seedDemo(db, services);
    if (editionId) logger.info(`demo series "Virtuele vrijdag" created; register at ${config.publicUrl}/e/${editionId}`);
  }

  const jobs = createJobRunner(
    [
      { name: 'expire-offers', intervalMs: 60_000, run: () => services.registration.expireOffers() },
      { name: 'reminders', intervalMs: 60_000, run: () => services.registration.sendReminders() },
      ...createFollowupJobs(services.followup),
    ],
    logger,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: shutting down`);
    janusProxy.close();
    await app.close();
    await media.stop();
    await jobs.stop();
    await worker.stop();
    await transport.close?.();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  // A deep accept queue: when registration opens, hundreds connect in the same second, and a
  // connection dropped from a full queue only retries after a one-second SYN timeout.
  await app.listen({ port: config.port, host: config.host, backlog: 4096 });
  worker.start();
  jobs.start();
  if (!existsSync(webDistDir)) logger.warn(`web app not built (${webDistDir}); run "npm run build" for the pages`);
  logger.info(`Tablehop is ready at ${config.publicUrl} (API docs: ${config.publicUrl}/api/openapi.json)`);
}

/** `"Name" <a@b>` or `Name <a@b>` or `a@b` -> name and address. */
function parseAddress(address: string): { name: string; email: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(address);
  return match ? { name: match[1] || 'Tablehop', email: match[2]! } : { name: 'Tablehop', email: address.trim() };
}

/**
 * The first organizer: from TABLEHOP_ADMIN_EMAIL/PASSWORD (created, or its password reset), or on
 * a fresh install without them a generated one, whose password is written to the data folder.
 */
async function ensureOrganizer(
  config: Config,
  db: Awaited<ReturnType<typeof openDatabase>>,
  services: Awaited<ReturnType<typeof buildApp>>['services'],
  logger: pino.Logger,
) {
  if (config.adminEmail && config.adminPassword) {
    await services.auth.ensureOrganizer(config.adminEmail, config.adminPassword);
    logger.info(`organizer ${config.adminEmail} ready`);
    return;
  }
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE role = 'organizer'`);
  if ((row?.n ?? 0) > 0) return;
  const email = 'admin@tablehop.local';
  const password = randomBytes(12).toString('base64url');
  await services.auth.ensureOrganizer(email, password);
  const file = join(config.dataDir, 'admin-password.txt');
  writeFileSync(file, `${email}\n${password}\n`, { mode: 0o600 });
  logger.warn(
    `created organizer ${email} with password ${password} (also in ${file}); set TABLEHOP_ADMIN_EMAIL and TABLEHOP_ADMIN_PASSWORD to choose your own`,
  );
}

try {
  await main(loadConfig(process.env));
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`Tablehop failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}
