-- The user's workspace: collections being edited, their cases, environments, unsaved
-- drafts and each case's recent sends. Batches never read these tables: a batch runs a
-- frozen snapshot of the cases, so editing never changes a run.

CREATE TABLE workspace_collections (
    id          TEXT PRIMARY KEY,             -- UUIDv7
    position    INTEGER NOT NULL,             -- order in the sidebar
    name        TEXT NOT NULL,
    settings    TEXT NOT NULL,                -- CollectionSettings: variables, auth, folders
    file_path   TEXT,                         -- the native file it opens from and saves to
    deleted_at  TEXT,                         -- set: in the trash (undo restores it)
    updated_at  TEXT NOT NULL
);

CREATE TABLE workspace_cases (
    id            TEXT PRIMARY KEY,           -- UUIDv7
    collection_id TEXT NOT NULL REFERENCES workspace_collections(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,           -- order in the collection (= order in its file)
    name          TEXT NOT NULL,              -- copied from definition, for the tree and search
    folder        TEXT,
    method        TEXT NOT NULL,
    url           TEXT NOT NULL,
    definition    TEXT NOT NULL,              -- the Case as JSON, schema files as paths
    deleted_at    TEXT,
    updated_at    TEXT NOT NULL
);
CREATE INDEX workspace_cases_order ON workspace_cases(collection_id, position);

CREATE TABLE workspace_environments (
    id          TEXT PRIMARY KEY,
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL,
    variables   TEXT NOT NULL,                -- [EnvironmentVariable]: name, value, secret
    updated_at  TEXT NOT NULL
);

-- Small settings of the workspace (the active environment ...), as JSON values.
CREATE TABLE workspace_settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);

-- What an editor holds that is not saved yet, so nothing typed is lost on a reload or a
-- crash. Keyed by what is edited ("case:<id>", "collection:<id>", "environment:<id>").
CREATE TABLE workspace_drafts (
    key         TEXT PRIMARY KEY,
    content     TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

-- Recent sends of each case from the workbench (bounded per case), masked like results.
CREATE TABLE workspace_sends (
    id          INTEGER PRIMARY KEY,
    case_id     TEXT NOT NULL REFERENCES workspace_cases(id) ON DELETE CASCADE,
    sent_at     TEXT NOT NULL,
    verdict     TEXT NOT NULL,
    summary     TEXT NOT NULL,                -- "200 OK, 12 ms" for the list
    outcome     TEXT NOT NULL                 -- SendOutcome
);
CREATE INDEX workspace_sends_case ON workspace_sends(case_id, id);
