-- Photos customers attached to a question, stored with the conversation (erased with it: the cascade) after their
-- metadata (EXIF location, XMP, comments) was stripped. data is dropped (set to null) for the oldest photos once all
-- photos together pass the storage budget; the digest stays.
create table chat_photo (
    id varchar(36) primary key,
    conversation_id varchar(36) not null references conversation (id) on delete cascade,
    message_id varchar(36) not null references message (id) on delete cascade,
    position int not null,
    format varchar(8) not null,
    sha256 varchar(64) not null,
    size_bytes bigint not null,
    data bytea,
    created_at timestamp with time zone not null
);

create index chat_photo_message on chat_photo (message_id);
create index chat_photo_created_at on chat_photo (created_at);

-- The audit log keeps photos as digests only: the SHA-256 of each image a model call carried, comma-separated.
alter table audit_log add column image_sha256 varchar(200);
