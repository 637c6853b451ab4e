import { hash, verify } from '@node-rs/argon2';
import type { Language } from '@tablehop/protocol';
import type { ServiceDeps } from '../deps.js';
import { AppError } from '../http/app-error.js';
import type { AuthStore, Role, User } from './auth.store.js';
import { createToken, hashToken } from './tokens.js';

const SESSION_DAYS = 14;
const MAGIC_LINK_MINUTES = 15;
const INVITE_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface Session {
  token: string;
  csrfToken: string;
  user: User;
  expiresAt: Date;
}

export type AuthService = ReturnType<typeof createAuthService>;

/** Organizer and moderator accounts: passwords (argon2id), magic links, invitations, sessions. */
export function createAuthService(deps: ServiceDeps, store: AuthStore) {
  const { db, clock, mailer } = deps;
  // Verifying against a real hash when the user does not exist keeps the timing of a wrong e-mail
  // and a wrong password the same, so login does not reveal which addresses have accounts.
  const dummyHash = hash('not-a-real-password-' + createToken());

  async function startSession(userId: string): Promise<Session> {
    const now = clock.now();
    const token = createToken();
    const csrfToken = createToken();
    const expiresAt = new Date(now.getTime() + SESSION_DAYS * DAY_MS);
    await store.insertSession(db, { tokenHash: hashToken(token), userId, csrfToken, now, expiresAt });
    const user = await store.findUserById(db, userId);
    if (!user) throw new AppError('ERR_UNAUTHENTICATED');
    return { token, csrfToken, user, expiresAt };
  }

  return {
    /** Creates the first organizer from the environment, or resets its password to the configured one. */
    async ensureOrganizer(email: string, password: string, name = 'Organizer'): Promise<User> {
      const passwordHash = await hash(password);
      const existing = await store.findUserByEmail(db, email);
      if (existing) {
        await store.updateUser(db, existing.id, { passwordHash, role: 'organizer' });
        return { ...existing, role: 'organizer', hasPassword: true };
      }
      const id = deps.newId();
      await store.insertUser(db, { id, email, name, role: 'organizer', language: 'en', passwordHash, now: clock.now() });
      return { id, email, name, role: 'organizer', language: 'en', hasPassword: true };
    },

    async login(email: string, password: string): Promise<Session> {
      const user = await store.findUserByEmail(db, email);
      const ok = await verify(user?.passwordHash ?? (await dummyHash), password).catch(() => false);
      if (!user || !user.passwordHash || !ok) throw new AppError('ERR_INVALID_CREDENTIALS');
      return startSession(user.id);
    },

    async authenticate(token: string | undefined): Promise<{ user: User; csrfToken: string } | undefined> {
      if (!token) return undefined;
      return store.findSession(db, hashToken(token), clock.now());
    },

    async logout(token: string): Promise<void> {
      await store.deleteSession(db, hashToken(token));
    },

    /** Mails a one-time login link when the address has an account; says nothing either way. */
    async requestMagicLink(email: string): Promise<void> {
      const user = await store.findUserByEmail(db, email);
      if (!user) return;
      const now = clock.now();
      const token = createToken();
      const expiresAt = new Date(now.getTime() + MAGIC_LINK_MINUTES * 60_000);
      await db.transaction(async (tx) => {
        await store.insertUserToken(tx, { tokenHash: hashToken(token), userId: user.id, purpose: 'magic_login', expiresAt });
        await mailer.enqueue(
          tx,
          {
            kind: 'magic_login',
            to: { email: user.email, name: user.name, language: user.language },
            loginUrl: `${deps.publicUrl}/login/magic?token=${token}`,
            expiresAt,
          },
          now,
        );
      });
      mailer.wake();
    },

    async redeemMagicLink(token: string): Promise<Session> {
      const result = await db.transaction((tx) => store.consumeUserToken(tx, hashToken(token), 'magic_login', clock.now()));
      if (result === 'invalid') throw new AppError('ERR_INVALID_TOKEN');
      if (result === 'expired') throw new AppError('ERR_TOKEN_EXPIRED');
      return startSession(result.userId);
    },

    /** Invites a moderator by mail; inviting an existing address sends a fresh invitation. */
    async inviteModerator(invitedBy: User, input: { email: string; name: string; language: Language }): Promise<User> {
      const now = clock.now();
      const token = createToken();
      const expiresAt = new Date(now.getTime() + INVITE_DAYS * DAY_MS);
      const user = await db.transaction(async (tx) => {
        let existing: User | undefined = await store.findUserByEmail(tx, input.email);
        if (!existing) {
          const id = deps.newId();
          await store.insertUser(tx, {
            id,
            email: input.email,
            name: input.name,
            role: 'moderator',
            language: input.language,
            passwordHash: null,
            now,
          });
          existing = { id, email: input.email, name: input.name, role: 'moderator', language: input.language, hasPassword: false };
        }
        await store.insertUserToken(tx, { tokenHash: hashToken(token), userId: existing.id, purpose: 'invite', expiresAt });
        await mailer.enqueue(
          tx,
          {
            kind: 'moderator_invite',
            to: { email: existing.email, name: existing.name || input.name, language: existing.language },
            inviteUrl: `${deps.publicUrl}/invite?token=${token}`,
            invitedBy: invitedBy.name || invitedBy.email,
            expiresAt,
          },
          now,
        );
        return existing;
      });
      mailer.wake();
      return user;
    },

    /** Sets the password of an invited moderator and logs them in. */
    async acceptInvite(token: string, password: string, name?: string): Promise<Session> {
      const passwordHash = await hash(password);
      const result = await db.transaction(async (tx) => {
        const consumed = await store.consumeUserToken(tx, hashToken(token), 'invite', clock.now());
        if (typeof consumed === 'object') await store.updateUser(tx, consumed.userId, { passwordHash, ...(name ? { name } : {}) });
        return consumed;
      });
      if (result === 'invalid') throw new AppError('ERR_INVALID_TOKEN');
      if (result === 'expired') throw new AppError('ERR_TOKEN_EXPIRED');
      return startSession(result.userId);
    },

    listUsers: (role: Role) => store.listUsers(db, role),
    findUser: (id: string) => store.findUserById(db, id),
  };
}
