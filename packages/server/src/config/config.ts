import { z } from 'zod';

/** Everything the server reads from the environment, validated once at start. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  smtpUrl: string | undefined;
  publicUrl: string;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  rateLimit: boolean;
  logLevel: string;
  /** Create the demo series with an open edition when the database has no series yet. */
  demo: boolean;
}

const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATABASE_URL: z
      .string()
      .optional()
      .refine((v) => !v || /^postgres(ql)?:\/\//.test(v), 'must be a postgres:// URL'),
    TABLEHOP_DATA_DIR: z.string().min(1).default('./data'),
    SMTP_URL: z
      .string()
      .optional()
      .refine((v) => !v || /^smtps?:\/\//.test(v), 'must be an smtp:// or smtps:// URL'),
    PUBLIC_URL: z
      .string()
      .optional()
      .refine((v) => {
        if (!v) return true;
        try {
          return ['http:', 'https:'].includes(new URL(v).protocol);
        } catch {
          return false;
        }
      }, 'must be an http(s):// URL'),
    TABLEHOP_ADMIN_EMAIL: z.email('must be an e-mail address').optional(),
    TABLEHOP_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
    TABLEHOP_RATE_LIMIT: z.enum(['on', 'off']).default('on'),
    TABLEHOP_DEMO: z.enum(['on', 'off']).default('on'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .refine((env) => Boolean(env.TABLEHOP_ADMIN_EMAIL) === Boolean(env.TABLEHOP_ADMIN_PASSWORD), {
    message: 'set TABLEHOP_ADMIN_EMAIL and TABLEHOP_ADMIN_PASSWORD together',
    path: ['TABLEHOP_ADMIN_PASSWORD'],
  });

export class ConfigError extends Error {}

/** Reads the configuration; throws a ConfigError listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  // Empty strings count as unset, as in most shells' `VAR= command`.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || 'environment'}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const port = e.PORT;
  return {
    port,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.TABLEHOP_DATA_DIR,
    smtpUrl: e.SMTP_URL,
    publicUrl: (e.PUBLIC_URL ?? `http://${e.HOST.includes(':') ? `[${e.HOST}]` : e.HOST}:${port}`).replace(/\/+$/, ''),
    adminEmail: e.TABLEHOP_ADMIN_EMAIL,
    adminPassword: e.TABLEHOP_ADMIN_PASSWORD,
    rateLimit: e.TABLEHOP_RATE_LIMIT === 'on',
    logLevel: e.LOG_LEVEL,
    demo: e.TABLEHOP_DEMO === 'on',
  };
}
