import type { FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';
import type {} from '@fastify/rate-limit';
import type { AuthService } from '../auth/auth.service.js';
import type { Role, User } from '../auth/auth.store.js';
import { tokensEqual } from '../auth/tokens.js';
import { AppError } from './app-error.js';

export const SESSION_COOKIE = 'tablehop_session';

declare module 'fastify' {
  interface FastifyRequest {
    user: User | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * preHandlers that load the session from its cookie and insist on a role. State-changing requests
 * must also echo the session's CSRF token in `x-csrf-token`: a cookie alone is not enough, so a
 * foreign page cannot act in an organizer's name.
 */
export function createGuards(auth: AuthService) {
  const requireRole = (roles: readonly Role[]) =>
    async function guard(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
      const session = await auth.authenticate(request.cookies[SESSION_COOKIE]);
      if (!session) throw new AppError('ERR_UNAUTHENTICATED');
      if (!SAFE_METHODS.has(request.method)) {
        const header = request.headers['x-csrf-token'];
        if (typeof header !== 'string' || !tokensEqual(header, session.csrfToken)) throw new AppError('ERR_CSRF');
      }
      if (!roles.includes(session.user.role)) throw new AppError('ERR_FORBIDDEN');
      request.user = session.user;
    };
  return {
    organizer: requireRole(['organizer']),
    staff: requireRole(['organizer', 'moderator']),
  };
}

export type Guards = ReturnType<typeof createGuards>;

/** The user a guard has let through. */
export function currentUser(request: FastifyRequest): User {
  if (!request.user) throw new AppError('ERR_UNAUTHENTICATED');
  return request.user;
}
