-- Batches, their frozen plans, their results and the in-flight ledger.
-- Every JSON column holds a serde_json document of the engine's model types.

CREATE TABLE batches (
    id            TEXT PRIMARY KEY,           -- UUIDv7: sorts by creation time
    name          TEXT NOT NULL,
    state         TEXT NOT NULL,              -- QUEUED RUNNING PAUSED PASSED FAILED CANCELLED INTERRUPTED
    pause_reason  TEXT,                       -- user | waiting_for_network, while PAUSED
    message       TEXT,                       -- why it ended, when there is more to say
    created_at    TEXT NOT NULL,              -- RFC 3339, UTC
    started_at    TEXT,
    finished_at   TEXT,
    options       TEXT NOT NULL,              -- BatchOptions
    variables     TEXT NOT NULL,              -- environment and overrides; secrets are never stored
    secret_names  TEXT NOT NULL,              -- names the batch needs again on resume
    case_count    INTEGER NOT NULL,
    row_count     INTEGER NOT NULL,           -- data rows (0: none)
    total         INTEGER NOT NULL,           -- counters: kept here so a snapshot never scans results
    done          INTEGER NOT NULL DEFAULT 0,
    passed        INTEGER NOT NULL DEFAULT 0,
    failed        INTEGER NOT NULL DEFAULT 0,
    errored       INTEGER NOT NULL DEFAULT 0,
    last_seq      INTEGER NOT NULL DEFAULT 0,
    rerun_of      TEXT REFERENCES batches(id) ON DELETE SET NULL,
    owner         TEXT                        -- "pid:start_ticks" of the process running it
);
CREATE INDEX batches_state ON batches(state);

-- The collections of a batch's plan (their variables are frozen with it).
CREATE TABLE batch_collections (
    batch_id          TEXT NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
    collection_index  INTEGER NOT NULL,
    name              TEXT NOT NULL,
    source            TEXT,                   -- the file it was read from
    variables         TEXT NOT NULL,
    PRIMARY KEY (batch_id, collection_index)
) WITHOUT ROWID;

-- Case snapshots, in plan order.
CREATE TABLE batch_cases (
    batch_id          TEXT NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
    case_index        INTEGER NOT NULL,
    collection_index  INTEGER NOT NULL,
    snapshot          TEXT NOT NULL,          -- Case
    PRIMARY KEY (batch_id, case_index)
) WITHOUT ROWID;

-- Data rows: each is one pass over the cases.
CREATE TABLE batch_rows (
    batch_id   TEXT NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
    row_index  INTEGER NOT NULL,
    variables  TEXT NOT NULL,
    PRIMARY KEY (batch_id, row_index)
) WITHOUT ROWID;

CREATE TABLE results (
    batch_id           TEXT NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
    seq                INTEGER NOT NULL,      -- 1, 2, 3 ... in commit order
    position           INTEGER NOT NULL,      -- in the plan
    case_index         INTEGER NOT NULL,
    iteration          INTEGER NOT NULL,
    data_row           INTEGER,
    case_name          TEXT NOT NULL,
    verdict            TEXT NOT NULL,         -- passed | failed | errored
    error_kind         TEXT,
    error_message      TEXT,
    started_at         TEXT NOT NULL,
    duration_ms        REAL NOT NULL,
    attempts           INTEGER NOT NULL,
    status             INTEGER,
    request            TEXT,                  -- RequestRecord, secrets masked
    response_headers   TEXT,
    response_body      BLOB,                  -- cut at the batch's cap
    response_body_size INTEGER,
    response_body_cut  INTEGER,
    assertions         TEXT NOT NULL,         -- [AssertionOutcome]
    assertions_passed  INTEGER NOT NULL,
    assertions_failed  INTEGER NOT NULL,
    captures           TEXT NOT NULL,         -- {name: value}, secrets masked
    PRIMARY KEY (batch_id, seq)
);
CREATE UNIQUE INDEX results_position ON results(batch_id, position);

-- Cases whose request may be on the wire. A row is removed when the case's result is
-- committed; rows left behind by a dead process are cases with an unknown outcome.
CREATE TABLE in_flight (
    batch_id  TEXT NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    PRIMARY KEY (batch_id, position)
) WITHOUT ROWID;
