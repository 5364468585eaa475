--liquibase formatted sql

--changeset moeen:demo-007-catalogue context:demo
-- The demo clinic: two branches, four departments, the three demo doctors and their services.
INSERT INTO departments (id, code, name_ar, name_en, sort_order) VALUES
  ('00000000-0000-4000-c000-000000000001', 'internal_medicine', 'الباطنية', 'Internal Medicine', 1),
  ('00000000-0000-4000-c000-000000000002', 'pediatrics', 'طب الأطفال', 'Pediatrics', 2),
  ('00000000-0000-4000-c000-000000000003', 'cardiology', 'أمراض القلب', 'Cardiology', 3),
  ('00000000-0000-4000-c000-000000000004', 'dentistry', 'طب الأسنان', 'Dentistry', 4);

INSERT INTO clinic_locations (id, code, name_ar, name_en, address_ar, address_en, phone, latitude, longitude, time_zone) VALUES
  ('00000000-0000-4000-c100-000000000001', 'riyadh_olaya', 'فرع العليا - الرياض', 'Olaya branch, Riyadh',
   'طريق الملك فهد، العليا، الرياض ١٢٢١٤', 'King Fahd Road, Al Olaya, Riyadh 12214', '+966112345678', 24.690000, 46.685000, 'Asia/Riyadh'),
  ('00000000-0000-4000-c100-000000000002', 'jeddah_rawdah', 'فرع الروضة - جدة', 'Al Rawdah branch, Jeddah',
   'شارع الأمير سلطان، الروضة، جدة ٢٣٤٣٤', 'Prince Sultan Street, Al Rawdah, Jeddah 23434', '+966122345678', 21.563000, 39.152000, 'Asia/Riyadh');

INSERT INTO rooms (location_id, name_ar, name_en) VALUES
  ('00000000-0000-4000-c100-000000000001', 'عيادة ١', 'Clinic room 1'),
  ('00000000-0000-4000-c100-000000000001', 'عيادة ٢', 'Clinic room 2'),
  ('00000000-0000-4000-c100-000000000002', 'عيادة ١', 'Clinic room 1');

INSERT INTO doctors (id, user_id, department_id, specialty_ar, specialty_en, license_number, bio_ar, bio_en, consultation_fee) VALUES
  ('00000000-0000-4000-c200-000000000004', '00000000-0000-4000-8000-000000000004', '00000000-0000-4000-c000-000000000001',
   'استشاري الباطنية', 'Consultant, Internal Medicine', 'SCFHS-10-123456',
   'خبرة خمسة عشر عامًا في أمراض الضغط والسكري.', 'Fifteen years of caring for hypertension and diabetes.', 250),
  ('00000000-0000-4000-c200-000000000005', '00000000-0000-4000-8000-000000000005', '00000000-0000-4000-c000-000000000002',
   'أخصائية طب الأطفال', 'Pediatrician', 'SCFHS-12-234567',
   'رعاية الأطفال من الولادة حتى المراهقة.', 'Care for children from birth to adolescence.', 200),
  ('00000000-0000-4000-c200-000000000006', '00000000-0000-4000-8000-000000000006', '00000000-0000-4000-c000-000000000003',
   'استشاري أمراض القلب', 'Consultant Cardiologist', 'SCFHS-08-345678',
   'تخطيط القلب والمتابعة بعد القسطرة.', 'ECG and follow-up after catheterization.', 350);

INSERT INTO services (id, code, name_ar, name_en, description_ar, description_en, category, department_id,
                      duration_minutes, price, buffer_before_minutes, buffer_after_minutes) VALUES
  ('00000000-0000-4000-c300-000000000001', 'general_consultation', 'كشف عام', 'General consultation',
   'كشف طبي شامل مع الطبيب.', 'A full consultation with the doctor.', 'consultation', '00000000-0000-4000-c000-000000000001', 30, 150, 0, 5),
  ('00000000-0000-4000-c300-000000000002', 'follow_up', 'متابعة', 'Follow-up visit',
   'زيارة متابعة بعد كشف سابق.', 'A follow-up after an earlier visit.', 'follow_up', NULL, 15, 100, 0, 0),
  ('00000000-0000-4000-c300-000000000003', 'child_checkup', 'فحص دوري للطفل', 'Child check-up',
   'فحص النمو والتطعيمات.', 'Growth check and vaccinations.', 'pediatrics', '00000000-0000-4000-c000-000000000002', 30, 200, 0, 5),
  ('00000000-0000-4000-c300-000000000004', 'cardiology_consultation', 'استشارة قلب', 'Cardiology consultation',
   'استشارة مع استشاري القلب.', 'A consultation with the cardiologist.', 'cardiology', '00000000-0000-4000-c000-000000000003', 45, 350, 0, 10),
  ('00000000-0000-4000-c300-000000000005', 'ecg', 'تخطيط القلب', 'Electrocardiogram (ECG)',
   'تخطيط كهربائية القلب.', 'A resting electrocardiogram.', 'cardiology', '00000000-0000-4000-c000-000000000003', 20, 120, 5, 5),
  ('00000000-0000-4000-c300-000000000006', 'dental_cleaning', 'تنظيف الأسنان', 'Dental cleaning',
   'تنظيف وتلميع الأسنان.', 'Scaling and polishing.', 'preventive', '00000000-0000-4000-c000-000000000004', 45, 250, 0, 10);

INSERT INTO doctor_services (doctor_id, service_id) VALUES
  ('00000000-0000-4000-c200-000000000004', '00000000-0000-4000-c300-000000000001'),
  ('00000000-0000-4000-c200-000000000004', '00000000-0000-4000-c300-000000000002'),
  ('00000000-0000-4000-c200-000000000005', '00000000-0000-4000-c300-000000000002'),
  ('00000000-0000-4000-c200-000000000005', '00000000-0000-4000-c300-000000000003'),
  ('00000000-0000-4000-c200-000000000006', '00000000-0000-4000-c300-000000000002'),
  ('00000000-0000-4000-c200-000000000006', '00000000-0000-4000-c300-000000000004'),
  ('00000000-0000-4000-c200-000000000006', '00000000-0000-4000-c300-000000000005');

--changeset moeen:demo-007-hours context:demo
-- Sunday (7) to Thursday (4); Friday and Saturday are the weekend.
INSERT INTO availability_blocks (doctor_id, location_id, day_of_week, starts_at, ends_at)
SELECT '00000000-0000-4000-c200-000000000004'::uuid, '00000000-0000-4000-c100-000000000001'::uuid, d, t.s, t.e
FROM unnest(ARRAY[7, 1, 2, 3, 4]) d, (VALUES (time '09:00', time '13:00'), (time '16:00', time '21:00')) t(s, e);
INSERT INTO availability_blocks (doctor_id, location_id, day_of_week, starts_at, ends_at)
SELECT '00000000-0000-4000-c200-000000000005'::uuid, '00000000-0000-4000-c100-000000000001'::uuid, d, time '09:00', time '14:00'
FROM unnest(ARRAY[7, 1, 2, 3]) d;
INSERT INTO availability_blocks (doctor_id, location_id, day_of_week, starts_at, ends_at) VALUES
  ('00000000-0000-4000-c200-000000000005', '00000000-0000-4000-c100-000000000002', 4, '10:00', '16:00'),
  ('00000000-0000-4000-c200-000000000006', '00000000-0000-4000-c100-000000000001', 1, '09:00', '13:00'),
  ('00000000-0000-4000-c200-000000000006', '00000000-0000-4000-c100-000000000001', 3, '09:00', '13:00'),
  ('00000000-0000-4000-c200-000000000006', '00000000-0000-4000-c100-000000000001', 7, '16:00', '21:00'),
  ('00000000-0000-4000-c200-000000000006', '00000000-0000-4000-c100-000000000001', 2, '16:00', '21:00'),
  ('00000000-0000-4000-c200-000000000006', '00000000-0000-4000-c100-000000000001', 4, '16:00', '21:00');

-- Ramadan at the Riyadh branch: a late morning and an evening that runs past midnight.
INSERT INTO ramadan_hours (location_id, starts_at, ends_at) VALUES
  ('00000000-0000-4000-c100-000000000001', '10:00', '15:00'),
  ('00000000-0000-4000-c100-000000000001', '21:00', '02:00');

-- Public holidays (all branches). Eid dates per Umm al-Qura.
INSERT INTO clinic_holidays (starts_on, ends_on, name_ar, name_en) VALUES
  ('2026-02-22', '2026-02-22', 'يوم التأسيس', 'Founding Day'),
  ('2026-03-19', '2026-03-23', 'إجازة عيد الفطر', 'Eid al-Fitr holiday'),
  ('2026-05-25', '2026-05-30', 'إجازة عيد الأضحى', 'Eid al-Adha holiday'),
  ('2026-09-23', '2026-09-23', 'اليوم الوطني', 'Saudi National Day'),
  ('2027-02-22', '2027-02-22', 'يوم التأسيس', 'Founding Day'),
  ('2027-03-08', '2027-03-12', 'إجازة عيد الفطر', 'Eid al-Fitr holiday'),
  ('2027-05-14', '2027-05-19', 'إجازة عيد الأضحى', 'Eid al-Adha holiday'),
  ('2027-09-23', '2027-09-23', 'اليوم الوطني', 'Saudi National Day');

--changeset moeen:demo-007-appointments context:demo
-- Six appointments around the week the demo is loaded in, at Riyadh local times on working days.
WITH week AS (SELECT date_trunc('week', now() AT TIME ZONE 'Asia/Riyadh') AS monday),
     planned (id, patient, doctor, service, local_start, minutes, before_m, after_m, status, source) AS (
  SELECT * FROM (VALUES
    ('00000000-0000-4000-c400-000000000001'::uuid, '00000000-0000-4000-9000-000000000007'::uuid, '00000000-0000-4000-c200-000000000004'::uuid,
     '00000000-0000-4000-c300-000000000001'::uuid, interval '7 days 10 hours', 30, 0, 5, 'confirmed', 'web'),
    ('00000000-0000-4000-c400-000000000002', '00000000-0000-4000-9000-000000000008', '00000000-0000-4000-c200-000000000004',
     '00000000-0000-4000-c300-000000000002', interval '8 days 9 hours', 15, 0, 0, 'pending', 'chatbot'),
    ('00000000-0000-4000-c400-000000000003', '00000000-0000-4000-9000-000000000009', '00000000-0000-4000-c200-000000000006',
     '00000000-0000-4000-c300-000000000004', interval '7 days 9 hours', 45, 0, 10, 'confirmed', 'phone'),
    ('00000000-0000-4000-c400-000000000004', '00000000-0000-4000-9000-000000000010', '00000000-0000-4000-c200-000000000004',
     '00000000-0000-4000-c300-000000000001', interval '-7 days 11 hours', 30, 0, 5, 'completed', 'web'),
    ('00000000-0000-4000-c400-000000000005', '00000000-0000-4000-9000-000000000007', '00000000-0000-4000-c200-000000000006',
     '00000000-0000-4000-c300-000000000005', interval '-5 days 10 hours', 20, 5, 5, 'completed', 'reception'),
    ('00000000-0000-4000-c400-000000000006', '00000000-0000-4000-9000-000000000099', '00000000-0000-4000-c200-000000000004',
     '00000000-0000-4000-c300-000000000001', interval '9 days 16 hours', 30, 0, 5, 'pending', 'reception')
  ) v)
INSERT INTO appointments (id, patient_id, doctor_id, service_id, location_id, starts_at, ends_at, blocked_from, blocked_until, status, source)
SELECT p.id, p.patient, p.doctor, p.service, '00000000-0000-4000-c100-000000000001',
       (w.monday + p.local_start) AT TIME ZONE 'Asia/Riyadh',
       (w.monday + p.local_start + make_interval(mins => p.minutes)) AT TIME ZONE 'Asia/Riyadh',
       (w.monday + p.local_start - make_interval(mins => p.before_m)) AT TIME ZONE 'Asia/Riyadh',
       (w.monday + p.local_start + make_interval(mins => p.minutes + p.after_m)) AT TIME ZONE 'Asia/Riyadh',
       p.status, p.source
FROM planned p, week w;
