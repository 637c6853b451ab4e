import type { SendMailOptions } from 'nodemailer';
import type { OutboxMail } from './mail.types.js';

/**
 * The nodemailer message of an outbox mail, shared by the SMTP and file transports so the .eml
 * a developer opens is the message a recipient would get.
 *
 * The invite goes in as `icalEvent`: nodemailer adds it both as a `text/calendar; method=…`
 * alternative (what makes clients show an invitation with the event) and as an `invite.ics`
 * attachment (for clients that ignore the alternative).
 */
export function toNodemailerMessage(mail: OutboxMail, from: string): SendMailOptions {
  const message: SendMailOptions = {
    from,
    to: { name: mail.to.name, address: mail.to.address },
    subject: mail.subject,
    text: mail.text,
    // A stable Message-ID per outbox row: a resend after a crash (see mail-worker.ts) carries the
    // same id, which most mailbox providers use to drop the duplicate.
    messageId: `<outbox-${mail.id}.${mail.kind.replace(/_/g, '-')}@${domainOf(from)}>`,
    headers: { 'X-Tablehop-Mail-Kind': mail.kind, 'Auto-Submitted': 'auto-generated' },
  };
  if (mail.html) message.html = mail.html;
  if (mail.ics) message.icalEvent = { method: mail.ics.method, content: mail.ics.content, filename: 'invite.ics' };
  return message;
}

/** Every http(s) link in a text, in order, without duplicates. */
export function extractLinks(text: string): string[] {
  return [...new Set(text.match(/https?:\/\/[^\s<>"]+/g) ?? [])];
}

function domainOf(from: string): string {
  const match = /@([^>\s]+)>?\s*$/.exec(from);
  return match?.[1] ?? 'tablehop.invalid';
}
