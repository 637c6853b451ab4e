/**
 * The one registry of error codes. Every API error body is
 * `{ "error": { "code": "ERR_…", "message": "…", "details"?: … } }` with the status given here.
 * Clients and tests switch on the code, never on the message.
 */
export const errorCodes = {
  ERR_VALIDATION: { status: 400, message: 'The request is not valid.' },
  ERR_BAD_JSON: { status: 400, message: 'The request body is not valid JSON.' },
  ERR_PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large.' },
  ERR_UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Send the request body as application/json.' },
  ERR_UNAUTHENTICATED: { status: 401, message: 'Log in first.' },
  ERR_INVALID_CREDENTIALS: { status: 401, message: 'E-mail address or password is wrong.' },
  ERR_CSRF: { status: 403, message: 'Missing or wrong x-csrf-token header.' },
  ERR_FORBIDDEN: { status: 403, message: 'You may not do this.' },
  ERR_INVALID_TOKEN: { status: 403, message: 'This link or token is not valid.' },
  ERR_TOKEN_EXPIRED: { status: 410, message: 'This link has expired.' },
  ERR_NOT_FOUND: { status: 404, message: 'Not found.' },
  ERR_SERIES_NOT_FOUND: { status: 404, message: 'This series does not exist.' },
  ERR_EDITION_NOT_FOUND: { status: 404, message: 'This edition does not exist.' },
  ERR_REGISTRATION_NOT_FOUND: { status: 404, message: 'This registration does not exist.' },
  ERR_ROUND_NOT_FOUND: { status: 404, message: 'This edition has no such round.' },
  ERR_MODERATOR_NOT_FOUND: { status: 404, message: 'This moderator does not exist.' },
  ERR_REGISTRATION_CLOSED: { status: 409, message: 'Registration for this edition is not open.' },
  ERR_ALREADY_CANCELLED: { status: 409, message: 'This registration is already cancelled.' },
  ERR_NO_OFFER: { status: 409, message: 'There is no open seat offer for this registration.' },
  ERR_OFFER_EXPIRED: { status: 410, message: 'The seat offer has expired.' },
  ERR_UNKNOWN_SECTOR: { status: 400, message: 'This sector is not in the list.' },
  ERR_CONFLICT: { status: 409, message: 'This conflicts with the current state.' },
  ERR_HAS_REGISTRATIONS: { status: 409, message: 'People are still registered: cancel their registrations first, or close registration instead.' },
  ERR_NOT_MET: { status: 404, message: 'You did not sit at a table with this person.' },
  ERR_CONTACT_NOT_SHARED: { status: 403, message: 'This person has not shared contact details with you.' },
  ERR_FEEDBACK_NOT_OPEN: { status: 409, message: 'Feedback opens when the event starts.' },
  ERR_NO_NEXT_EDITION: { status: 404, message: 'There is no next edition open for registration yet.' },
  ERR_EMAIL_TAKEN: { status: 409, message: 'A user with this e-mail address exists already.' },
  ERR_PROTOCOL_VERSION: { status: 426, message: 'This page is out of date; reload it.' },
  ERR_RATE_LIMITED: { status: 429, message: 'Too many requests; try again later.' },
  ERR_INTERNAL: { status: 500, message: 'Something went wrong on our side.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCodes;

/** The JSON body of every error response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}
