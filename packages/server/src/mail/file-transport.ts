import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { systemClock, type Clock } from '../clock.js';
import type { MailTransport } from './mail.types.js';
import type { MailLogger } from './mail-worker.js';
import { extractLinks, toNodemailerMessage } from './nodemailer-message.js';

export interface FileTransportOptions {
  /** Folder for the .eml files, e.g. `<data dir>/outbox`; created when missing. */
  dir: string;
  logger: MailLogger;
  from?: string;
  clock?: Clock;
}

/**
 * The transport when `SMTP_URL` is not set: each mail becomes a complete MIME message
 * (`<timestamp>-<id>-<kind>.eml`, invite included) that any mail client opens, and its subject,
 * recipient and links go to the log, so a developer clicks the join or login link from there.
 */
export function createFileTransport(options: FileTransportOptions): MailTransport {
  const from = options.from ?? 'Tablehop <noreply@localhost>';
  const clock = options.clock ?? systemClock;
  // streamTransport builds the exact message SMTP would carry, without sending it anywhere.
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    async send(mail) {
      const { message } = await composer.sendMail(toNodemailerMessage(mail, from));
      await mkdir(options.dir, { recursive: true });
      const stamp = clock.now().toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
      const file = join(options.dir, `${stamp}-${mail.id}-${mail.kind}.eml`);
      await writeFile(file, message as Buffer);
      options.logger.info(
        { mailId: mail.id, kind: mail.kind, to: mail.to.address, subject: mail.subject, links: extractLinks(mail.text), file },
        `mail written to ${file}: "${mail.subject}" to ${mail.to.address}`,
      );
    },
  };
}
