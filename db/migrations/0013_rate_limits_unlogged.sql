-- Rate-limit counters are written on every API request and every sign-in email: unlogged, a
-- write does not wait for the WAL's flush. A crash empties the table, which forgets at most one
-- window's counts.
ALTER TABLE "rate_limits" SET UNLOGGED;
