import { afterEach, describe, expect, test, vi } from 'vitest';
import { ApiError } from './api-client';
import { createAuthenticatedRequest, homeFor, loginPathFor, safeNextPath } from './session';

describe('where to go after logging in', () => {
  test.each([
    ['?next=%2Forganizer%2Feditions%2Fabc', '/organizer/editions/abc'],
    ['', '/organizer'],
    ['?next=https%3A%2F%2Fevil.example', '/organizer'],
    ['?next=%2F%2Fevil.example', '/organizer'],
    ['?next=%2F%5Cevil.example', '/organizer'],
  ])('%s goes to %s', (search, expected) => {
    expect(safeNextPath(search)).toBe(expected);
  });

  test.each([
    ['/organizer/sectors', '/login?next=%2Forganizer%2Fsectors'],
    ['/login?next=x', '/login'],
    ['//evil.example', '/login'],
  ])('a lost session on %s leads to %s', (path, expected) => {
    expect(loginPathFor(path)).toBe(expected);
  });
});

describe('createAuthenticatedRequest', () => {
  afterEach(() => vi.unstubAllGlobals());

  function answer(status: number, body: unknown) {
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => new Response(JSON.stringify(body), { status }));
    vi.stubGlobal('fetch', fetchMock);
    return fetchMock;
  }

  test('sends the CSRF token with the request', async () => {
    const fetchMock = answer(200, { ok: true });
    const request = createAuthenticatedRequest(
      () => 'csrf-123',
      () => {},
    );
    await request('/api/sectors', { method: 'PUT', body: { sectors: [] } });
    const headers = fetchMock.mock.calls[0]?.[1]?.headers as Record<string, string>;
    expect(headers['x-csrf-token']).toBe('csrf-123');
  });

  test('a 401 calls onUnauthenticated and still rejects with the code', async () => {
    answer(401, { error: { code: 'ERR_UNAUTHENTICATED', message: 'Log in first.' } });
    const onUnauthenticated = vi.fn();
    const request = createAuthenticatedRequest(() => undefined, onUnauthenticated);
    await expect(request('/api/series')).rejects.toMatchObject({ code: 'ERR_UNAUTHENTICATED' });
    expect(onUnauthenticated).toHaveBeenCalledOnce();
  });

  test('a 403 (a moderator on an organizer route) does not log out', async () => {
    answer(403, { error: { code: 'ERR_FORBIDDEN', message: 'You may not do this.' } });
    const onUnauthenticated = vi.fn();
    const request = createAuthenticatedRequest(() => 'x', onUnauthenticated);
    const error = await request('/api/series').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('ERR_FORBIDDEN');
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });
});

describe('homeFor', () => {
  test.each([
    ['organizer', '/organizer'],
    ['moderator', '/moderator'],
  ] as const)('sends a %s to %s after logging in without a next', (role, path) => {
    expect(homeFor(role)).toBe(path);
  });
});
