/**
 * Forward-only migrations. Each runs once, in a transaction, in order; its id is recorded in
 * `schema_migrations`. Never edit a migration that has shipped: add the next one.
 * Plain PostgreSQL SQL that PGlite runs unchanged.
 */
export interface Migration {
  id: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    id: '001_registration',
    sql: /* sql */ `
CREATE TABLE users (
  id uuid PRIMARY KEY,
  email text NOT NULL,
  name text NOT NULL DEFAULT '',
  role text NOT NULL CHECK (role IN ('organizer', 'moderator')),
  password_hash text,
  language text NOT NULL DEFAULT 'en' CHECK (language IN ('nl', 'en')),
  created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Single-use tokens mailed to a user: magic login links and moderator invitations.
CREATE TABLE user_tokens (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose text NOT NULL CHECK (purpose IN ('magic_login', 'invite')),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

CREATE TABLE sectors (
  name text PRIMARY KEY,
  position int NOT NULL
);

CREATE TABLE series (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  language text NOT NULL CHECK (language IN ('nl', 'en')),
  time_zone text NOT NULL,
  weekday int NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  start_time text NOT NULL,
  duration_minutes int NOT NULL,
  group_size int NOT NULL,
  rounds int NOT NULL,
  round_minutes int NOT NULL,
  plenary_minutes int NOT NULL,
  moderator_mode text NOT NULL CHECK (moderator_mode IN ('rotate', 'fixed')),
  default_capacity int,
  promotion_mode text NOT NULL CHECK (promotion_mode IN ('auto', 'offer')),
  offer_hours int NOT NULL,
  registration_opens_days int NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE TABLE editions (
  id uuid PRIMARY KEY,
  series_id uuid NOT NULL REFERENCES series (id) ON DELETE CASCADE,
  starts_at timestamptz NOT NULL,
  duration_minutes int NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'open', 'closed', 'live', 'ended')),
  -- NULL means "moderators x group size" (the default capacity rule).
  capacity_override int CHECK (capacity_override >= 0),
  group_size int NOT NULL,
  rounds int NOT NULL,
  round_minutes int NOT NULL,
  plenary_minutes int NOT NULL,
  moderator_mode text NOT NULL CHECK (moderator_mode IN ('rotate', 'fixed')),
  promotion_mode text NOT NULL CHECK (promotion_mode IN ('auto', 'offer')),
  offer_hours int NOT NULL,
  registration_opens_at timestamptz,
  registration_closes_at timestamptz,
  waitlist_seq int NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL
);
CREATE INDEX editions_series_idx ON editions (series_id, starts_at);

CREATE TABLE edition_moderators (
  edition_id uuid NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  PRIMARY KEY (edition_id, user_id)
);

CREATE TABLE registrations (
  id uuid PRIMARY KEY,
  -- Arrival order, for stable listings (many registrations share a timestamp under load).
  seq bigint GENERATED ALWAYS AS IDENTITY,
  edition_id uuid NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
  name text NOT NULL,
  email text NOT NULL,
  company text NOT NULL DEFAULT '',
  sector text NOT NULL DEFAULT '',
  job_title text NOT NULL DEFAULT '',
  offer_text text NOT NULL DEFAULT '',
  looking_for text NOT NULL DEFAULT '',
  linkedin_url text NOT NULL DEFAULT '',
  language text NOT NULL CHECK (language IN ('nl', 'en')),
  consent_privacy boolean NOT NULL CHECK (consent_privacy),
  consent_share_contact boolean NOT NULL DEFAULT false,
  status text NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'offered', 'cancelled', 'expired')),
  -- Order on the waiting list; the position shown is the rank among those still waiting.
  waitlist_seq int,
  offer_expires_at timestamptz,
  manage_token text NOT NULL UNIQUE,
  join_token text NOT NULL UNIQUE,
  source text NOT NULL DEFAULT 'self' CHECK (source IN ('self', 'organizer')),
  created_at timestamptz NOT NULL,
  confirmed_at timestamptz,
  cancelled_at timestamptz,
  reminder_24h_at timestamptz,
  reminder_1h_at timestamptz,
  -- SEQUENCE of the calendar event; bumped when it changes so calendars replace their copy.
  calendar_sequence int NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX registrations_edition_email_key ON registrations (edition_id, lower(email));
CREATE INDEX registrations_edition_status_idx ON registrations (edition_id, status, waitlist_seq);

-- Mails are written here in the same transaction as the change that causes them and sent by the
-- mail worker afterwards: a rolled-back change sends nothing, a crash loses nothing. A row holds
-- the mail as data (the MailMessage JSON); the worker renders it when it sends, so a transaction
-- that enqueues hundreds of mails does not spend its row locks composing them. kind, to_address
-- and registration_id are copied out of the message for ops queries.
CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  to_address text NOT NULL,
  to_name text NOT NULL DEFAULT '',
  message jsonb NOT NULL,
  registration_id uuid,
  created_at timestamptz NOT NULL,
  attempts int NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  locked_until timestamptz,
  sent_at timestamptz,
  failed_at timestamptz,
  last_error text
);
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;
`,
  },
  {
    id: '002_live',
    sql: /* sql */ `
-- The live state of an edition (phase, round, deadlines, help requests, flags, broadcasts, notes),
-- written after every change so a restart resumes it. The plan and the final tables of finished
-- rounds sit in their own columns, written only when they change (once per round); the tables of
-- the running round are not stored here at all: they are the open rows of live_seatings.
-- Presence (who is connected) is not stored: it lives in memory and is rebuilt by reconnections.
CREATE TABLE live_editions (
  edition_id uuid PRIMARY KEY REFERENCES editions (id) ON DELETE CASCADE,
  phase text NOT NULL,
  state jsonb NOT NULL,
  plan jsonb,
  past jsonb NOT NULL DEFAULT '[]',
  version int NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX live_editions_running_idx ON live_editions (phase) WHERE phase <> 'ended';

-- Every actual seating: who sat at which table in which round, from when to when (to_at NULL:
-- still seated). Feeds the follow-up ("whom did I meet") and the history of later editions.
CREATE TABLE live_seatings (
  id bigserial PRIMARY KEY,
  edition_id uuid NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
  round int NOT NULL,
  table_no int NOT NULL,
  registration_id uuid REFERENCES registrations (id) ON DELETE CASCADE,
  moderator_id uuid REFERENCES users (id) ON DELETE CASCADE,
  from_at timestamptz NOT NULL,
  to_at timestamptz,
  CHECK ((registration_id IS NULL) <> (moderator_id IS NULL))
);
CREATE INDEX live_seatings_table_idx ON live_seatings (edition_id, round, table_no);
CREATE INDEX live_seatings_registration_idx ON live_seatings (registration_id);
-- The open seatings of an edition are the tables of its running round.
CREATE INDEX live_seatings_open_idx ON live_seatings (edition_id, id) WHERE to_at IS NULL;
`,
  },
  {
    id: '003_followup',
    sql: /* sql */ `
-- Contact exchange after an edition. A row is one person's wish to connect with someone they sat
-- with; contact details are revealed only when both directions exist (or when both had opted in
-- to sharing at registration).
CREATE TABLE contact_requests (
  edition_id uuid NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
  from_registration_id uuid NOT NULL REFERENCES registrations (id) ON DELETE CASCADE,
  to_registration_id uuid NOT NULL REFERENCES registrations (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (from_registration_id, to_registration_id),
  CHECK (from_registration_id <> to_registration_id)
);
CREATE INDEX contact_requests_to_idx ON contact_requests (to_registration_id);

-- Feedback on an edition: from a participant (registration_id) or from a moderator (moderator_id).
CREATE TABLE feedback (
  id uuid PRIMARY KEY,
  edition_id uuid NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
  registration_id uuid REFERENCES registrations (id) ON DELETE CASCADE,
  moderator_id uuid REFERENCES users (id) ON DELETE CASCADE,
  rating int NOT NULL CHECK (rating BETWEEN 1 AND 5),
  recommend int CHECK (recommend BETWEEN 0 AND 10),
  comment text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK ((registration_id IS NULL) <> (moderator_id IS NULL))
);
CREATE UNIQUE INDEX feedback_registration_key ON feedback (registration_id) WHERE registration_id IS NOT NULL;
CREATE UNIQUE INDEX feedback_moderator_key ON feedback (edition_id, moderator_id) WHERE moderator_id IS NOT NULL;
CREATE INDEX feedback_edition_idx ON feedback (edition_id);

-- Days after an edition when its personal data is removed; NULL keeps it.
ALTER TABLE series ADD COLUMN retention_days int CHECK (retention_days > 0);
-- When the personal data of a registration was removed (by retention or by the person): the row
-- stays, emptied, so the figures of past editions stay right.
ALTER TABLE registrations ADD COLUMN anonymized_at timestamptz;
-- When the follow-up mails of an edition were queued (once, when it ends).
ALTER TABLE editions ADD COLUMN follow_up_queued_at timestamptz;
`,
  },
  {
    id: '004_icebreakers',
    sql: /* sql */ `
-- Icebreaker prompts, one per round (they repeat when there are fewer than rounds): a series holds
-- the default, each edition its own copy taken when it is created.
ALTER TABLE series ADD COLUMN icebreakers jsonb NOT NULL DEFAULT '[]';
ALTER TABLE editions ADD COLUMN icebreakers jsonb NOT NULL DEFAULT '[]';
`,
  },
];
