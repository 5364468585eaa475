--liquibase formatted sql

--changeset moeen:demo-026-intake-forms context:demo
-- Ahmed filled his intake form on the portal before his first visit; Dr. Khalid reviewed it.
INSERT INTO intake_forms (id, patient_id, version, allergies, current_medications, conditions, previous_treatments,
                          emergency_contact_name, emergency_contact_phone, insurance_provider, insurance_policy_number,
                          concerns, preferred_doctor_id, submitted_by, submitted_via, reviewed_by, reviewed_at, created_at)
VALUES ('00000000-0000-4018-8000-000000000501', '00000000-0000-4000-9000-000000000007', 1, '{بنسلين}', '{}',
        '{ارتفاع ضغط الدم}', 'لا يوجد', 'محمد الغامدي', '+966550000107', 'بوبا العربية', 'BUPA-7781234',
        'صداع صباحي متكرر', '00000000-0000-4000-c200-000000000004', '00000000-0000-4000-8000-000000000007', 'patient',
        '00000000-0000-4000-8000-000000000004', now() - interval '60 days', now() - interval '61 days');
