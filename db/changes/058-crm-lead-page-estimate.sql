--liquibase formatted sql

--changeset moeen:058-crm-lead-page-estimate splitStatements:false
-- Issue 15, the lead search over 100k leads (bench/lead-search-explain.sh, bench/README.md). EXPLAIN ANALYZE of
-- list_leads showed the trigram index answering every rare search in 1-2 ms, and crm_lead_page spending 10-20 ms
-- before it on the newest-first window (3,240 leads read and matched with LIKE) that a rare word or phone digits
-- can never fill: p50 26 ms for phone digits and for a rare three-word name. crm_lead_page (changeset 023) now
-- asks the planner first how common the search is and skips the window when it is not expected to fill the
-- page. Results are the same by construction: the window's page is used only when it is full, and otherwise
-- the index finds every match, as before. The rest of the function is 023's, unchanged.
-- The planner's estimate of how many leads a search matches (search_text LIKE the text's pattern, or the
-- digits' pattern, or either). EXPLAIN is a utility statement, which a STABLE function such as crm_lead_page may
-- not run, hence this VOLATILE helper; it plans and runs nothing else. Only the owner's functions call it.
CREATE OR REPLACE FUNCTION crm_lead_match_estimate(p_pattern text, p_digits_pattern text) RETURNS numeric
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  plan json;
BEGIN
  IF p_pattern IS NULL AND p_digits_pattern IS NULL THEN
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
  IF p_text IS NOT NULL AND p_limit <= 101 THEN
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
