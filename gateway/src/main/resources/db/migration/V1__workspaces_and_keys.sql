create table workspaces (
    id          uuid primary key,
    name        varchar(200) not null,
    created_at  timestamp(6) with time zone not null
);
create index workspaces_created_at_id on workspaces (created_at, id);

create table api_keys (
    id          uuid primary key,
    workspace_id uuid not null references workspaces (id) on delete cascade,
    type        varchar(10) not null check (type in ('write', 'secret')),
    name        varchar(200) not null,
    key_hash    char(64) not null,
    last4       varchar(4) not null,
    created_at  timestamp(6) with time zone not null,
    revoked_at  timestamp(6) with time zone
);
create unique index api_keys_key_hash on api_keys (key_hash);
create index api_keys_workspace on api_keys (workspace_id, created_at, id);
