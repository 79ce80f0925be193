-- Order per subject (decision 025): the last sequence number each subject's events were given on each topic (Outbox),
-- and the last one each consumer took (ConsumedEvents), so a consumer can tell an event that arrives late.
create table event_sequence (
    topic         varchar(200) not null,
    subject       varchar(200) not null,
    last_sequence bigint       not null,
    primary key (topic, subject)
);

create table consumed_sequence (
    consumer      varchar(100) not null,
    topic         varchar(200) not null,
    subject       varchar(200) not null,
    last_sequence bigint       not null,
    primary key (consumer, topic, subject)
);
