-- Answers to frequent questions, shared by every replica. An entry is keyed by its standalone question and language
-- and holds the versions (content hashes) of the documents its answer cited: a reader checks them against the
-- knowledge base and drops the entry when any changed. vector is the question's embedding (base64 of float32s) for
-- the semantic match.
create table answer_cache (
    id varchar(36) primary key,
    question_key varchar(64) not null,
    question text not null,
    language varchar(8) not null,
    vector_space varchar(64) not null,
    vector text not null,
    answer text not null,
    citations text not null,
    cited_chunks text not null,
    document_versions text not null,
    cost_cny decimal(20, 8),
    created_at timestamp with time zone not null,
    hits bigint not null default 0,
    last_hit_at timestamp with time zone,
    constraint answer_cache_question unique (question_key)
);

create index answer_cache_language on answer_cache (language, vector_space);

-- Answers served from the cache: which entry, how it matched, what the model call would have cost. Feedback on such
-- an answer is feedback on its entry (joined through message_id). No reference to the entry: a purged entry's uses
-- still count in the dashboard's savings.
create table answer_cache_use (
    message_id varchar(36) primary key references message (id) on delete cascade,
    entry_id varchar(36) not null,
    match_kind varchar(8) not null,
    similarity double precision,
    saved_cost_cny decimal(20, 8),
    created_at timestamp with time zone not null
);

create index answer_cache_use_entry on answer_cache_use (entry_id);
create index answer_cache_use_created_at on answer_cache_use (created_at);

-- Time from the question to the first answer text shown (streamed) or to the whole answer (JSON), for the dashboard.
alter table message add column first_token_ms bigint;
