import type { FastifyContextConfig, FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { emailSchema, languageSchema } from '@tablehop/protocol';
import { currentUser, SESSION_COOKIE, type Guards } from '../http/guards.js';
import { AppError } from '../http/app-error.js';
import type { AuthService, Session } from './auth.service.js';

const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['organizer', 'moderator']),
  language: languageSchema,
  hasPassword: z.boolean(),
});
const sessionResponse = z.object({ csrfToken: z.string(), user: userSchema });
const passwordSchema = z.string().min(8, 'at least 8 characters').max(200);

export interface AuthRoutesOptions {
  auth: AuthService;
  guards: Guards;
  secureCookies: boolean;
  /** Tighter limits on the routes that guess passwords or send mail; undefined when limits are off. */
  loginRateLimit: { max: number; timeWindow: string } | undefined;
}

export const authRoutes: FastifyPluginAsyncZod<AuthRoutesOptions> = async (app, { auth, guards, secureCookies, loginRateLimit }) => {
  const limited: FastifyContextConfig = loginRateLimit ? { rateLimit: loginRateLimit } : {};
  const setSessionCookie = (reply: FastifyReply, session: Session) =>
    reply.setCookie(SESSION_COOKIE, session.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookies,
      expires: session.expiresAt,
    });

  app.post(
    '/api/login',
    {
      config: limited,
      schema: {
        tags: ['auth'],
        summary: 'Log in with e-mail and password',
        body: z.object({ email: emailSchema, password: z.string().min(1).max(200) }),
        response: { 200: sessionResponse },
      },
    },
    async (request, reply) => {
      const session = await auth.login(request.body.email, request.body.password);
      setSessionCookie(reply, session);
      return { csrfToken: session.csrfToken, user: session.user };
    },
  );

  app.post('/api/logout', { schema: { tags: ['auth'], summary: 'End the session' } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await auth.logout(token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get(
    '/api/me',
    { schema: { tags: ['auth'], summary: 'The logged-in user and their CSRF token', response: { 200: sessionResponse } } },
    async (request) => {
      const session = await auth.authenticate(request.cookies[SESSION_COOKIE]);
      if (!session) throw new AppError('ERR_UNAUTHENTICATED');
      return session;
    },
  );

  app.post(
    '/api/login/magic',
    {
      config: limited,
      schema: {
        tags: ['auth'],
        summary: 'Mail a one-time login link (answers the same whether the address has an account or not)',
        body: z.object({ email: emailSchema }),
      },
    },
    async (request, reply) => {
      await auth.requestMagicLink(request.body.email);
      return reply.status(202).send({ ok: true });
    },
  );

  app.post(
    '/api/login/magic/redeem',
    {
      config: limited,
      schema: {
        tags: ['auth'],
        summary: 'Log in with the token of a magic link',
        body: z.object({ token: z.string().min(1).max(200) }),
        response: { 200: sessionResponse },
      },
    },
    async (request, reply) => {
      const session = await auth.redeemMagicLink(request.body.token);
      setSessionCookie(reply, session);
      return { csrfToken: session.csrfToken, user: session.user };
    },
  );

  app.post(
    '/api/invites/accept',
    {
      config: limited,
      schema: {
        tags: ['auth'],
        summary: 'A moderator accepts an invitation by choosing a password',
        body: z.object({ token: z.string().min(1).max(200), password: passwordSchema, name: z.string().trim().min(1).max(200).optional() }),
        response: { 200: sessionResponse },
      },
    },
    async (request, reply) => {
      const session = await auth.acceptInvite(request.body.token, request.body.password, request.body.name);
      setSessionCookie(reply, session);
      return { csrfToken: session.csrfToken, user: session.user };
    },
  );

  app.get(
    '/api/moderators',
    {
      preHandler: guards.organizer,
      schema: { tags: ['moderators'], summary: 'All moderators', response: { 200: z.object({ moderators: z.array(userSchema) }) } },
    },
    async () => ({
      moderators: await auth.listUsers('moderator'),
    }),
  );

  app.post(
    '/api/moderators',
    {
      preHandler: guards.organizer,
      schema: {
        tags: ['moderators'],
        summary: 'Invite a moderator by mail',
        body: z.object({
          email: emailSchema,
          name: z
            .string()
            .trim()
            .min(1)
            .max(200)
            .refine((s) => !/[<>]/.test(s), 'must not contain < or >'),
          language: languageSchema.default('nl'),
        }),
        response: { 201: userSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await auth.inviteModerator(currentUser(request), request.body)),
  );
};
