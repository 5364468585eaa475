-- SQL of patients.contacts.ensure: the patient a chat contact's phone number links to, or a new record.
-- Runs inside SessionContext.inTransaction as the chatbot's principal (patients have row-level security).

-- name: lock_phone
-- two conversations with the same number must not create two records
SELECT pg_advisory_xact_lock(hashtext('patient-phone:' || $1));

-- name: by_phone
SELECT id FROM patients WHERE phone = $1 AND is_active ORDER BY created_at LIMIT 1;

-- name: insert
INSERT INTO patients (first_name_ar, first_name_en, phone, preferred_language, created_by, registration_source)
VALUES ($1, $2, $3, $4, $5, $6)
RETURNING id;
