-- Reasons a workspace offers when a deal is closed as won or lost; reportable, so they are rows, not free text.
create table deal_reason (
    id           uuid primary key,
    workspace_id varchar(64)  not null,
    outcome      varchar(8)   not null check (outcome in ('won', 'lost')),
    label        varchar(120) not null,
    position     integer      not null,
    active       boolean      not null default true,
    created_at   timestamptz  not null,
    version      bigint       not null default 0
);
create unique index deal_reason_label_uq on deal_reason (workspace_id, outcome, lower(label));
create index deal_reason_workspace_idx on deal_reason (workspace_id, outcome, position);
