import type { MailMessage } from './mail.types.js';

/**
 * Turns a `MailMessage` that went through JSON (the outbox stores it as jsonb) back into one:
 * JSON keeps everything but dates, which come back as ISO strings; this revives `startsAt`,
 * `offerExpiresAt` and `expiresAt`. It checks nothing else: a malformed message fails when it is
 * rendered, where the mail worker counts it as a failed attempt.
 *
 * @example
 * reviveMailMessage(JSON.parse(JSON.stringify(message))) // deep-equals message
 */
export function reviveMailMessage(json: unknown): MailMessage {
  const message: Record<string, unknown> = { ...(json as Record<string, unknown>) };
  if (isRecord(message.edition)) message.edition = { ...message.edition, startsAt: toDate(message.edition.startsAt) };
  for (const key of ['offerExpiresAt', 'expiresAt'] as const) {
    if (key in message) message[key] = toDate(message[key]);
  }
  return message as unknown as MailMessage;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function toDate(value: unknown): unknown {
  return typeof value === 'string' ? new Date(value) : value;
}
