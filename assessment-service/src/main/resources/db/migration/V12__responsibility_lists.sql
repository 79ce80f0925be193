-- The tasks of the task list 任务清单 issued to units, as rectification-service last announced them on
-- rectification.tasks: what a unit's responsibility list draws from. Events from before tasks carried their
-- state's words have no state_label.
create table unit_task (
    task_id     uuid          primary key,
    number      varchar(20)   not null,
    year        integer       not null,
    title       varchar(500)  not null,
    unit_code   varchar(64)   not null,
    org_path    varchar(1000) not null,
    state       varchar(20)   not null,
    state_label varchar(20),
    deadline    date          not null,
    closed_on   date,
    on_time     boolean
);

-- Responsibility lists 责任清单 (docs/domain.md §8): one line per duty, on the leader of the unit who carries it.
-- Drawn from a post when it is taken and from a task when it arrives; afterwards the unit's own to edit. A drawn
-- title holds a whole business-areas or party-duties line of the appointment.
create table duty (
    id             uuid          primary key,
    unit_code      varchar(64)   not null references org_unit (code),
    org_path       varchar(1000) not null,
    person_id      uuid          references person (id),
    appointment_id uuid          references appointment (id),
    origin         varchar(10)   not null,
    title          varchar(1200) not null,
    year           integer,
    task_id        uuid          references unit_task (task_id),
    removed_reason varchar(2000),
    created_by     varchar(100)  not null,
    created_at     timestamptz   not null,
    version        bigint        not null
);
create index duty_unit on duty (unit_code);
create index duty_person on duty (person_id);
create index duty_task on duty (task_id);

-- The duty a record fulfils (docs/domain.md §8: a record links to the task or responsibility it fulfils).
alter table duty_record add column duty_id uuid references duty (id);
