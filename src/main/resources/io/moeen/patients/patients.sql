-- SQL of the patients feature. Every statement runs inside SessionContext.inTransaction, so the
-- row-level security policies and the audit triggers know who is acting.

-- name: insert_patient
INSERT INTO patients (first_name_ar, last_name_ar, first_name_en, last_name_en, date_of_birth, gender, national_id,
                      phone, email, address, known_allergies, emergency_contact_name, emergency_contact_phone,
                      medical_history, preferred_language, created_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, coalesce($15, 'ar'), app_user_id())
RETURNING *;

-- name: patient_by_id
SELECT * FROM patients WHERE id = $1;

-- name: update_patient
-- $2: the changed columns as JSON (column name → new value); columns not named keep their value
UPDATE patients p SET
  first_name_ar           = CASE WHEN $2::jsonb ? 'first_name_ar' THEN $2::jsonb ->> 'first_name_ar' ELSE p.first_name_ar END,
  last_name_ar            = CASE WHEN $2::jsonb ? 'last_name_ar' THEN $2::jsonb ->> 'last_name_ar' ELSE p.last_name_ar END,
  first_name_en           = CASE WHEN $2::jsonb ? 'first_name_en' THEN $2::jsonb ->> 'first_name_en' ELSE p.first_name_en END,
  last_name_en            = CASE WHEN $2::jsonb ? 'last_name_en' THEN $2::jsonb ->> 'last_name_en' ELSE p.last_name_en END,
  date_of_birth           = CASE WHEN $2::jsonb ? 'date_of_birth' THEN ($2::jsonb ->> 'date_of_birth')::date ELSE p.date_of_birth END,
  gender                  = CASE WHEN $2::jsonb ? 'gender' THEN $2::jsonb ->> 'gender' ELSE p.gender END,
  national_id             = CASE WHEN $2::jsonb ? 'national_id' THEN $2::jsonb ->> 'national_id' ELSE p.national_id END,
  phone                   = CASE WHEN $2::jsonb ? 'phone' THEN $2::jsonb ->> 'phone' ELSE p.phone END,
  email                   = CASE WHEN $2::jsonb ? 'email' THEN $2::jsonb ->> 'email' ELSE p.email END,
  address                 = CASE WHEN $2::jsonb ? 'address' THEN $2::jsonb ->> 'address' ELSE p.address END,
  known_allergies         = CASE WHEN $2::jsonb ? 'known_allergies'
                                 THEN ARRAY(SELECT jsonb_array_elements_text($2::jsonb -> 'known_allergies'))
                                 ELSE p.known_allergies END,
  emergency_contact_name  = CASE WHEN $2::jsonb ? 'emergency_contact_name' THEN $2::jsonb ->> 'emergency_contact_name' ELSE p.emergency_contact_name END,
  emergency_contact_phone = CASE WHEN $2::jsonb ? 'emergency_contact_phone' THEN $2::jsonb ->> 'emergency_contact_phone' ELSE p.emergency_contact_phone END,
  medical_history         = CASE WHEN $2::jsonb ? 'medical_history' THEN $2::jsonb ->> 'medical_history' ELSE p.medical_history END,
  preferred_language      = CASE WHEN $2::jsonb ? 'preferred_language' THEN $2::jsonb ->> 'preferred_language' ELSE p.preferred_language END
WHERE p.id = $1
RETURNING *;

-- name: search_patients
-- Newest first: (created_at, id) descending; the cursor is the last row's (created_at, id).
-- $1 name text or null, $2 phone (E.164) or null, $3 record number or null, $4/$5 cursor or null, $6 limit
SELECT * FROM patients p
WHERE p.is_active
  AND ($1::text IS NULL OR p.search_text LIKE '%' || replace(replace(replace(
        btrim(regexp_replace(normalize_search_text($1::text), '\s+', ' ', 'g')),
        '\', '\\'), '%', '\%'), '_', '\_') || '%')
  AND ($2::text IS NULL OR p.phone = $2::text)
  AND ($3::text IS NULL OR upper(p.medical_record_number) = upper($3::text))
  AND ($4::timestamptz IS NULL OR (p.created_at, p.id) < ($4::timestamptz, $5::uuid))
ORDER BY p.created_at DESC, p.id DESC
LIMIT $6;

-- name: staff_medical_reader
-- May this member of staff see the patient's medical fields? Clinical's care rule (changeset 056).
SELECT app_patient_medical_reader($1) AS allowed;

-- name: audit_medical_read
-- Reads of medical fields are audited by the application; the writes by the triggers.
INSERT INTO audit_logs (user_id, role, action, entity_type, entity_id, patient_id, new_values, ip_address, request_id)
VALUES (app_user_id(), app_setting('role'), 'read', 'patients', $1::uuid::text, $1::uuid, $2::jsonb,
        app_setting('ip')::inet, app_setting('request_id'));

-- name: family_of_patient
SELECT f.id, f.patient_id, f.user_id, f.relationship, f.scopes, f.granted_at, f.revoked_at,
       u.first_name_ar, u.last_name_ar, u.first_name_en, u.last_name_en, u.email, u.phone
FROM family_members f JOIN users u ON u.id = f.user_id
WHERE f.patient_id = $1 AND f.revoked_at IS NULL
ORDER BY f.granted_at, f.id;

-- name: family_member
SELECT f.id, f.patient_id, f.user_id, f.relationship, f.scopes, f.granted_at, f.revoked_at,
       u.first_name_ar, u.last_name_ar, u.first_name_en, u.last_name_en, u.email, u.phone
FROM family_members f JOIN users u ON u.id = f.user_id
WHERE f.id = $1 AND f.patient_id = $2 AND f.revoked_at IS NULL;

-- name: account_by_email_or_phone
-- $1 email (lower-case) or null, $2 phone (E.164) or null
SELECT id FROM users
WHERE is_active AND (($1::text IS NOT NULL AND email = $1::text) OR ($2::text IS NOT NULL AND phone = $2::text))
LIMIT 1;

-- name: insert_family_member
INSERT INTO family_members (patient_id, user_id, relationship, scopes)
VALUES ($1, $2, $3, $4)
RETURNING id;

-- name: grant_family_role
INSERT INTO user_roles (user_id, role_id, granted_by)
SELECT $1, r.id, app_user_id() FROM roles r WHERE r.code = 'family_member'
ON CONFLICT (user_id, role_id) DO NOTHING;

-- name: update_family_scopes
UPDATE family_members SET scopes = coalesce($3, scopes), relationship = coalesce($4, relationship)
WHERE id = $1 AND patient_id = $2 AND revoked_at IS NULL
RETURNING id;

-- name: revoke_family_member
UPDATE family_members SET revoked_at = now()
WHERE id = $1 AND patient_id = $2 AND revoked_at IS NULL
RETURNING id, user_id;
