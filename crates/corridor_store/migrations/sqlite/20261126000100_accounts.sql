-- Accounts, their sessions, password resets and the shared log-in/sign-up throttle.
-- Tokens (sessions, resets) are stored only as the hex SHA-256 of the secret the user holds.
CREATE TABLE accounts (
    id                TEXT    PRIMARY KEY CONSTRAINT accounts_id_is_uuid CHECK (length(id) = 36),
    email             TEXT    NOT NULL CONSTRAINT accounts_email_length CHECK (length(email) BETWEEN 3 AND 254),
    display_name      TEXT    NOT NULL CONSTRAINT accounts_display_name_length CHECK (length(display_name) BETWEEN 1 AND 200),
    password_hash     TEXT    NOT NULL CONSTRAINT accounts_password_hash_not_empty CHECK (length(password_hash) > 0),
    role              TEXT    NOT NULL CONSTRAINT accounts_role_known CHECK (role IN ('admin', 'organiser', 'member')),
    created_at        TEXT    NOT NULL,
    email_verified_at TEXT,
    disabled          BOOLEAN NOT NULL DEFAULT FALSE
);

-- One account per address, whatever its case (local parts are ASCII, so lower() is enough).
CREATE UNIQUE INDEX accounts_email_unique ON accounts (lower(email));

CREATE TABLE sessions (
    token_hash   TEXT NOT NULL PRIMARY KEY CONSTRAINT sessions_token_hash_is_sha256 CHECK (length(token_hash) = 64),
    account_id   TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    csrf_secret  TEXT NOT NULL CONSTRAINT sessions_csrf_secret_not_empty CHECK (length(csrf_secret) > 0),
    created_at   TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    expires_at   TEXT NOT NULL
);

CREATE INDEX sessions_account_idx ON sessions (account_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

CREATE TABLE password_resets (
    token_hash TEXT NOT NULL PRIMARY KEY CONSTRAINT password_resets_token_hash_is_sha256 CHECK (length(token_hash) = 64),
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at    TEXT
);

CREATE INDEX password_resets_account_idx ON password_resets (account_id);

-- One row per counted event (a failed log-in, a sign-up, a reset request) in a named bucket such as
-- 'login:email:a@b.pk' or 'login:ip:203.0.113.7'; shared by every server using the database.
CREATE TABLE auth_throttle (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    bucket      TEXT NOT NULL CONSTRAINT auth_throttle_bucket_not_empty CHECK (length(bucket) > 0),
    occurred_at TEXT NOT NULL
);

CREATE INDEX auth_throttle_bucket_idx ON auth_throttle (bucket, occurred_at);
