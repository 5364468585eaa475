--liquibase formatted sql

--changeset moeen:013-appointment-rows
-- One appointment with the names the API shows beside it; the single source for reading one
-- appointment and for listing them. security_invoker: the caller's row-level security applies.
CREATE VIEW appointment_rows WITH (security_invoker = true) AS
SELECT a.id, a.status, a.type, a.source, a.notes, a.starts_at, a.ends_at, a.version, a.created_at, a.updated_at,
       a.cancellation_reason, a.cancelled_by, a.cancelled_at, a.requested_starts_at, a.request_notes, a.requested_at,
       a.request_previous_status,
       a.patient_id, p.first_name_ar AS patient_first_ar, p.last_name_ar AS patient_last_ar,
       p.first_name_en AS patient_first_en, p.last_name_en AS patient_last_en, p.medical_record_number,
       a.doctor_id, d.user_id AS doctor_user_id, du.first_name_ar AS doctor_first_ar, du.last_name_ar AS doctor_last_ar,
       du.first_name_en AS doctor_first_en, du.last_name_en AS doctor_last_en, d.specialty_ar, d.specialty_en,
       a.service_id, s.name_ar AS service_ar, s.name_en AS service_en,
       a.location_id, l.name_ar AS location_ar, l.name_en AS location_en, l.address_ar, l.address_en, l.time_zone
FROM appointments a
JOIN patients p ON p.id = a.patient_id
JOIN doctors d ON d.id = a.doctor_id
JOIN users du ON du.id = d.user_id
JOIN services s ON s.id = a.service_id
JOIN clinic_locations l ON l.id = a.location_id;
GRANT SELECT ON appointment_rows TO moeen_app;
