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

--changeset moeen:065-crm-lead-page-phone-digits splitStatements:false
-- Issue 15, the lead search by phone (bench/lead-search-explain.sh): crm_lead_page (changesets 023, 058) asks
-- crm_lead_match_estimate how common a search is before choosing between the newest-first window and the
-- trigram index. For seven digits or more alone (a q of digits: no text pattern, only the digits') the answer is
-- always "a handful", part of one phone number, and the EXPLAIN cost about as much as the search itself; such a
-- search is now estimated at 0 without planning, so crm_lead_page goes straight to the index. The page is the
-- same either way (the window is only used when it fills the page). The rest is 058's, unchanged.
CREATE OR REPLACE FUNCTION crm_lead_match_estimate(p_pattern text, p_digits_pattern text) RETURNS numeric
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  plan json;
BEGIN
  IF p_pattern IS NULL AND p_digits_pattern IS NULL THEN
    RETURN 0;
  END IF;
  IF p_pattern IS NULL AND p_digits_pattern ~ '^%[0-9]{7,}%$' THEN
    RETURN 0;
  END IF;
  EXECUTE 'EXPLAIN (FORMAT JSON) SELECT 1 FROM crm_leads WHERE '
    || concat_ws(' OR ', CASE WHEN p_pattern IS NOT NULL THEN format('search_text LIKE %L', p_pattern) END,
                         CASE WHEN p_digits_pattern IS NOT NULL THEN format('search_text LIKE %L', p_digits_pattern) END)
    INTO plan;
  RETURN (plan -> 0 -> 'Plan' ->> 'Plan Rows')::numeric;
END
$$;
REVOKE ALL ON FUNCTION crm_lead_match_estimate(text, text) FROM PUBLIC;
