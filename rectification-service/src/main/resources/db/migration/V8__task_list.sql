-- The task list 任务清单: the year's tasks a committee issues to the units below it, answered by each unit and
-- checked by the committee, with deadlines, warnings and overdue as rectification items have.
create sequence task_number;
create table responsibility_task (
    id                     uuid          primary key,
    number                 varchar(20)   not null unique,
    year                   integer       not null,
    title                  varchar(200)  not null,
    description            varchar(4000),
    org_code               varchar(64)   not null,
    org_path               varchar(1000) not null,
    issuing_path           varchar(1000) not null,
    supervising_department varchar(40),
    evidence_required      varchar(500),
    indicator              varchar(40),
    deadline               date          not null,
    state                  varchar(30)   not null,
    completion             varchar(8000),
    overdue_raised_for     date,
    escalated_to           varchar(1000),
    closed_on              date,
    on_time                boolean,
    issued_by              varchar(100)  not null,
    issued_at              timestamptz   not null,
    version                bigint        not null
);
create index responsibility_task_path on responsibility_task (org_path varchar_pattern_ops);
create index responsibility_task_open on responsibility_task (deadline) where state not in ('COMPLETED', 'WITHDRAWN');

create sequence task_history_seq increment by 50;
create table task_history (
    id         bigint        primary key,
    task_id    uuid          not null references responsibility_task (id),
    at         timestamptz   not null,
    actor      varchar(100)  not null,
    action     varchar(30)   not null,
    from_state varchar(30),
    to_state   varchar(30),
    note       text
);
create index task_history_task on task_history (task_id, id);
create trigger task_history_append_only before update or delete on task_history
    for each row execute function refuse_change();

-- one evidence table: a file proves an item's step or a task's completion
alter table evidence alter column item_id drop not null;
alter table evidence add column task_id uuid references responsibility_task (id);
alter table evidence add constraint evidence_of_one check (num_nonnulls(item_id, task_id) = 1);
create index evidence_task on evidence (task_id);
