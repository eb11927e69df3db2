-- Contacts, companies, pipelines, deals, interactions, satisfaction and the outbox towards profile-service.
-- Every table carries workspace_id and every index used by a query leads with it.

create table company (
    id           uuid primary key,
    workspace_id varchar(64)  not null,
    name         varchar(200) not null,
    domain       varchar(200),
    industry     varchar(120),
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null,
    version      bigint       not null default 0
);
create index company_name_idx on company (workspace_id, lower(name) text_pattern_ops);
create index company_updated_idx on company (workspace_id, updated_at desc, id);

create table contact (
    id                 uuid primary key,
    workspace_id       varchar(64)  not null,
    first_name         varchar(120),
    last_name          varchar(120),
    -- lower-cased "first last": the name-prefix filter and the name sort
    name_key           varchar(250) not null default '',
    last_name_key      varchar(120) not null default '',
    emails             text[]       not null default '{}',   -- normalised; the first is the primary
    phones             text[]       not null default '{}',   -- E.164; the first is the primary
    company_id         uuid,
    address_line1      varchar(200),
    address_line2      varchar(200),
    address_city       varchar(120),
    address_region     varchar(120),
    address_postal_code varchar(32),
    address_country    varchar(2),
    birthday           date,
    lifecycle_stage    varchar(16)  not null check (lifecycle_stage in ('lead', 'prospect', 'customer', 'churned')),
    owner              varchar(120),
    tags               text[]       not null default '{}',
    email_marketing    boolean      not null default false,
    sms_marketing      boolean      not null default false,
    whatsapp_marketing boolean      not null default false,
    custom_fields      jsonb        not null default '{}',
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    version            bigint       not null default 0
);
create index contact_updated_idx on contact (workspace_id, updated_at desc, id);
create index contact_created_idx on contact (workspace_id, created_at desc, id);
create index contact_name_idx on contact (workspace_id, name_key text_pattern_ops, id);
create index contact_name_sort_idx on contact (workspace_id, name_key, id);
create index contact_last_name_idx on contact (workspace_id, last_name_key text_pattern_ops);
create index contact_company_idx on contact (workspace_id, company_id, updated_at desc);
create index contact_stage_idx on contact (workspace_id, lifecycle_stage, updated_at desc, id);
create index contact_owner_idx on contact (workspace_id, owner, updated_at desc);
create index contact_emails_idx on contact using gin (emails);
create index contact_phones_idx on contact using gin (phones);
create index contact_tags_idx on contact using gin (tags);

create table pipeline (
    id           uuid primary key,
    workspace_id varchar(64)  not null,
    name         varchar(120) not null,
    is_default   boolean      not null default false,
    created_at   timestamptz  not null,
    version      bigint       not null default 0
);
create unique index pipeline_name_uq on pipeline (workspace_id, lower(name));
create unique index pipeline_default_uq on pipeline (workspace_id) where is_default;

create table pipeline_stage (
    id           uuid primary key,
    workspace_id varchar(64)  not null,
    pipeline_id  uuid         not null references pipeline (id) on delete cascade,
    name         varchar(120) not null,
    position     integer      not null,
    probability  integer      not null check (probability between 0 and 100)
);
create index pipeline_stage_idx on pipeline_stage (workspace_id, pipeline_id, position);

create table deal (
    id                  uuid primary key,
    workspace_id        varchar(64)   not null,
    title               varchar(200)  not null,
    pipeline_id         uuid          not null references pipeline (id),
    stage_id            uuid          not null references pipeline_stage (id),
    status              varchar(8)    not null check (status in ('open', 'won', 'lost')),
    amount              numeric(19, 4) not null,
    currency            char(3)       not null,
    expected_close_date date,
    owner               varchar(120),
    company_id          uuid,
    contact_ids         uuid[]        not null default '{}',
    contract_status     varchar(12)   not null default 'none' check (contract_status in
                            ('none', 'draft', 'sent', 'signed', 'active', 'expired', 'terminated')),
    contract_start      date,
    contract_end        date,
    close_reason_id     uuid references deal_reason (id),
    close_note          varchar(2000),
    closed_at           timestamptz,
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null,
    version             bigint        not null default 0
);
create index deal_open_idx on deal (workspace_id, status, expected_close_date);
create index deal_closed_idx on deal (workspace_id, status, closed_at);
create index deal_pipeline_idx on deal (workspace_id, pipeline_id, stage_id);
create index deal_company_idx on deal (workspace_id, company_id);
create index deal_owner_idx on deal (workspace_id, owner);
create index deal_updated_idx on deal (workspace_id, updated_at desc, id);
create index deal_contacts_idx on deal using gin (contact_ids);

-- What happened to a deal: created, stage changes (the stage history), won, lost, contract changes.
create table deal_event (
    id            uuid primary key,
    workspace_id  varchar(64)  not null,
    deal_id       uuid         not null references deal (id) on delete cascade,
    type          varchar(16)  not null,
    from_stage_id uuid,
    to_stage_id   uuid,
    detail        varchar(2000),
    occurred_at   timestamptz  not null
);
create index deal_event_idx on deal_event (workspace_id, deal_id, occurred_at);

create table interaction (
    id               uuid primary key,
    workspace_id     varchar(64)  not null,
    contact_id       uuid         not null,
    deal_id          uuid,
    type             varchar(12)  not null check (type in ('call', 'email', 'meeting', 'note', 'sms', 'whatsapp')),
    direction        varchar(8)   check (direction in ('inbound', 'outbound')),
    occurred_at      timestamptz  not null,
    summary          varchar(4000),
    duration_seconds integer,
    outcome          varchar(200),
    created_at       timestamptz  not null
);
create index interaction_contact_idx on interaction (workspace_id, contact_id, occurred_at desc);
create index interaction_deal_idx on interaction (workspace_id, deal_id);

create table satisfaction_response (
    id           uuid primary key,
    workspace_id varchar(64)  not null,
    contact_id   uuid         not null,
    kind         varchar(4)   not null check (kind in ('csat', 'nps')),
    score        integer      not null,
    comment      varchar(2000),
    responded_at timestamptz  not null,
    created_at   timestamptz  not null,
    check ((kind = 'csat' and score between 1 and 5) or (kind = 'nps' and score between 0 and 10))
);
create index satisfaction_period_idx on satisfaction_response (workspace_id, kind, responded_at);
create index satisfaction_contact_idx on satisfaction_response (workspace_id, contact_id);

-- Transactional outbox: written in the transaction that changes the contact, delivered by OutboxDelivery.
create table outbox_event (
    id              uuid primary key,           -- also the Idempotency-Key of the delivery
    workspace_id    varchar(64)  not null,
    contact_id      uuid         not null,
    operation       varchar(8)   not null check (operation in ('upsert', 'delete')),
    sequence        bigint       not null,
    payload         text,
    status          varchar(10)  not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null,
    last_error      varchar(1000),
    created_at      timestamptz  not null,
    delivered_at    timestamptz
);
create index outbox_pending_idx on outbox_event (next_attempt_at, created_at) where status = 'pending';
create index outbox_contact_idx on outbox_event (workspace_id, contact_id, created_at);
