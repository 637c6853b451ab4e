import { z } from 'zod';
import type { MediaIceServer } from '@tablehop/protocol';

/** One external Janus instance of `JANUS_URLS`. */
export interface JanusInstanceConfig {
  /** Janus' WebSocket API as this server reaches it (without the Tablehop parameters). */
  url: string;
  apiSecret: string | undefined;
  adminKey: string | undefined;
  /** What browsers connect to; when absent the instance is served through this server at `/janus/<n>`. */
  publicUrl: string | undefined;
}

/** Video: which Janus, and the ICE settings for Janus and the browsers. */
export interface MediaConfig {
  /** `local`: start and supervise our own Janus; `external`: the instances of `JANUS_URLS`; `off`: no video. */
  mode: 'local' | 'external' | 'off';
  janusUrls: JanusInstanceConfig[];
  janusBinary: string;
  /** Install Janus with apt-get at start when it is missing (Debian/Ubuntu, as root). */
  installJanus: boolean;
  /** Written into the local Janus' `nat` / `media` sections. */
  nat1to1Mapping: string | undefined;
  iceEnforceList: string | undefined;
  rtpPortRange: string | undefined;
  /** STUN/TURN servers for the browsers' RTCPeerConnection. */
  iceServers: MediaIceServer[];
  iceTransportPolicy: 'all' | 'relay';
  /** Publisher bitrate cap in table rooms, bits/s. */
  tableBitrate: number;
}

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
  media: MediaConfig;
}

const iceServerSchema = z.object({
  urls: z.union([
    z.string().regex(/^(stun|stuns|turn|turns):/, 'must be a stun:/turn: URL'),
    z.array(z.string().regex(/^(stun|stuns|turn|turns):/)).min(1),
  ]),
  username: z.string().optional(),
  credential: z.string().optional(),
});

/** `ws://host:8188?apiSecret=…&adminKey=…&publicUrl=wss://…` -> an instance; throws a message on a bad one. */
function parseJanusUrl(entry: string): JanusInstanceConfig {
  const url = new URL(entry.trim());
  if (!['ws:', 'wss:'].includes(url.protocol)) throw new Error(`${entry}: must be a ws:// or wss:// URL`);
  const take = (key: string): string | undefined => {
    const value = url.searchParams.get(key) ?? undefined;
    url.searchParams.delete(key);
    return value || undefined;
  };
  const apiSecret = take('apiSecret');
  const adminKey = take('adminKey');
  const publicUrl = take('publicUrl');
  if (publicUrl && !/^wss?:\/\//.test(publicUrl)) throw new Error(`${entry}: publicUrl must be a ws:// or wss:// URL`);
  return { url: url.toString(), apiSecret, adminKey, publicUrl };
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
    TABLEHOP_MEDIA: z.enum(['local', 'off']).default('local'),
    JANUS_URLS: z
      .string()
      .optional()
      .superRefine((v, ctx) => {
        for (const entry of (v ?? '').split(',').filter((e) => e.trim())) {
          try {
            parseJanusUrl(entry);
          } catch (error) {
            ctx.addIssue({ code: 'custom', message: (error as Error).message });
          }
        }
      }),
    JANUS_BINARY: z.string().min(1).default('janus'),
    TABLEHOP_INSTALL_JANUS: z.enum(['on', 'off']).default('on'),
    JANUS_NAT_1_1_MAPPING: z
      .string()
      .regex(/^[0-9a-fA-F.:,]+$/, 'must be IP address(es), comma-separated')
      .optional(),
    JANUS_ICE_INTERFACES: z
      .string()
      .regex(/^[\w.:,-]+$/, 'must be interface names or IPs, comma-separated')
      .optional(),
    JANUS_RTP_PORT_RANGE: z
      .string()
      .regex(/^\d{1,5}-\d{1,5}$/, 'must look like 20000-40000')
      .optional(),
    TABLEHOP_ICE_SERVERS: z
      .string()
      .optional()
      .refine((v) => {
        if (!v) return true;
        try {
          return z.array(iceServerSchema).safeParse(JSON.parse(v)).success;
        } catch {
          return false;
        }
      }, 'must be a JSON array like [{"urls":"stun:stun.example.org:3478"},{"urls":"turn:turn.example.org","username":"u","credential":"p"}]'),
    TABLEHOP_ICE_TRANSPORT_POLICY: z.enum(['all', 'relay']).default('all'),
    TABLEHOP_MEDIA_BITRATE: z.coerce.number().int().min(64_000).max(4_000_000).default(384_000),
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
    media: {
      mode: e.JANUS_URLS ? 'external' : e.TABLEHOP_MEDIA,
      janusUrls: (e.JANUS_URLS ?? '')
        .split(',')
        .filter((entry) => entry.trim())
        .map(parseJanusUrl),
      janusBinary: e.JANUS_BINARY,
      installJanus: e.TABLEHOP_INSTALL_JANUS === 'on',
      nat1to1Mapping: e.JANUS_NAT_1_1_MAPPING,
      iceEnforceList: e.JANUS_ICE_INTERFACES,
      rtpPortRange: e.JANUS_RTP_PORT_RANGE,
      iceServers: e.TABLEHOP_ICE_SERVERS ? (JSON.parse(e.TABLEHOP_ICE_SERVERS) as MediaIceServer[]) : [],
      iceTransportPolicy: e.TABLEHOP_ICE_TRANSPORT_POLICY,
      tableBitrate: e.TABLEHOP_MEDIA_BITRATE,
    },
  };
}
