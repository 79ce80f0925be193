-- Set by the transaction that does a claimed request's work, so a retry after a kill can tell a request that changed
-- something (never run again) from one that changed nothing (run again).
alter table idempotent_request add column carried_out boolean not null default false;
