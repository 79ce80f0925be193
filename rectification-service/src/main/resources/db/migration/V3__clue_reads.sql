-- Every read of a clue: who read which clue when, in the list or whole with its reporter (docs/domain.md §7).
-- Append-only, like the clue's handling.
create table clue_read (
    id      bigint       generated always as identity primary key,
    clue_id uuid         not null references clue (id),
    reader  varchar(100) not null,
    read_at timestamptz  not null,
    whole   boolean      not null -- details and reporter, not only the list's summary
);
create index clue_read_clue on clue_read (clue_id, id);
create trigger clue_read_append_only before update or delete on clue_read
    for each row execute function refuse_change();
