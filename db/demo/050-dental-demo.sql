--liquibase formatted sql

--changeset moeen:050-dental-demo context:demo
-- The demo dental clinic (issue 22): Dr. Huda the dentist and Nasser her assistant (password MoeenDemo#2026),
-- a fillings service she offers, and dental charts with history for Ahmed and Fatimah, from visits with her.
INSERT INTO users (id, email, phone, password_hash, first_name_ar, last_name_ar, first_name_en, last_name_en, language_preference) VALUES
  ('00000000-0000-4022-8000-000000000001', 'dentist@moeen-clinic.example', '+966500000060', '$argon2id$v=19$m=19456,t=2,p=1$saUq+ss4jMAW82SBMDmubQ$hN718x27pFg7oqGMXmXWqOXFtk2sBGsoEmr5JnCTkbo', 'هدى', 'القرني', 'Huda', 'Al-Qarni', 'ar'),
  ('00000000-0000-4022-8000-000000000002', 'dental.assistant@moeen-clinic.example', '+966500000061', '$argon2id$v=19$m=19456,t=2,p=1$saUq+ss4jMAW82SBMDmubQ$hN718x27pFg7oqGMXmXWqOXFtk2sBGsoEmr5JnCTkbo', 'ناصر', 'الدوسري', 'Nasser', 'Al-Dosari', 'ar');

INSERT INTO user_roles (user_id, role_id) SELECT u.id, r.id FROM (VALUES
  ('00000000-0000-4022-8000-000000000001'::uuid, 'doctor'),
  ('00000000-0000-4022-8000-000000000002'::uuid, 'dental_assistant')) u(id, code) JOIN roles r ON r.code = u.code;

INSERT INTO doctors (id, user_id, department_id, specialty_ar, specialty_en, license_number, bio_ar, bio_en, consultation_fee) VALUES
  ('00000000-0000-4022-8000-000000000011', '00000000-0000-4022-8000-000000000001', '00000000-0000-4000-c000-000000000004',
   'طبيبة أسنان عامة', 'General dentist', 'SCFHS-15-604060',
   'علاج الأسنان التحفظي وعلاج العصب والتركيبات.', 'Restorative dentistry, root canal treatment and crowns.', 200);

INSERT INTO services (id, code, name_ar, name_en, description_ar, description_en, category, department_id, duration_minutes, price, buffer_before_minutes, buffer_after_minutes) VALUES
  ('00000000-0000-4022-8000-000000000021', 'dental_filling', 'حشوة سن', 'Dental filling',
   'حشوة تجميلية أو فضية لسن واحد.', 'A composite or amalgam filling of one tooth.', 'restorations', '00000000-0000-4000-c000-000000000004', 45, 350, 0, 10);

INSERT INTO doctor_services (doctor_id, service_id) VALUES
  ('00000000-0000-4022-8000-000000000011', '00000000-0000-4022-8000-000000000021');

INSERT INTO availability_blocks (doctor_id, location_id, day_of_week, starts_at, ends_at)
SELECT '00000000-0000-4022-8000-000000000011'::uuid, '00000000-0000-4000-c100-000000000001'::uuid, d, time '09:00', time '17:00'
FROM unnest(ARRAY[7, 1, 2, 3, 4]) d;

INSERT INTO dental_assistants (assistant_user_id, doctor_id) VALUES
  ('00000000-0000-4022-8000-000000000002', '00000000-0000-4022-8000-000000000011');

-- Past visits with Dr. Huda: they put Ahmed and Fatimah in her care.
INSERT INTO encounters (id, patient_id, doctor_id, location_id, kind, status, chief_complaint, started_at, ended_at, created_by)
SELECT v.id, v.patient, '00000000-0000-4022-8000-000000000011', '00000000-0000-4000-c100-000000000001', 'walk_in', 'finished',
       v.complaint, now() - v.ago, now() - v.ago + interval '40 minutes', '00000000-0000-4022-8000-000000000001'
FROM (VALUES
  ('00000000-0000-4022-8000-000000000201'::uuid, '00000000-0000-4000-9000-000000000007'::uuid, 'فحص أسنان دوري', interval '120 days'),
  ('00000000-0000-4022-8000-000000000202'::uuid, '00000000-0000-4000-9000-000000000007'::uuid, 'ألم عند الأكل في الجهة اليمنى', interval '60 days'),
  ('00000000-0000-4022-8000-000000000203'::uuid, '00000000-0000-4000-9000-000000000008'::uuid, 'Chipped front tooth', interval '90 days'),
  ('00000000-0000-4022-8000-000000000204'::uuid, '00000000-0000-4000-9000-000000000008'::uuid, 'Crown fitting', interval '20 days')
) v(id, patient, complaint, ago);

INSERT INTO dental_chart_versions (id, patient_id, version, encounter_id, recorded_by, recorded_at, adult, comment) VALUES
  ('00000000-0000-4022-8000-000000000301', '00000000-0000-4000-9000-000000000007', 1, '00000000-0000-4022-8000-000000000201',
   '00000000-0000-4022-8000-000000000001', now() - interval '120 days' + interval '20 minutes', true, 'الفحص الأول'),
  ('00000000-0000-4022-8000-000000000302', '00000000-0000-4000-9000-000000000007', 2, '00000000-0000-4022-8000-000000000202',
   '00000000-0000-4022-8000-000000000001', now() - interval '60 days' + interval '30 minutes', true, 'حشوة 16 وتسوس جديد في 26'),
  ('00000000-0000-4022-8000-000000000303', '00000000-0000-4000-9000-000000000007', 3, NULL,
   '00000000-0000-4022-8000-000000000002', now() - interval '14 days', true, 'تحديث من المساعد بعد صورة الأشعة'),
  ('00000000-0000-4022-8000-000000000311', '00000000-0000-4000-9000-000000000008', 1, '00000000-0000-4022-8000-000000000203',
   '00000000-0000-4022-8000-000000000001', now() - interval '90 days' + interval '20 minutes', true, 'Initial examination'),
  ('00000000-0000-4022-8000-000000000312', '00000000-0000-4000-9000-000000000008', 2, '00000000-0000-4022-8000-000000000204',
   '00000000-0000-4022-8000-000000000001', now() - interval '20 days' + interval '30 minutes', true, 'Crown on 11');

INSERT INTO dental_chart_teeth (version_id, patient_id, tooth, state)
SELECT v.version_id, v.patient, v.tooth, v.state::jsonb FROM (VALUES
  ('00000000-0000-4022-8000-000000000301'::uuid, '00000000-0000-4000-9000-000000000007'::uuid, 18::smallint, '{"status": "missing"}'),
  ('00000000-0000-4022-8000-000000000301', '00000000-0000-4000-9000-000000000007', 28, '{"status": "missing"}'),
  ('00000000-0000-4022-8000-000000000301', '00000000-0000-4000-9000-000000000007', 16, '{"status": "present", "caries": ["occlusal"]}'),
  ('00000000-0000-4022-8000-000000000301', '00000000-0000-4000-9000-000000000007', 36, '{"status": "present", "fillings": [{"surface": "occlusal", "material": "amalgam"}]}'),
  ('00000000-0000-4022-8000-000000000301', '00000000-0000-4000-9000-000000000007', 46, '{"status": "present", "crown": true, "rootCanalTreated": true}'),
  ('00000000-0000-4022-8000-000000000302', '00000000-0000-4000-9000-000000000007', 16, '{"status": "present", "fillings": [{"surface": "occlusal", "material": "composite"}]}'),
  ('00000000-0000-4022-8000-000000000302', '00000000-0000-4000-9000-000000000007', 26, '{"status": "present", "caries": ["distal"]}'),
  ('00000000-0000-4022-8000-000000000303', '00000000-0000-4000-9000-000000000007', 47, '{"status": "present", "mobility": 1, "note": "حركة خفيفة، للمتابعة"}'),
  ('00000000-0000-4022-8000-000000000311', '00000000-0000-4000-9000-000000000008', 11, '{"status": "present", "fracture": true}'),
  ('00000000-0000-4022-8000-000000000311', '00000000-0000-4000-9000-000000000008', 38, '{"status": "extracted"}'),
  ('00000000-0000-4022-8000-000000000311', '00000000-0000-4000-9000-000000000008', 65, '{"status": "present", "note": "Retained primary molar, 25 congenitally missing"}'),
  ('00000000-0000-4022-8000-000000000311', '00000000-0000-4000-9000-000000000008', 25, '{"status": "missing", "note": "Congenitally missing"}'),
  ('00000000-0000-4022-8000-000000000311', '00000000-0000-4000-9000-000000000008', 14, '{"status": "present", "caries": ["mesial"]}'),
  ('00000000-0000-4022-8000-000000000312', '00000000-0000-4000-9000-000000000008', 11, '{"status": "present", "crown": true, "rootCanalTreated": true}'),
  ('00000000-0000-4022-8000-000000000312', '00000000-0000-4000-9000-000000000008', 14, '{"status": "present", "fillings": [{"surface": "mesial", "material": "composite"}, {"surface": "occlusal", "material": "composite"}]}')
) v(version_id, patient, tooth, state);

INSERT INTO dental_records (id, encounter_id, patient_id, treatment, diagnosis_code, diagnosis, teeth, note, recorded_by, created_at) VALUES
  ('00000000-0000-4022-8000-000000000401', '00000000-0000-4022-8000-000000000202', '00000000-0000-4000-9000-000000000007',
   'حشوة تجميلية', 'K02.52', 'تسوس في الحفر والشقوق', '[{"tooth": 16, "surfaces": ["occlusal"]}]', NULL,
   '00000000-0000-4022-8000-000000000001', now() - interval '60 days' + interval '30 minutes'),
  ('00000000-0000-4022-8000-000000000402', '00000000-0000-4022-8000-000000000204', '00000000-0000-4000-9000-000000000008',
   'Root canal treatment and ceramic crown', 'K04.02', 'Irreversible pulpitis after fracture', '[{"tooth": 11, "surfaces": []}]',
   'Review in six months.', '00000000-0000-4022-8000-000000000001', now() - interval '20 days' + interval '30 minutes');
