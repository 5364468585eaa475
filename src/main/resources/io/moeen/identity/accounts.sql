-- SQL of sign-up and of a person's changes to their own account.

-- name: account_exists
SELECT EXISTS (SELECT 1 FROM users
               WHERE ($1::text IS NOT NULL AND email = $1) OR ($2::text IS NOT NULL AND phone = $2)) AS taken;

-- name: insert_user
INSERT INTO users (email, phone, password_hash, first_name_ar, last_name_ar, first_name_en, last_name_en,
                   language_preference)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
RETURNING id;

-- name: grant_patient_role
INSERT INTO user_roles (user_id, role_id)
SELECT $1, r.id FROM roles r WHERE r.code = 'patient';

-- name: insert_own_patient
-- Runs as the new user (SessionContext.actAs): RLS WITH CHECK requires user_id = app.user_id.
-- No RETURNING: the visibility policy cannot see a row while the statement inserting it runs.
INSERT INTO patients (id, user_id, first_name_ar, last_name_ar, first_name_en, last_name_en, date_of_birth, gender,
                      phone, email, preferred_language, created_by)
VALUES ($11, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $1);

-- name: own_patient_record_number
SELECT medical_record_number FROM patients WHERE id = $1;

-- name: update_profile
-- $2..$5: whether each name field was sent; a field not sent keeps its value
UPDATE users SET
  first_name_ar = CASE WHEN $2 THEN $6 ELSE first_name_ar END,
  last_name_ar  = CASE WHEN $3 THEN $7 ELSE last_name_ar END,
  first_name_en = CASE WHEN $4 THEN $8 ELSE first_name_en END,
  last_name_en  = CASE WHEN $5 THEN $9 ELSE last_name_en END,
  language_preference = coalesce($10, language_preference)
WHERE id = $1 AND is_active;

-- name: credentials
SELECT id, email, phone, password_hash FROM users WHERE id = $1 AND is_active;

-- name: change_password
UPDATE users SET password_hash = $2, password_changed_at = now() WHERE id = $1;
