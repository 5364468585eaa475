--liquibase formatted sql

--changeset moeen:052-dental-plans-demo context:demo
-- Ahmed's treatment plan with Dr. Huda, in progress (issue 22): a scaling and the filling of 16 done; a medical
-- consultation with Dr. Khalid before the next fillings booked (it is Ahmed's demo visit with him next week: no new
-- appointment, so Ahmed's count of upcoming visits, which scheduling limits, is as before); the filling of 26 planned.
-- The steps done predate billing them (no invoice line: completing a step from now on drafts one).
INSERT INTO services (id, code, name_ar, name_en, description_ar, description_en, category, department_id, duration_minutes, price, buffer_before_minutes, buffer_after_minutes) VALUES
  ('00000000-0000-4022-8000-000000000022', 'dental_scaling', 'تنظيف الأسنان وتلميعها', 'Scaling and polishing',
   'إزالة الجير وتلميع الأسنان.', 'Removal of tartar and polishing of the teeth.', 'preventive', '00000000-0000-4000-c000-000000000004', 30, 250, 0, 10);

INSERT INTO doctor_services (doctor_id, service_id) VALUES
  ('00000000-0000-4022-8000-000000000011', '00000000-0000-4022-8000-000000000022');

INSERT INTO dental_plans (id, patient_id, location_id, title, description, starts_on, ends_on, status, created_by, created_at) VALUES
  ('00000000-0000-4022-8000-000000000501', '00000000-0000-4000-9000-000000000007', '00000000-0000-4000-c100-000000000001',
   'خطة علاج التسوس', 'تنظيف ثم علاج التسوس في 16 و26، مع استشارة طبية قبل حشوة 26.',
   (now() - interval '61 days')::date, (now() + interval '60 days')::date, 'ongoing',
   '00000000-0000-4022-8000-000000000001', now() - interval '61 days');

INSERT INTO dental_plan_steps (id, plan_id, patient_id, position, service_id, doctor_id, teeth, scheduled_at, note, status, appointment_id, completed_at, completed_by, created_at) VALUES
  ('00000000-0000-4022-8000-000000000511', '00000000-0000-4022-8000-000000000501', '00000000-0000-4000-9000-000000000007', 1,
   '00000000-0000-4022-8000-000000000022', '00000000-0000-4022-8000-000000000011', '[]', now() - interval '60 days', NULL,
   'completed', NULL, now() - interval '60 days' + interval '20 minutes', '00000000-0000-4022-8000-000000000001', now() - interval '61 days'),
  ('00000000-0000-4022-8000-000000000512', '00000000-0000-4022-8000-000000000501', '00000000-0000-4000-9000-000000000007', 2,
   '00000000-0000-4022-8000-000000000021', '00000000-0000-4022-8000-000000000011', '[{"tooth": 16, "surfaces": ["occlusal"]}]',
   now() - interval '60 days', 'حشوة تجميلية', 'completed', NULL, now() - interval '60 days' + interval '30 minutes',
   '00000000-0000-4022-8000-000000000001', now() - interval '61 days'),
  ('00000000-0000-4022-8000-000000000513', '00000000-0000-4022-8000-000000000501', '00000000-0000-4000-9000-000000000007', 3,
   '00000000-0000-4000-c300-000000000001', '00000000-0000-4000-c200-000000000004', '[]',
   (SELECT starts_at FROM appointments WHERE id = '00000000-0000-4000-c400-000000000001'), 'استشارة طبية قبل الحشوة (ضغط الدم)', 'booked',
   '00000000-0000-4000-c400-000000000001', NULL, NULL, now() - interval '61 days'),
  ('00000000-0000-4022-8000-000000000514', '00000000-0000-4022-8000-000000000501', '00000000-0000-4000-9000-000000000007', 4,
   '00000000-0000-4022-8000-000000000021', '00000000-0000-4022-8000-000000000011', '[{"tooth": 26, "surfaces": ["distal"]}]',
   NULL, 'حشوة تجميلية', 'planned', NULL, NULL, NULL, now() - interval '61 days');
