import type { MailKind, MailMessage, RenderedMail } from './mail.types.js';
import { buildRegistrationIcs, type MailOrganizer } from './ics.js';
import { escapeHtml } from './mail-format.logic.js';
import { writeMailContent, type MailContent } from './mail-texts.logic.js';

/** Settings of rendering that are not part of the message. */
export interface RenderMailOptions {
  /**
   * The invite's DTSTAMP (when this copy of the event was made). Pass the clock's `now`; without
   * it the stamp is the Unix epoch, which is valid but gives calendars no tie-breaker between
   * copies with the same SEQUENCE.
   */
  now?: Date;
  /** The invite's ORGANIZER; use the same address as the mail's From. See `buildRegistrationIcs`. */
  organizer?: MailOrganizer;
}

/** Which mails carry which invite: confirmations and reminders invite, a cancellation cancels. */
export const inviteMethodByKind: Record<MailKind, 'REQUEST' | 'CANCEL' | null> = {
  registration_confirmed: 'REQUEST',
  registration_promoted: 'REQUEST',
  reminder_24h: 'REQUEST',
  reminder_1h: 'REQUEST',
  registration_cancelled: 'CANCEL',
  registration_waitlisted: null,
  seat_offered: null,
  offer_expired: null,
  manage_link: null,
  follow_up: null,
  magic_login: null,
  moderator_invite: null,
};

/**
 * Turns a mail message into subject, plain-text and HTML bodies and, where the kind promises one,
 * a calendar invite; in the recipient's language, dates in the edition's time zone. Pure.
 */
export function renderMail(message: MailMessage, options: RenderMailOptions = {}): RenderedMail {
  const content = writeMailContent(message);
  const rendered: RenderedMail = {
    kind: message.kind,
    to: { address: message.to.email, name: message.to.name },
    // A line break in a subject (e.g. from a series name) would end the header; keep it one line.
    subject: content.subject.replace(/\s+/g, ' ').trim(),
    text: layoutText(content),
    html: layoutHtml(content, message.to.language),
  };
  if ('registration' in message) {
    rendered.registrationId = message.registration.id;
    const method = inviteMethodByKind[message.kind];
    if (method) {
      const ics = buildRegistrationIcs({
        to: message.to,
        edition: message.edition,
        registration: message.registration,
        method,
        stamp: options.now ?? new Date(0),
        ...(options.organizer ? { organizer: options.organizer } : {}),
      });
      rendered.ics = { content: ics, method };
    }
  }
  return rendered;
}

function layoutText(content: MailContent): string {
  const blocks: string[] = [content.greeting, ...content.paragraphs];
  if (content.details.length > 0) blocks.push(content.details.map((d) => `${d.label}: ${d.value}`).join('\n'));
  if (content.action) blocks.push(`${content.action.label}:\n${content.action.url}`);
  blocks.push(...content.afterAction);
  for (const link of content.links) blocks.push(`${link.label}:\n${link.url}`);
  blocks.push(content.closing.join('\n'));
  blocks.push(`-- \n${content.footer}`);
  return `${blocks.join('\n\n')}\n`;
}

const font = 'font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2933';

// Inline styles only: many mail clients strip <style> blocks. Every value goes through escapeHtml.
function layoutHtml(content: MailContent, language: string): string {
  const e = escapeHtml;
  const paragraph = (text: string) => `<p style="margin:0 0 16px">${e(text)}</p>`;
  const link = (l: { label: string; url: string }) => `<p style="margin:0 0 12px"><a href="${e(l.url)}" style="color:#0b5cad">${e(l.label)}</a></p>`;
  const parts: string[] = [paragraph(content.greeting), ...content.paragraphs.map(paragraph)];
  if (content.details.length > 0) {
    const rows = content.details
      .map(
        (d) =>
          `<tr><td style="padding:4px 16px 4px 0;color:#52606d">${e(d.label)}</td><td style="padding:4px 0;font-weight:bold">${e(d.value)}</td></tr>`,
      )
      .join('');
    parts.push(`<table role="presentation" style="border-collapse:collapse;margin:0 0 20px">${rows}</table>`);
  }
  if (content.action) {
    parts.push(
      `<p style="margin:24px 0"><a href="${e(content.action.url)}" style="display:inline-block;padding:12px 24px;background:#0b5cad;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:bold">${e(content.action.label)}</a></p>`,
      `<p style="margin:0 0 16px;font-size:13px;color:#52606d;word-break:break-all">${e(content.action.url)}</p>`,
    );
  }
  parts.push(...content.afterAction.map(paragraph), ...content.links.map(link));
  parts.push(`<p style="margin:24px 0 16px">${content.closing.map(e).join('<br>')}</p>`);
  parts.push(`<p style="margin:24px 0 0;font-size:12px;color:#7b8794">${e(content.footer)}</p>`);
  return [
    '<!doctype html>',
    `<html lang="${e(language)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>`,
    `<body style="margin:0;padding:24px;background:#f5f7fa"><div style="max-width:560px;margin:0 auto;padding:32px;background:#ffffff;border-radius:8px;${font}">`,
    ...parts,
    '</div></body></html>',
  ].join('\n');
}
