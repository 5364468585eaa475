--liquibase formatted sql

--changeset moeen:023-crm-lead-page splitStatements:false
-- One page of the lead list, searched or not, ranked and limited in the database (issue 15). 019
-- handed back every matching id and the caller fetched and sorted them all, newest first: 8,333
-- rows for a common name over 100k leads. This function returns only the page's ids, newest first
-- (the order and the keyset cursor stay as they were).
--
-- A common word is found among the newest leads that pass the filters: the first query looks at a
-- window of them, newest first, through an index in that order, and stops there when the page is
-- full; the page is then exactly the first matches in (created_at, id) order, since every lead
-- outside the window is older than every lead in it. A rare word does not fill the page in the
-- window; the second query then takes every match from the trigram index (few by then) and sorts
-- them: bitmap scans only, as the planner, seeing LIMIT 21, would otherwise walk the whole table in
-- created_at order hoping for matches that are not there. Without a word only the second query
-- runs, with every scan allowed.
--
-- It runs as the owner (no row-level security inside), so it applies the lead policy itself: the
-- limit counts only leads the caller may see, and the caller's join to crm_leads applies the policy
-- again (a divergence could only shorten a page, never show a lead). The policy is written out here
-- (app_may_see_lead, changeset 015, with the caller's settings read once) rather than called: as a
-- constant it folds away, where the policy on each row is estimated to keep 1% of the rows and the
-- planner then sorts every lead of a status or campaign instead of walking its index in order.
-- Only ids leave the function, and only the service's role may call it. Planned for each call's
-- values (force_custom_plan), so a filter that is not given disappears from the plan.
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
BEGIN
  IF p_text IS NOT NULL AND p_limit <= 101 THEN -- a page, not the export
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
-- replaced by crm_lead_page: a SECURITY DEFINER function nothing calls is surface for nothing
DROP FUNCTION crm_lead_ids_matching(text, text);

--changeset moeen:023-crm-leads-campaign-created
-- A campaign's leads newest first: walked in order instead of every lead of the campaign sorted
-- (5,000 of 100k in the bench). Replaces the campaign-only index.
CREATE INDEX crm_leads_campaign_created ON crm_leads (utm_campaign, created_at DESC, id DESC)
  WHERE utm_campaign IS NOT NULL;
DROP INDEX crm_leads_campaign;
