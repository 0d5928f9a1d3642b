-- Tokens each client of the code assistant used per day (UTC), for its daily budget. The client is key:<keyed hash of
-- the API key>, user:<name> or ip:<keyed hash of the address>, never a key or an address. Rows of past days are
-- deleted by the application.
create table code_token_usage (
    client_id varchar(100) not null,
    usage_day date not null,
    tokens bigint not null,
    primary key (client_id, usage_day)
);
