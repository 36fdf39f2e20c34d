-- The outbox: every approved reply, from the moment it is approved until it was delivered, plus the record of
-- which drafts were approved. Owned by io.agentassist.core.approval.Outbox; runs on H2 and PostgreSQL.
--
-- No foreign keys: tickets and drafts live in tables this migration does not own, and an approved reply must
-- stay deliverable whatever happens to them. A row is never deleted: delivered_at says it went out.
CREATE TABLE outbox (
    idempotency_key          UUID                        NOT NULL,
    ticket_id                VARCHAR(255)                NOT NULL,
    -- NULL for a reply the agent wrote from scratch; at most one approved reply per draft.
    draft_id                 VARCHAR(255),
    agent                    VARCHAR(255)                NOT NULL,
    reply_text               VARCHAR                     NOT NULL,
    approved_at              TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    blocking_flags_confirmed BOOLEAN                     NOT NULL,
    -- Character-level edit distance and ratio from the suggestion to the approved text; NULL without a draft.
    edit_distance            INTEGER,
    edit_ratio               DOUBLE PRECISION,
    enqueued_at              TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    delivered_at             TIMESTAMP(6) WITH TIME ZONE,
    attempts                 INTEGER                     DEFAULT 0 NOT NULL,
    last_error               VARCHAR,
    CONSTRAINT outbox_pk PRIMARY KEY (idempotency_key),
    CONSTRAINT outbox_one_reply_per_draft UNIQUE (draft_id),
    CONSTRAINT outbox_edit_figures_exactly_with_a_draft
        CHECK ((draft_id IS NULL) = (edit_distance IS NULL) AND (edit_distance IS NULL) = (edit_ratio IS NULL))
);

CREATE INDEX outbox_pending ON outbox (delivered_at, approved_at, idempotency_key);
