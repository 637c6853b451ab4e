import type { Language } from '@tablehop/protocol';
import type { Sql } from '../db/sql.js';

export type Role = 'organizer' | 'moderator';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  language: Language;
  hasPassword: boolean;
}

export interface UserWithHash extends User {
  passwordHash: string | null;
}

/** Users, sessions and single-use mailed tokens. Every method runs on the `Sql` it is given. */
export interface AuthStore {
  findUserByEmail(sql: Sql, email: string): Promise<UserWithHash | undefined>;
  findUserById(sql: Sql, id: string): Promise<User | undefined>;
  insertUser(
    sql: Sql,
    user: { id: string; email: string; name: string; role: Role; language: Language; passwordHash: string | null; now: Date },
  ): Promise<void>;
  updateUser(sql: Sql, id: string, changes: { name?: string; role?: Role; passwordHash?: string | null }): Promise<void>;
  listUsers(sql: Sql, role: Role): Promise<User[]>;
  insertSession(sql: Sql, session: { tokenHash: string; userId: string; csrfToken: string; now: Date; expiresAt: Date }): Promise<void>;
  findSession(sql: Sql, tokenHash: string, now: Date): Promise<{ user: User; csrfToken: string } | undefined>;
  deleteSession(sql: Sql, tokenHash: string): Promise<void>;
  insertUserToken(sql: Sql, token: { tokenHash: string; userId: string; purpose: 'magic_login' | 'invite'; expiresAt: Date }): Promise<void>;
  /** Marks a token used and returns its user, or why it cannot be used. Single use under concurrency. */
  consumeUserToken(sql: Sql, tokenHash: string, purpose: 'magic_login' | 'invite', now: Date): Promise<{ userId: string } | 'invalid' | 'expired'>;
}
