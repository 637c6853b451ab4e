import { afterEach, beforeEach, vi, type Mock } from 'vitest';
import { cleanup } from '@testing-library/react';

/** A JSON response as the API sends it. */
export const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/**
 * For every test of the calling file (jsdom): the interface in English, `fetch` replaced by the
 * returned mock and, given `now`, the clock (Date only) frozen there. After each test: unmounts,
 * resets the mock and undoes all of it.
 */
export function setupFetchMock(options: { now?: string } = {}): Mock<typeof fetch> {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    window.localStorage.setItem('tablehop.language', 'en');
    if (options.now) {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(options.now));
    }
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => {
    cleanup();
    fetchMock.mockReset();
    if (options.now) vi.useRealTimers();
    vi.unstubAllGlobals();
    window.localStorage.clear();
  });
  return fetchMock;
}
