-- The org-unit registry (党组织): the hierarchy every record of the platform belongs to.
create table org_unit (
    code        varchar(64)   primary key,
    name        varchar(200)  not null,
    level       varchar(20)   not null,
    category    varchar(50)   not null,
    parent_code varchar(64)   references org_unit (code),
    path        varchar(1000) not null unique,
    version     bigint        not null,
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null
);
create index org_unit_parent on org_unit (parent_code);
create index org_unit_path on org_unit (path varchar_pattern_ops);
