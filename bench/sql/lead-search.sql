-- pgbench script: one lead search exactly as the service runs it (LeadList.list -> LeadStore.list):
-- one transaction as moeen_app (connect with PGOPTIONS='-c role=moeen_app', so row-level security
-- applies), the supervisor's settings as SessionContext sets them, then leads.sql's list_leads
-- with a search, no filter and a first page of 20 (the service asks for one more to know whether
-- there is a next page).
--
--   PGOPTIONS='-c role=moeen_app' pgbench -n -M prepared -f bench/sql/lead-search.sql \
--     -D user_id=<the supervisor's users.id> -D q=احمد -D digits=none -c 8 -j 2 -T 20 -h ... -p ... -U ... <db>
--
-- digits: what LeadQuery derives from a q made of digits (ASCII, leading zeros dropped, e.g.
-- ٠٥٥٠٠١٢٣٤ -> 55001234), otherwise none (pgbench takes no empty
-- value). LeadSearchBench --pgbench runs this for every search.
BEGIN;
SELECT set_config('app.user_id', :user_id, true),
       set_config('app.role', 'supervisor', true),
       set_config('app.patient_access', 'any', true),
       set_config('app.audit_access', 'any', true),
       set_config('app.request_id', 'pgbench', true),
       set_config('app.ip', '127.0.0.1', true),
       set_config('app.lead_access', 'any', true);
SELECT l.*, coalesce(l.converted_patient_id, patient_id_by_contact(l.phone, l.email)) AS patient_id
FROM crm_lead_page(:q, nullif(:digits, 'none')::text, NULL::uuid, NULL::text, NULL::text, NULL::text, NULL::text,
                   NULL::timestamptz, NULL::timestamptz, NULL::timestamptz, NULL::uuid, false, 21) AS m(id)
JOIN crm_leads l ON l.id = m.id
ORDER BY l.created_at DESC, l.id DESC
LIMIT 21;
COMMIT;
