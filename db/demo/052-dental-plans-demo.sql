--liquibase formatted sql

--changeset moeen:052-dental-plans-demo context:demo
-- Ahmed's treatment plan with Dr. Huda, in progress (issue 22): a scaling and the filling of 16 done, the filling
-- of 26 booked for a visit in about three weeks, the replacement of the old amalgam filling of 36 planned. The
-- steps done predate billing them (no invoice line: completing a step from now on drafts one).
INSERT INTO services (id, code, name_ar, name_en, description_ar, description_en, category, department_id, duration_minutes, price, buffer_before_minutes, buffer_after_minutes) VALUES
  ('00000000-0000-4022-8000-000000000022', 'dental_scaling', 'تنظيف الأسنان وتلميعها', 'Scaling and polishing',
   'إزالة الجير وتلميع الأسنان.', 'Removal of tartar and polishing of the teeth.', 'preventive', '00000000-0000-4000-c000-000000000004', 30, 250, 0, 10);

INSERT INTO doctor_services (doctor_id, service_id) VALUES
  ('00000000-0000-4022-8000-000000000011', '00000000-0000-4022-8000-000000000022');

INSERT INTO dental_plans (id, patient_id, location_id, title, description, starts_on, ends_on, status, created_by, created_at) VALUES
  ('00000000-0000-4022-8000-000000000501', '00000000-0000-4000-9000-000000000007', '00000000-0000-4000-c100-000000000001',
   'خطة علاج التسوس', 'تنظيف ثم علاج التسوس في 16 و26 واستبدال الحشوة الفضية في 36 بحشوة تجميلية.',
   (now() - interval '61 days')::date, (now() + interval '60 days')::date, 'ongoing',
   '00000000-0000-4022-8000-000000000001', now() - interval '61 days');

-- the booked visit: a Wednesday at 16:00 in Riyadh, three to four weeks from now
INSERT INTO appointments (id, patient_id, doctor_id, service_id, location_id, starts_at, ends_at, blocked_from, blocked_until, status, type, source, created_by)
SELECT '00000000-0000-4022-8000-000000000521', '00000000-0000-4000-9000-000000000007', '00000000-0000-4022-8000-000000000011',
       '00000000-0000-4022-8000-000000000021', '00000000-0000-4000-c100-000000000001', t, t + interval '45 minutes', t,
       t + interval '55 minutes', 'confirmed', 'follow_up', 'reception', '00000000-0000-4022-8000-000000000500'
FROM (SELECT ((d + ((3 - extract(dow FROM d)::int + 7) % 7))::date + time '16:00') AT TIME ZONE 'Asia/Riyadh' AS t
      FROM (SELECT (now() AT TIME ZONE 'Asia/Riyadh')::date + 21 AS d) x) w;

INSERT INTO dental_plan_steps (id, plan_id, patient_id, position, service_id, doctor_id, teeth, scheduled_at, note, status, appointment_id, completed_at, completed_by, created_at) VALUES
  ('00000000-0000-4022-8000-000000000511', '00000000-0000-4022-8000-000000000501', '00000000-0000-4000-9000-000000000007', 1,
   '00000000-0000-4022-8000-000000000022', '00000000-0000-4022-8000-000000000011', '[]', now() - interval '60 days', NULL,
   'completed', NULL, now() - interval '60 days' + interval '20 minutes', '00000000-0000-4022-8000-000000000001', now() - interval '61 days'),
  ('00000000-0000-4022-8000-000000000512', '00000000-0000-4022-8000-000000000501', '00000000-0000-4000-9000-000000000007', 2,
   '00000000-0000-4022-8000-000000000021', '00000000-0000-4022-8000-000000000011', '[{"tooth": 16, "surfaces": ["occlusal"]}]',
   now() - interval '60 days', 'حشوة تجميلية', 'completed', NULL, now() - interval '60 days' + interval '30 minutes',
   '00000000-0000-4022-8000-000000000001', now() - interval '61 days'),
  ('00000000-0000-4022-8000-000000000513', '00000000-0000-4022-8000-000000000501', '00000000-0000-4000-9000-000000000007', 3,
   '00000000-0000-4022-8000-000000000021', '00000000-0000-4022-8000-000000000011', '[{"tooth": 26, "surfaces": ["distal"]}]',
   (SELECT starts_at FROM appointments WHERE id = '00000000-0000-4022-8000-000000000521'), NULL, 'booked',
   '00000000-0000-4022-8000-000000000521', NULL, NULL, now() - interval '61 days'),
  ('00000000-0000-4022-8000-000000000514', '00000000-0000-4022-8000-000000000501', '00000000-0000-4000-9000-000000000007', 4,
   '00000000-0000-4022-8000-000000000021', '00000000-0000-4022-8000-000000000011', '[{"tooth": 36, "surfaces": ["occlusal"]}]',
   NULL, 'استبدال الحشوة الفضية بحشوة تجميلية', 'planned', NULL, NULL, NULL, now() - interval '61 days');
