-- One database and owner per service (each service owns its schema through Flyway). Local demo passwords.
create role assessment login password 'assessment-compose-demo';
create database assessment owner assessment;
create role rectification login password 'rectification-compose-demo';
create database rectification owner rectification;
create role ballot login password 'ballot-compose-demo';
create database ballot owner ballot;
create role webhook login password 'webhook-compose-demo';
create database webhook owner webhook;
