export { errorCodes } from './errors.js';
export type { ErrorCode, ErrorBody } from './errors.js';
export * from './registration.js';
export * from './api.js';
export * from './live.js';
export * from './media.js';
export * from './live-wire.js';
export * from './live-client.js';
