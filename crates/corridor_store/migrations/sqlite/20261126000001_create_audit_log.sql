-- The append-only audit log: who did what to which subject, and why.
CREATE TABLE audit_log (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    occurred_at  TEXT    NOT NULL,
    actor        TEXT,
    action       TEXT    NOT NULL CONSTRAINT audit_log_action_not_empty CHECK (length(action) > 0),
    subject_kind TEXT    NOT NULL CONSTRAINT audit_log_subject_kind_not_empty CHECK (length(subject_kind) > 0),
    subject_id   TEXT    NOT NULL CONSTRAINT audit_log_subject_id_not_empty CHECK (length(subject_id) > 0),
    from_state   TEXT,
    to_state     TEXT,
    reason       TEXT,
    details      TEXT    NOT NULL DEFAULT '{}' CONSTRAINT audit_log_details_is_json CHECK (json_valid(details))
);

CREATE INDEX audit_log_subject_idx ON audit_log (subject_kind, subject_id, id DESC);
