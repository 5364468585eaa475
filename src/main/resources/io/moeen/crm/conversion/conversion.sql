-- name: lead_for_conversion
SELECT id, full_name, phone, email, status, merged_into_id, converted_patient_id
FROM crm_leads WHERE id = $1 FOR UPDATE;

-- name: visible_patient
-- under the caller's row-level security: staff who may see patients find it, others do not
SELECT id FROM patients WHERE id = $1;

-- name: patient_by_contact
SELECT patient_id_by_contact($1, $2) AS patient_id;

-- name: create_patient
SELECT crm_create_patient_from_lead($1, $2, $3, $4) AS patient_id;

-- name: link_patient
UPDATE crm_leads SET converted_patient_id = $2, last_activity_at = $3, version = version + 1 WHERE id = $1;

-- name: system_activity
INSERT INTO crm_activities (lead_id, type, details, author_id, created_at) VALUES ($1, 'system', $2, $3, $4);

-- name: leads_of_patient
SELECT l.id, l.status FROM crm_leads l WHERE l.id IN (SELECT crm_open_leads_of_patient($1)) ORDER BY l.created_at FOR UPDATE;

-- name: move_lead
-- $3 the new status; converted_at only when converting
UPDATE crm_leads SET status = $3::text, converted_patient_id = coalesce(converted_patient_id, $2),
       converted_at = CASE WHEN $3::text = 'converted' THEN $4::timestamptz ELSE converted_at END,
       last_activity_at = $4::timestamptz, version = version + 1
WHERE id = $1;

-- name: link_only
UPDATE crm_leads SET converted_patient_id = coalesce(converted_patient_id, $2) WHERE id = $1;

-- name: status_activity
INSERT INTO crm_activities (lead_id, type, from_status, to_status, details, created_at)
VALUES ($1, 'status_change', $2, $3, $4, $5);
