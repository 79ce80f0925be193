-- Closing a session withdraws the credentials not yet spent, before it shuffles the box: a cast racing the close
-- either spent its credential first (closing waits for it and shuffles its ballot with the rest) or finds it
-- withdrawn. This replaced an advisory lock that every cast held in a transaction of its own (docs/benchmarks.md).
alter table voting_credential add column withdrawn boolean not null default false;
