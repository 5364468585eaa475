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
-- Issue 15, the lead search by phone (bench/lead-search-explain.sh): crm_lead_page (changeset 058) asked the
-- planner how common a search is before choosing between the newest-first window and the trigram index. For
-- seven digits or more the answer is always "a handful", and the EXPLAIN cost about as much as the search
-- itself; such a search now goes straight to the index. The page is the same either way (the window is only
-- used when it fills the page). The rest of the function is 058's, unchanged.
CREATE OR REPLACE FUNCTION crm_lead_page(p_text text, p_digits text, p_owner uuid, p_status text, p_source text,
                                         p_campaign text, p_tag text, p_from timestamptz, p_to timestamptz,
                                         p_after_at timestamptz, p_after_id uuid, p_unassigned boolean,
                                         p_limit integer)
RETURNS SETOF uuid
LANGUAGE plpgsql STABLE SECURITY DEFINER ROWS 20
SET search_path = public SET plan_cache_mode = force_custom_plan
-- changed inside for the rare-word query; these clauses make PostgreSQL restore them on return
SET enable_indexscan = on SET enable_seqscan = on AS $$
DECLARE
  -- How many of the newest leads that pass the filters are looked at before the trigram index is
  -- asked. A window of W rows costs about W cheap reads in index order; missing it costs the
  -- trigram index, a heap read and a sort per match, about N * limit / W of them for a word spread
  -- over N leads, each some 5 times a window row. Their sum is least at W = sqrt(5 * limit * N):
  -- about 3,200 for a page of 21 over 100k leads (a word on 1 lead in 150 fills the page there).
  window_size constant integer := greatest(1000, least(20000, sqrt(5.0 * p_limit * greatest(
    (SELECT reltuples FROM pg_class WHERE oid = 'crm_leads'::regclass), 0))::integer));
  needle constant text := normalize_search_text(p_text);
  pattern constant text := '%' || needle || '%';
  digits constant text := '%' || p_digits || '%';
  -- a q made of digits contains its own digits: whatever it finds, the digits find, so the one
  -- index scan for the digits is enough
  digits_only constant boolean := p_digits IS NOT NULL AND position(p_digits IN needle) > 0;
  access constant text := app_setting('lead_access');
  me constant uuid := app_user_id();
  page uuid[];
  share numeric := 1; -- the planner's estimate of the share of all leads the search matches
BEGIN
  IF digits_only AND length(p_digits) >= 7 THEN
    -- Seven digits or more are part of one phone number: a handful of leads at most, never a page in the
    -- window; asking the planner first (an EXPLAIN, about half of this search's time) would only say so.
    share := 0;
  ELSIF p_text IS NOT NULL AND p_limit <= 101 THEN
    -- How common is it? The planner's estimate for the trigram search alone (LIKE's selectivity from the
    -- column's statistics; planning it costs a fraction of a millisecond). A word expected to fill less
    -- than a page in the window would cost the window for nothing (3,240 rows read and matched, 10-20 ms
    -- at 100k leads) before the index finds it anyway: it goes straight to the index. Either way the page
    -- is the same (the window is only used when it fills the page), so a wrong estimate costs time only.
    share := crm_lead_match_estimate(CASE WHEN digits_only THEN NULL ELSE pattern END,
                                     CASE WHEN p_digits IS NOT NULL THEN digits END)
             / greatest((SELECT reltuples FROM pg_class WHERE oid = 'crm_leads'::regclass), 1);
  END IF;
  IF p_text IS NOT NULL AND p_limit <= 101 AND share * window_size >= p_limit THEN -- a page, not the export
    page := ARRAY(
      SELECT w.id FROM (
        SELECT l.id, l.created_at, l.search_text FROM crm_leads l
        WHERE l.merged_into_id IS NULL
          AND (access = 'any' OR (access = 'own' AND (l.owner_id IS NULL OR l.owner_id = me)))
          AND (p_owner IS NULL OR l.owner_id = p_owner)
          AND (p_status IS NULL OR l.status = p_status)
          AND (p_source IS NULL OR l.source = p_source)
          AND (p_campaign IS NULL OR l.utm_campaign = p_campaign)
          AND (p_tag IS NULL OR l.tags @> ARRAY[p_tag])
          AND (p_from IS NULL OR l.created_at >= p_from)
          AND (p_to IS NULL OR l.created_at < p_to)
          AND (p_after_at IS NULL OR (l.created_at, l.id) < (p_after_at, p_after_id))
          AND (p_unassigned IS NOT TRUE OR l.owner_id IS NULL)
        ORDER BY l.created_at DESC, l.id DESC
        LIMIT window_size) w
      WHERE (NOT digits_only AND w.search_text LIKE pattern) OR (p_digits IS NOT NULL AND w.search_text LIKE digits)
      ORDER BY w.created_at DESC, w.id DESC
      LIMIT p_limit);
    IF cardinality(page) = p_limit THEN
      RETURN QUERY SELECT unnest(page);
      RETURN;
    END IF;
  END IF;
  IF p_text IS NOT NULL THEN
    PERFORM set_config('enable_indexscan', 'off', true), set_config('enable_seqscan', 'off', true);
  END IF;
  RETURN QUERY
    SELECT l.id FROM crm_leads l
    WHERE (p_text IS NULL OR (NOT digits_only AND l.search_text LIKE pattern)
           OR (p_digits IS NOT NULL AND l.search_text LIKE digits))
      AND l.merged_into_id IS NULL
      AND (access = 'any' OR (access = 'own' AND (l.owner_id IS NULL OR l.owner_id = me)))
      AND (p_owner IS NULL OR l.owner_id = p_owner)
      AND (p_status IS NULL OR l.status = p_status)
      AND (p_source IS NULL OR l.source = p_source)
      AND (p_campaign IS NULL OR l.utm_campaign = p_campaign)
      AND (p_tag IS NULL OR l.tags @> ARRAY[p_tag])
      AND (p_from IS NULL OR l.created_at >= p_from)
      AND (p_to IS NULL OR l.created_at < p_to)
      AND (p_after_at IS NULL OR (l.created_at, l.id) < (p_after_at, p_after_id))
      AND (p_unassigned IS NOT TRUE OR l.owner_id IS NULL)
    ORDER BY l.created_at DESC, l.id DESC
    LIMIT p_limit;
END
$$;
REVOKE ALL ON FUNCTION crm_lead_page(text, text, uuid, text, text, text, text, timestamptz, timestamptz,
                                     timestamptz, uuid, boolean, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION crm_lead_page(text, text, uuid, text, text, text, text, timestamptz, timestamptz,
                                        timestamptz, uuid, boolean, integer) TO moeen_app;
