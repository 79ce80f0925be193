-- 述职评议 results carry the assessment year their session is for, and a score out of 100 (the weighted total as a
-- share of the top grade's points). Results received before keep the year they were held and their total.
alter table evaluation_result add column year integer;
alter table evaluation_result add column score numeric(9, 4);
update evaluation_result set year = extract(year from held_on), score = weighted_total;
alter table evaluation_result alter column year set not null;

-- The sessions a scheme counts for its 述职评议 component, named by its organizer: sessions held by the scheme's
-- unit or above, for the scheme's year. Results of other sessions are kept and not counted.
create table counted_session (
    scheme_id  uuid         not null references scheme (id),
    session_id uuid         not null,
    named_by   varchar(100) not null,
    named_at   timestamptz  not null,
    primary key (scheme_id, session_id)
);
