import { randomBytes } from 'node:crypto';

/**
 * `count` unguessable tokens in the format of `createToken` (32 random bytes, base64url, 43
 * characters), drawn from ONE call to the system's random source: for a batch of a thousand
 * registrations (two tokens each) that is one call instead of two thousand.
 */
export function createTokens(count: number): string[] {
  if (count <= 0) return [];
  const bytes = randomBytes(32 * count);
  return Array.from({ length: count }, (_, i) => bytes.subarray(32 * i, 32 * (i + 1)).toString('base64url'));
}
