-- Customer conversations. prompt_text keeps exactly what the model saw (user turn with its passages block) or said,
-- so that every later prompt repeats the earlier turns verbatim and DeepSeek's context cache hits the prefix.
create table conversation (
    id varchar(36) primary key,
    -- SHA-256 of the owner's random chat cookie: only that browser (or API client) may read or continue it
    owner_hash varchar(64) not null,
    language varchar(8) not null,
    system_prompt text not null,
    -- seq of the first message still sent to the model (older turns were dropped for the token budget)
    history_start int not null default 0,
    created_at timestamp with time zone not null
);

create table message (
    id varchar(36) primary key,
    conversation_id varchar(36) not null references conversation (id) on delete cascade,
    seq int not null,
    role varchar(16) not null,
    content text not null,
    prompt_text text not null,
    mode varchar(20),
    citations text,
    reasoning text,
    prompt_tokens bigint,
    completion_tokens bigint,
    cache_hit_tokens bigint,
    cache_miss_tokens bigint,
    cost_cny decimal(20, 8),
    created_at timestamp with time zone not null,
    constraint message_conversation_seq unique (conversation_id, seq)
);

create index message_created_at on message (created_at);
