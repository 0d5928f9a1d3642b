-- The passages a user turn sent to the model (number, chunk, document, title, source, snippet) as JSON. Numbers are
-- unique within a conversation, and a later turn sends only passages not already in its prompt, citing earlier ones
-- by number, so the model can cite a passage from any turn still in the prompt.
alter table message add column passages text;
