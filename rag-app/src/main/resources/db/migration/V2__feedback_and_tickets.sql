-- Ratings of answers and hand-offs to human agents.
create table feedback (
    id varchar(36) primary key,
    conversation_id varchar(36) not null references conversation (id) on delete cascade,
    message_id varchar(36) not null references message (id) on delete cascade,
    rating varchar(8) not null,
    comment text,
    created_at timestamp with time zone not null
);

create index feedback_rating on feedback (rating, created_at);

create table ticket (
    id varchar(36) primary key,
    conversation_id varchar(36) not null references conversation (id) on delete cascade,
    reason text,
    contact varchar(200),
    status varchar(16) not null,
    created_at timestamp with time zone not null,
    closed_at timestamp with time zone
);

create index ticket_status on ticket (status, created_at);
