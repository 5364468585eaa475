--liquibase formatted sql

--changeset moeen:019-crm-lead-search splitStatements:false
-- Lead search through the trigram index. Under row-level security PostgreSQL may not run a
-- non-leakproof operator such as LIKE before the policy, so a search straight on crm_leads scans
-- every row (about 0.3 s over 100k leads). This function finds the matching ids through the index
-- as the owner; the caller's query then joins them to crm_leads, where the policy still decides
-- which leads come back. Only ids leave the function, and only the service's role may call it.
CREATE OR REPLACE FUNCTION crm_lead_ids_matching(p_text text, p_digits text) RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER ROWS 200 SET search_path = public AS $$
  SELECT id FROM crm_leads
  WHERE search_text LIKE '%' || normalize_search_text(p_text) || '%'
     OR (p_digits IS NOT NULL AND search_text LIKE '%' || p_digits || '%')
$$;
REVOKE ALL ON FUNCTION crm_lead_ids_matching(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION crm_lead_ids_matching(text, text) TO moeen_app;
