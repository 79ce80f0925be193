-- Sealing reads every mark of a box as text, and turning jsonb back into text was most of PostgreSQL's share of it
-- (about 0.8 s of a 100,000-ballot box, 0.2 s as json, docs/benchmarks.md). json keeps the text as written and still
-- refuses what is not JSON; nothing queries inside the marks.
alter table ballot alter column marks type json using marks::json;
