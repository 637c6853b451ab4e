import nodemailer from 'nodemailer';
import type { MailTransport } from './mail.types.js';
import { toNodemailerMessage } from './nodemailer-message.js';

export interface SmtpTransportOptions {
  /**
   * The From address, e.g. `"Virtual Friday" <events@example.org>`. Defaults to the `from`
   * query parameter of the URL (`smtp://host:587?from=events%40example.org`), then to
   * `Tablehop <noreply@localhost>`.
   */
  from?: string;
}

/**
 * Sends mail over SMTP. `url` is `smtp://user:pass@host:587` (STARTTLS when offered) or
 * `smtps://user:pass@host:465` (TLS from the start); nodemailer reads further options from the
 * query string. Connections are pooled, since the worker sends a batch concurrently.
 */
export function createSmtpTransport(url: string, options: SmtpTransportOptions = {}): MailTransport & { from: string } {
  const parsed = new URL(url);
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') {
    throw new Error(`SMTP_URL must start with smtp:// or smtps://, got ${parsed.protocol}//`);
  }
  const from = options.from ?? parsed.searchParams.get('from') ?? 'Tablehop <noreply@localhost>';
  parsed.searchParams.delete('from');
  if (!parsed.searchParams.has('pool')) parsed.searchParams.set('pool', 'true');
  const transporter = nodemailer.createTransport(parsed.toString());
  return {
    from,
    async send(mail) {
      await transporter.sendMail(toNodemailerMessage(mail, from));
    },
    async close() {
      transporter.close();
    },
  };
}
