-- Local replica of assessment-service's org-unit registry, fed by the compacted topic org.units.
create table org_unit_replica (
    code          varchar(64)  primary key,
    name          varchar(200) not null,
    level         varchar(20)  not null,
    category      varchar(50)  not null,
    parent_code   varchar(64),
    path          varchar(1000) not null unique,
    version       bigint       not null,
    replicated_at timestamptz  not null
);
create index org_unit_replica_parent on org_unit_replica (parent_code);
create index org_unit_replica_path on org_unit_replica (path varchar_pattern_ops);
