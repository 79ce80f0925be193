-- Shared by every service (platform-common): who changed what, when and from where. Written by
-- party.common.audit.AuditTrail after each state-changing request; no statement may alter or remove a row.
create table audit_entry (
    id             bigint generated always as identity primary key,
    at             timestamptz   not null,
    actor          varchar(200)  not null,
    actor_org_path varchar(500),
    method         varchar(10)   not null,
    path           varchar(2000) not null,
    status         integer       not null,
    client_address varchar(100),
    request_id     varchar(100)
);
create index audit_entry_at on audit_entry (at desc);

create function audit_entry_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only';
end $$;
create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_entry_refuse_change();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_refuse_change();
