--liquibase formatted sql

--changeset moeen:065-search-indexes-no-pending-list
-- Issue 15, the lead search (bench/lead-search.sh). A GIN index with fastupdate (PostgreSQL's default) puts new
-- entries in a pending list, up to gin_pending_list_limit (4 MB), that every search then reads in full until a
-- vacuum or a full list merges it into the index. Over 100k leads a search that costs 1-2 ms on a merged index
-- cost 5-10 ms of PostgreSQL's CPU while the list was full, and a clinic's list is full again between any two
-- autovacuums. Leads and patients are written one at a time (a form, a chat, reception) and searched all day,
-- so their trigram indexes take the entry at insert (a fraction of a millisecond more per insert) and a search
-- never reads a pending list. Whatever a list holds today is merged now.
ALTER INDEX crm_leads_search_trgm SET (fastupdate = off);
SELECT gin_clean_pending_list('crm_leads_search_trgm');
ALTER INDEX patients_search_trgm SET (fastupdate = off);
SELECT gin_clean_pending_list('patients_search_trgm');
