import { parseMime } from '../../packages/server/test/mail-mime';
import { startSmtpTestServer } from '../../packages/server/test/smtp-test-server';
import { until } from './live-edition';

/**
 * The inbox of everyone in the golden scenario: a real SMTP server in this process (the product is
 * started with `SMTP_URL` pointing at it), so every link a person follows comes from a mail the
 * product really sent.
 */
export interface Mail {
  to: string;
  subject: string;
  /** The text/plain part, decoded. */
  text: string;
  /** Every http(s) link of the text part, in order. */
  links: string[];
}

export interface Mailbox {
  smtpUrl: string;
  all(): Mail[];
  /** The first mail (oldest first) to `to` that `match` accepts; waits for it. */
  waitFor(what: string, to: string, match?: (mail: Mail) => boolean, timeoutMs?: number): Promise<Mail>;
  close(): Promise<void>;
}

/** `=?UTF-8?Q?…?=` / `=?UTF-8?B?…?=` words of a header, decoded. */
export function decodeHeader(value: string): string {
  return value.replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=\s*/g, (_, _charset: string, encoding: string, text: string) => {
    if (encoding.toUpperCase() === 'B') return Buffer.from(text, 'base64').toString('utf8');
    const bytes = text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  });
}

export function readMail(raw: string, to: string): Mail {
  const { headers, parts } = parseMime(raw);
  const text = parts.find((p) => p.contentType.toLowerCase().startsWith('text/plain'))?.body ?? '';
  const links = [...text.matchAll(/https?:\/\/[^\s<>"')]+/g)].map((m) => m[0].replace(/[.,;]+$/, ''));
  return { to: to.toLowerCase(), subject: decodeHeader(headers.subject ?? ''), text, links };
}

export async function startMailbox(): Promise<Mailbox> {
  const smtp = await startSmtpTestServer();
  const parsed: Mail[] = [];
  const all = () => {
    // Parse what arrived since the last look (one recipient per mail in this product).
    for (const received of smtp.received.slice(parsed.length)) parsed.push(readMail(received.raw, received.to[0] ?? ''));
    return parsed.slice();
  };
  return {
    smtpUrl: smtp.url,
    all,
    waitFor: (what, to, match = () => true, timeoutMs = 30_000) =>
      until(`mail to ${to}: ${what}`, () => all().find((m) => m.to === to.toLowerCase() && match(m)), timeoutMs, 100),
    close: () => smtp.close(),
  };
}

/** The link of a mail whose path starts with `prefix` (e.g. `/join/`), or an error naming the mail. */
export function linkIn(mail: Mail, prefix: string): string {
  const link = mail.links.find((l) => new URL(l).pathname.startsWith(prefix));
  if (!link) throw new Error(`no ${prefix} link in the mail "${mail.subject}" to ${mail.to}: ${mail.links.join(', ')}`);
  return link;
}
