-- The directory: organisations, people, memberships, verification and its evidence.
-- Ids are UUIDs, as hyphenated text (as accounts.id). Code lists (NAICS, HS, languages) live
-- in their own tables, one row per code, so "who exports HS 1006?" is an index range scan.

CREATE TABLE organisations (
    id             TEXT    PRIMARY KEY,
    kind           TEXT    NOT NULL CONSTRAINT organisations_kind_not_empty CHECK (length(kind) > 0),
    legal_name     TEXT    NOT NULL CONSTRAINT organisations_legal_name_not_empty CHECK (length(legal_name) > 0),
    trading_name   TEXT,
    country        TEXT    NOT NULL CONSTRAINT organisations_country_is_alpha2 CHECK (length(country) = 2),
    region         TEXT,
    city           TEXT,
    year_founded   BIGINT,
    size_band      TEXT,
    website        TEXT,
    description    TEXT,
    certifications JSONB   NOT NULL DEFAULT '[]' CONSTRAINT organisations_certifications_is_json CHECK (jsonb_typeof(certifications) = 'array'),
    demo           BOOLEAN NOT NULL DEFAULT FALSE,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);

-- Same legal name (ignoring case) in the same country is the same organisation.
CREATE UNIQUE INDEX organisations_legal_name_country_key ON organisations (lower(legal_name), country);
CREATE INDEX organisations_country_kind_idx ON organisations (country, kind);

-- system: 'industry' (NAICS 2022), 'export' / 'import' (HS 2022), 'language' (ISO 639-1).
CREATE TABLE organisation_codes (
    organisation_id TEXT    NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    system          TEXT    NOT NULL CONSTRAINT organisation_codes_system_known
                        CHECK (system IN ('industry', 'export', 'import', 'language')),
    position        BIGINT  NOT NULL,
    code            TEXT    COLLATE "C" NOT NULL CONSTRAINT organisation_codes_code_not_empty CHECK (length(code) > 0),
    PRIMARY KEY (organisation_id, system, position)
);

CREATE INDEX organisation_codes_lookup_idx ON organisation_codes (system, code, organisation_id);

-- One row per organisation: where it stands in verification (see corridor_domain verification).
CREATE TABLE verification_records (
    organisation_id TEXT    PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
    state           TEXT    NOT NULL DEFAULT 'draft' CONSTRAINT verification_records_state_known
                        CHECK (state IN ('draft', 'submitted', 'under_review', 'needs_info', 'verified',
                                         'rejected', 'expired', 'suspended')),
    reviewer        TEXT,
    rejected_by     TEXT,
    appeals_used    BIGINT  NOT NULL DEFAULT 0 CONSTRAINT verification_records_appeals_not_negative CHECK (appeals_used >= 0),
    in_appeal       BOOLEAN NOT NULL DEFAULT FALSE,
    valid_until     DATE,
    updated_at      TIMESTAMPTZ NOT NULL
);

CREATE INDEX verification_records_state_idx ON verification_records (state);

-- What a registrant offers as proof. Documents are files under data_dir/evidence/, named by sha256.
CREATE TABLE verification_evidence (
    id              TEXT    PRIMARY KEY,
    organisation_id TEXT    NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    kind            TEXT    NOT NULL CONSTRAINT verification_evidence_kind_known
                        CHECK (kind IN ('registration_number', 'tax_number', 'website', 'document')),
    value           TEXT,
    file_name       TEXT,
    content_type    TEXT    CONSTRAINT verification_evidence_content_type_allowed
                        CHECK (content_type IS NULL OR content_type IN ('application/pdf', 'image/png', 'image/jpeg')),
    size_bytes      BIGINT  CONSTRAINT verification_evidence_size_limit
                        CHECK (size_bytes IS NULL OR (size_bytes > 0 AND size_bytes <= 10485760)),
    sha256          TEXT    CONSTRAINT verification_evidence_sha256_hex CHECK (sha256 IS NULL OR length(sha256) = 64),
    added_by        TEXT    REFERENCES accounts (id) ON DELETE SET NULL,
    added_at        TIMESTAMPTZ NOT NULL,
    CONSTRAINT verification_evidence_shape CHECK (
        (kind = 'document' AND file_name IS NOT NULL AND content_type IS NOT NULL
            AND size_bytes IS NOT NULL AND sha256 IS NOT NULL AND value IS NULL)
        OR (kind <> 'document' AND value IS NOT NULL AND file_name IS NULL)
    )
);

CREATE INDEX verification_evidence_organisation_idx ON verification_evidence (organisation_id, added_at);

-- An account acting for an organisation: 'owner' manages it, 'staff' helps.
CREATE TABLE memberships (
    account_id      TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    role            TEXT NOT NULL CONSTRAINT memberships_role_known CHECK (role IN ('owner', 'staff')),
    created_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (account_id, organisation_id)
);

CREATE INDEX memberships_organisation_idx ON memberships (organisation_id, role);

CREATE TABLE people (
    id              TEXT    PRIMARY KEY,
    organisation_id TEXT    REFERENCES organisations (id) ON DELETE SET NULL,
    -- The person's own log-in, if any: they always see their own contact details.
    account_id      TEXT    REFERENCES accounts (id) ON DELETE SET NULL,
    name            TEXT    NOT NULL CONSTRAINT people_name_not_empty CHECK (length(name) > 0),
    title           TEXT,
    kind            TEXT    NOT NULL CONSTRAINT people_kind_not_empty CHECK (length(kind) > 0),
    tags            JSONB   NOT NULL DEFAULT '[]' CONSTRAINT people_tags_is_json CHECK (jsonb_typeof(tags) = 'array'),
    time_zone       TEXT,
    demo            BOOLEAN NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);

CREATE INDEX people_organisation_idx ON people (organisation_id);
CREATE UNIQUE INDEX people_account_key ON people (account_id);

-- system: 'industry' (NAICS 2022), 'product' (HS 2022), 'language' (ISO 639-1).
CREATE TABLE person_codes (
    person_id TEXT    NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    system    TEXT    NOT NULL CONSTRAINT person_codes_system_known CHECK (system IN ('industry', 'product', 'language')),
    position  BIGINT  NOT NULL,
    code      TEXT    COLLATE "C" NOT NULL CONSTRAINT person_codes_code_not_empty CHECK (length(code) > 0),
    PRIMARY KEY (person_id, system, position)
);

CREATE INDEX person_codes_lookup_idx ON person_codes (system, code, person_id);

-- Private: read only through the app's contact-visibility rule.
CREATE TABLE person_contacts (
    person_id   TEXT PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    email       TEXT,
    phone       TEXT,
    profile_url TEXT
);

-- Two people with the same e-mail address (ignoring case) are the same person.
CREATE UNIQUE INDEX person_contacts_email_key ON person_contacts (lower(email)) WHERE email IS NOT NULL;
