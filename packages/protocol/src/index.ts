/** Version of the real-time protocol; bumped on every incompatible change to its messages. */
export const PROTOCOL_VERSION = 1;

export { errorCodes } from './errors.js';
export type { ErrorCode, ErrorBody } from './errors.js';
export * from './registration.js';
export * from './api.js';
export * from './live.js';
export * from './live-wire.js';
