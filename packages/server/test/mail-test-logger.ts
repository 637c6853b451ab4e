import type { MailLogger } from '../src/mail/mail-worker.js';

/** A logger that keeps what it is told, for assertions on log output. */
export function createRecordingLogger(): MailLogger & { entries: { level: 'info' | 'warn' | 'error'; obj: object; msg?: string | undefined }[] } {
  const entries: { level: 'info' | 'warn' | 'error'; obj: object; msg?: string | undefined }[] = [];
  return {
    entries,
    info: (obj, msg) => entries.push({ level: 'info', obj, msg }),
    warn: (obj, msg) => entries.push({ level: 'warn', obj, msg }),
    error: (obj, msg) => entries.push({ level: 'error', obj, msg }),
  };
}
