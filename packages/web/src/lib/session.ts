import type { Language } from '@tablehop/protocol';
import { ApiError, requestJson, type ApiResponse, type RequestOptions } from './api-client';

/** The logged-in person, as `/api/me` and the login routes return them. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: 'organizer' | 'moderator';
  language: Language;
  hasPassword: boolean;
}

/** What every login route answers: the user and the CSRF token that state-changing calls must echo. */
export interface SessionData {
  csrfToken: string;
  user: SessionUser;
}

export type SessionState =
  { state: 'loading' } | { state: 'anonymous' } | { state: 'error'; error: ApiError } | ({ state: 'signed_in' } & SessionData);

/** `/login?next=/organizer/…`: where to send someone whose session is missing or gone. */
export function loginPathFor(next: string): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? `/login?next=${encodeURIComponent(next)}` : '/login';
}

/** Where a person lands after logging in without a `next`: organizers in their area, moderators on their editions. */
export function homeFor(role: SessionUser['role']): string {
  return role === 'organizer' ? '/organizer' : '/moderator';
}

/** The `next` of a login URL, only when it is a path inside this app (never another site). */
export function safeNextPath(search: string, fallback = '/organizer'): string {
  const next = new URLSearchParams(search).get('next');
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}

/** The session calls: none of them needs a CSRF token yet (there is no session to protect). */
export const sessionApi = {
  /** The current session, or null when nobody is logged in. */
  async me(signal?: AbortSignal): Promise<SessionData | null> {
    try {
      return (await requestJson<SessionData>('/api/me', { signal })).data;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'ERR_UNAUTHENTICATED') return null;
      throw error;
    }
  },
  async login(email: string, password: string): Promise<SessionData> {
    return (await requestJson<SessionData>('/api/login', { method: 'POST', body: { email, password } })).data;
  },
  async requestMagicLink(email: string): Promise<void> {
    await requestJson('/api/login/magic', { method: 'POST', body: { email } });
  },
  async redeemMagicLink(token: string): Promise<SessionData> {
    return (await requestJson<SessionData>('/api/login/magic/redeem', { method: 'POST', body: { token } })).data;
  },
  async acceptInvite(token: string, password: string, name: string | undefined): Promise<SessionData> {
    return (await requestJson<SessionData>('/api/invites/accept', { method: 'POST', body: { token, password, name } })).data;
  },
  async logout(csrfToken: string | undefined): Promise<void> {
    await requestJson('/api/logout', { method: 'POST', body: {}, csrfToken });
  },
};

/**
 * A request on behalf of the logged-in user: adds the CSRF header and, when the session has gone
 * (401), calls `onUnauthenticated` (which sends the person to the login page) before rejecting.
 */
export function createAuthenticatedRequest(getCsrfToken: () => string | undefined, onUnauthenticated: () => void) {
  async function withStatus<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    try {
      return await requestJson<T>(path, { ...options, csrfToken: getCsrfToken() });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'ERR_UNAUTHENTICATED') onUnauthenticated();
      throw error;
    }
  }
  /** The parsed body; `authRequest.withStatus` also gives the HTTP status (201 created vs 200 existing). */
  async function authRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return (await withStatus<T>(path, options)).data;
  }
  authRequest.withStatus = withStatus;
  return authRequest;
}

export type AuthenticatedRequest = ReturnType<typeof createAuthenticatedRequest>;
