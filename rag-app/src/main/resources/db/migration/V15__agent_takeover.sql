-- Live agent takeover. A ticket is waiting while open without a holder, held while open with one (the bot is silent
-- then), done once closed; holder keeps the last agent's user name. Two agents cannot both take a ticket: the take is
-- one conditional update (... where holder is null).
alter table ticket add column holder varchar(64);
alter table ticket add column taken_at timestamp with time zone;
-- What the host page of the widget said about the customer (data-customer): display data, never verified.
alter table ticket add column customer_ref varchar(64);

create index ticket_conversation on ticket (conversation_id, status);

-- The agent channel: what the customer and the agent say while an agent holds a conversation, and its events
-- (joined, handed-back, closed). Any replica appends; the replica holding a customer's or an agent's event stream
-- polls for rows past the seq it has sent. seq counts per conversation from 1 without gaps: the unique constraint
-- makes a concurrent second insert of the same number fail (and retry), so a later seq never becomes visible before
-- an earlier one.
create table agent_message (
    id varchar(36) primary key,
    conversation_id varchar(36) not null references conversation (id) on delete cascade,
    seq int not null,
    ticket_id varchar(36) references ticket (id) on delete cascade,
    kind varchar(16) not null,
    -- user name of the agent (agent messages and events), null for the customer
    author varchar(64),
    -- the name the customer sees
    author_name varchar(100),
    content text,
    -- the passages an agent's reply cites, as JSON (same shape as an answer's citations)
    citations text,
    created_at timestamp with time zone not null,
    constraint agent_message_conversation_seq unique (conversation_id, seq)
);
