-- Leads: capture, dedupe, assignment, reads and changes. Every statement runs inside
-- SessionContext.inTransaction, so row-level security (app.lead_access) decides what is visible.

-- name: patient_by_contact
SELECT patient_id_by_contact($1, $2) AS patient_id;

-- name: open_lead_by_contact
-- the open lead with this phone or e-mail (phone first), locked: a second capture attaches to it
SELECT id, owner_id, full_name, phone, email, version
FROM crm_leads
WHERE merged_into_id IS NULL AND status NOT IN ('converted', 'lost')
  AND (($1::text IS NOT NULL AND phone = $1) OR ($2::text IS NOT NULL AND email = $2))
ORDER BY ($1::text IS NOT NULL AND phone = $1) DESC, created_at
LIMIT 1
FOR UPDATE;

-- name: insert_lead
INSERT INTO crm_leads (full_name, phone, email, preferred_language, source, utm_campaign, utm_medium, utm_source,
                       utm_content, utm_term, interested_service_id, interested_in, owner_id, notes, tags, created_by,
                       last_activity_at, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17)
RETURNING id;

-- name: next_marketer_unlocked
-- round-robin: the active marketer who took a lead longest ago (never first); others assigning now skip the row
SELECT m.user_id
FROM crm_marketers m JOIN users u ON u.id = m.user_id
WHERE m.accepts_leads AND u.is_active
ORDER BY m.last_assigned_at NULLS FIRST, m.created_at, m.user_id
LIMIT 1
FOR UPDATE OF m SKIP LOCKED;

-- name: next_marketer_waiting
-- every candidate is being assigned right now: wait for the first instead of leaving the lead unassigned
SELECT m.user_id
FROM crm_marketers m JOIN users u ON u.id = m.user_id
WHERE m.accepts_leads AND u.is_active
ORDER BY m.last_assigned_at NULLS FIRST, m.created_at, m.user_id
LIMIT 1
FOR UPDATE OF m;

-- name: mark_assigned
UPDATE crm_marketers SET last_assigned_at = $2 WHERE user_id = $1;

-- name: is_marketer
SELECT EXISTS (SELECT 1 FROM crm_marketers m JOIN users u ON u.id = m.user_id WHERE m.user_id = $1 AND u.is_active)
       AS marketer;

-- name: notify_user
-- an in-app notice (lead_assigned, lead_follow_up_due) in the user's language; a repeated key is a no-op
INSERT INTO notifications (recipient_user_id, channel, event_type, locale, payload, not_before, idempotency_key)
SELECT u.id, 'in_app', $2, u.language_preference, $3, $4, $5 FROM users u WHERE u.id = $1
ON CONFLICT (idempotency_key) DO NOTHING;

-- name: record_consent
INSERT INTO consent_events (phone, email, channel, action, wording, locale, source, recorded_by, occurred_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9);

-- name: set_consent
UPDATE crm_leads
SET marketing_opt_in_at = CASE WHEN $2 THEN $5 ELSE marketing_opt_in_at END,
    marketing_opt_in_channel = CASE WHEN $2 THEN $3 ELSE marketing_opt_in_channel END,
    marketing_opt_in_wording = CASE WHEN $2 THEN $4 ELSE marketing_opt_in_wording END,
    marketing_opt_out_at = CASE WHEN $2 THEN NULL ELSE $5 END
WHERE id = $1;

-- name: touch
UPDATE crm_leads SET last_activity_at = greatest(coalesce(last_activity_at, $2), $2) WHERE id = $1;

-- name: touch_contacted
-- A logged contact (call, WhatsApp, SMS, e-mail, meeting) is the first contact when there was none: it
-- stops the first-contact SLA clock whatever the lead's status (the attempt counts, answered or not).
UPDATE crm_leads SET last_activity_at = greatest(coalesce(last_activity_at, $2), $2),
    first_contacted_at = coalesce(first_contacted_at, $2)
WHERE id = $1;

-- name: score_inputs
SELECT l.source, l.status, l.interested_service_id, l.interested_in, l.created_at, l.last_activity_at,
       count(a.id) FILTER (WHERE a.type IN ('call', 'whatsapp', 'sms', 'email', 'meeting', 'note')) AS touches,
       count(a.id) FILTER (WHERE a.type = 'system' AND a.details ->> 'event' = 'captured_again') AS recaptures
FROM crm_leads l LEFT JOIN crm_activities a ON a.lead_id = l.id
WHERE l.id = $1
GROUP BY l.id;

-- name: set_score
UPDATE crm_leads SET score = $2, score_breakdown = $3 WHERE id = $1;

-- name: lead
SELECT l.*, coalesce(l.converted_patient_id, patient_id_by_contact(l.phone, l.email)) AS patient_id
FROM crm_leads l WHERE l.id = $1;

-- name: lead_for_update
SELECT l.* FROM crm_leads l WHERE l.id = $1 FOR UPDATE;

-- name: update_lead
UPDATE crm_leads
SET full_name = $2, phone = $3, email = $4, preferred_language = $5, interested_service_id = $6, interested_in = $7,
    tags = $8, notes = $9, owner_id = $10, version = version + 1
WHERE id = $1
RETURNING version;

-- name: set_status
UPDATE crm_leads
SET status = $2::text, lost_reason = CASE WHEN $2::text = 'lost' THEN $3 ELSE NULL END,
    first_contacted_at = CASE WHEN first_contacted_at IS NULL AND $4::boolean THEN $5::timestamptz
                              ELSE first_contacted_at END,
    last_activity_at = $5::timestamptz, version = version + 1
WHERE id = $1
RETURNING version;

-- name: list_leads
-- one page, filters (null = any), keyset after (created_at, id), newest first; with $12 only the leads
-- whose normalized name/phone/e-mail contains it (or the phone digits $13). crm_lead_page
-- (changeset 023) finds the page's ids and stops there; the rows come back through row-level
-- security as always
SELECT l.*, coalesce(l.converted_patient_id, patient_id_by_contact(l.phone, l.email)) AS patient_id
FROM crm_lead_page($12::text, $13::text, $1::uuid, $2::text, $3::text, $4::text, $5::text, $6::timestamptz,
                   $7::timestamptz, $8::timestamptz, $9::uuid, $10::boolean, $11::integer) AS m(id)
JOIN crm_leads l ON l.id = m.id
ORDER BY l.created_at DESC, l.id DESC
LIMIT $11;

-- name: close_merged
UPDATE crm_leads SET merged_into_id = $2, version = version + 1 WHERE id = $1;

-- name: absorb
-- the survivor takes what it lacks from the merged lead
UPDATE crm_leads s
SET phone = coalesce(s.phone, m.phone), email = coalesce(s.email, m.email),
    interested_service_id = coalesce(s.interested_service_id, m.interested_service_id),
    interested_in = coalesce(s.interested_in, m.interested_in),
    utm_campaign = coalesce(s.utm_campaign, m.utm_campaign), utm_medium = coalesce(s.utm_medium, m.utm_medium),
    utm_source = coalesce(s.utm_source, m.utm_source), utm_content = coalesce(s.utm_content, m.utm_content),
    utm_term = coalesce(s.utm_term, m.utm_term), owner_id = coalesce(s.owner_id, m.owner_id),
    notes = coalesce(s.notes, m.notes),
    tags = ARRAY(SELECT DISTINCT t FROM unnest(s.tags || m.tags) t ORDER BY t),
    marketing_opt_in_at = coalesce(s.marketing_opt_in_at, m.marketing_opt_in_at),
    marketing_opt_in_channel = coalesce(s.marketing_opt_in_channel, m.marketing_opt_in_channel),
    marketing_opt_in_wording = coalesce(s.marketing_opt_in_wording, m.marketing_opt_in_wording),
    first_contacted_at = least(s.first_contacted_at, m.first_contacted_at),
    last_activity_at = greatest(s.last_activity_at, m.last_activity_at),
    version = s.version + 1
FROM crm_leads m
WHERE s.id = $1 AND m.id = $2
RETURNING s.version;

-- name: move_activities
UPDATE crm_activities SET lead_id = $1 WHERE lead_id = $2;

-- name: whatsapp_profile_name
SELECT profile_name FROM whatsapp_contacts WHERE phone = $1;

-- name: open_lead_of_patient
-- the newest lead that became this patient or shares their phone/e-mail, for a task about a known patient
SELECT l.id FROM crm_leads l
WHERE l.merged_into_id IS NULL
  AND (l.converted_patient_id = $1 OR patient_id_by_contact(l.phone, l.email) = $1)
ORDER BY (l.status NOT IN ('converted', 'lost')) DESC, l.created_at DESC
LIMIT 1;
