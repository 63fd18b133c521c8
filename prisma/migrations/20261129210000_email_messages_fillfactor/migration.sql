-- The end-of-data mark (status 'sending' -> 'committing', inside every SMTP
-- transaction) changes no indexed column, so Postgres can update the row in
-- place (a HOT update: no new entry in any of the table's seven indexes) when
-- its page has room. Leave that room: 20 % of each page. Rows already on full
-- pages get it as pages are rewritten; new rows get it at once.
ALTER TABLE "email_messages" SET (fillfactor = 80);
