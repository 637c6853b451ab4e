import type { Language } from '@tablehop/protocol';
import type { AuthStore, Role, User, UserWithHash } from './auth.store.js';

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  language: Language;
  password_hash: string | null;
}

const toUser = (row: UserRow): UserWithHash => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  language: row.language,
  hasPassword: row.password_hash !== null,
  passwordHash: row.password_hash,
});

const withoutHash = ({ passwordHash: _hash, ...user }: UserWithHash): User => user;

export const pgAuthStore: AuthStore = {
  async findUserByEmail(sql, email) {
    const [row] = await sql.query<UserRow>(`SELECT * FROM users WHERE lower(email) = lower($1)`, [email]);
    return row && toUser(row);
  },
  async findUserById(sql, id) {
    const [row] = await sql.query<UserRow>(`SELECT * FROM users WHERE id = $1`, [id]);
    return row && withoutHash(toUser(row));
  },
  async insertUser(sql, u) {
    await sql.query(`INSERT INTO users (id, email, name, role, language, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      u.id,
      u.email,
      u.name,
      u.role,
      u.language,
      u.passwordHash,
      u.now,
    ]);
  },
  async updateUser(sql, id, changes) {
    await sql.query(
      `UPDATE users SET name = COALESCE($2, name), role = COALESCE($3, role),
         password_hash = CASE WHEN $4::boolean THEN $5 ELSE password_hash END WHERE id = $1`,
      [id, changes.name ?? null, changes.role ?? null, changes.passwordHash !== undefined, changes.passwordHash ?? null],
    );
  },
  async listUsers(sql, role) {
    const rows = await sql.query<UserRow>(`SELECT * FROM users WHERE role = $1 ORDER BY lower(name), lower(email)`, [role]);
    return rows.map((row) => withoutHash(toUser(row)));
  },
  async insertSession(sql, s) {
    await sql.query(`INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`, [
      s.tokenHash,
      s.userId,
      s.csrfToken,
      s.now,
      s.expiresAt,
    ]);
  },
  async findSession(sql, tokenHash, now) {
    const [row] = await sql.query<UserRow & { csrf_token: string }>(
      `SELECT u.*, s.csrf_token FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.expires_at > $2`,
      [tokenHash, now],
    );
    return row && { user: withoutHash(toUser(row)), csrfToken: row.csrf_token };
  },
  async deleteSession(sql, tokenHash) {
    await sql.query(`DELETE FROM sessions WHERE token_hash = $1`, [tokenHash]);
  },
  async insertUserToken(sql, t) {
    await sql.query(`INSERT INTO user_tokens (token_hash, user_id, purpose, expires_at) VALUES ($1, $2, $3, $4)`, [
      t.tokenHash,
      t.userId,
      t.purpose,
      t.expiresAt,
    ]);
  },
  async consumeUserToken(sql, tokenHash, purpose, now) {
    const [row] = await sql.query<{ user_id: string; expires_at: Date; used_at: Date | null }>(
      `SELECT user_id, expires_at, used_at FROM user_tokens WHERE token_hash = $1 AND purpose = $2 FOR UPDATE`,
      [tokenHash, purpose],
    );
    if (!row || row.used_at) return 'invalid';
    if (row.expires_at.getTime() <= now.getTime()) return 'expired';
    await sql.query(`UPDATE user_tokens SET used_at = $2 WHERE token_hash = $1`, [tokenHash, now]);
    return { userId: row.user_id };
  },
};
