import { errorCodes, type ErrorCode } from '@tablehop/protocol';

/** An error meant for the client: its code picks the HTTP status and default message. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
  ) {
    super(message ?? errorCodes[code].message);
    this.status = errorCodes[code].status;
  }
}
