-- Privacy: where a person record came from (so event-only registrants can be removed after the
-- retention period), installation settings (that period), anonymous counts of removed registrants,
-- and an index for finding an account's audit entries (data download, account deletion).

-- 'directory': added to the directory (by a member, an organiser, an import); kept until deleted.
-- 'event_registration': registered only for an event; removed after the retention period.
ALTER TABLE people ADD COLUMN origin TEXT NOT NULL DEFAULT 'directory'
    CONSTRAINT people_origin_known CHECK (origin IN ('directory', 'event_registration'));
-- When an event registrant registered: the retention period runs from here. NULL for directory people.
ALTER TABLE people ADD COLUMN registered_at TEXT;
-- The country a registrant gave (ISO 3166-1 alpha-2); directory people take their organisation's.
ALTER TABLE people ADD COLUMN country TEXT
    CONSTRAINT people_country_is_alpha2 CHECK (country IS NULL OR length(country) = 2);

CREATE INDEX people_origin_registered_idx ON people (origin, registered_at);

-- One row per setting that an organiser or admin changed; absent means the configured default.
CREATE TABLE settings (
    name       TEXT PRIMARY KEY CONSTRAINT settings_name_not_empty CHECK (length(name) > 0),
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- What is left of removed event registrants: how many, by country, person kind and month of
-- registration. No personal data. 'ZZ' is the country of registrants who gave none.
CREATE TABLE registrant_counts (
    country          TEXT   NOT NULL CONSTRAINT registrant_counts_country_is_alpha2 CHECK (length(country) = 2),
    person_kind      TEXT   NOT NULL CONSTRAINT registrant_counts_person_kind_not_empty CHECK (length(person_kind) > 0),
    registered_month TEXT   NOT NULL CONSTRAINT registrant_counts_month_is_yyyy_mm CHECK (length(registered_month) = 7),
    registrants      BIGINT NOT NULL CONSTRAINT registrant_counts_registrants_positive CHECK (registrants > 0),
    PRIMARY KEY (country, person_kind, registered_month)
);

CREATE INDEX audit_log_actor_idx ON audit_log (actor) WHERE actor IS NOT NULL;
