import { describe, expect, test } from 'vitest';
import { createTokens } from './batch-tokens.js';

describe('createTokens', () => {
  test('gives as many tokens as asked, each 32 random bytes in base64url like createToken', () => {
    const tokens = createTokens(500);
    expect(tokens).toHaveLength(500);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    }
  });

  test('no two tokens alike, within a batch or across batches', () => {
    const tokens = [...createTokens(1000), ...createTokens(1000)];
    expect(new Set(tokens).size).toBe(2000);
  });

  test('nothing asked, nothing drawn', () => {
    expect(createTokens(0)).toEqual([]);
  });
});
