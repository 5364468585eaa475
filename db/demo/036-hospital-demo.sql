--liquibase formatted sql

--changeset moeen:demo-036-hospital-accounts context:demo
-- The hospital side's demo accounts; password MoeenDemo#2026 like every demo account (see README).
INSERT INTO users (id, email, phone, password_hash, first_name_ar, last_name_ar, first_name_en, last_name_en, language_preference) VALUES
  ('00000000-0000-4000-8000-000000000030', 'admissions@moeen-clinic.example', '+966500000030', '$argon2id$v=19$m=19456,t=2,p=1$saUq+ss4jMAW82SBMDmubQ$hN718x27pFg7oqGMXmXWqOXFtk2sBGsoEmr5JnCTkbo', 'منى', 'الشمري', 'Muna', 'Al-Shammari', 'ar'),
  ('00000000-0000-4000-8000-000000000031', 'nurse@moeen-clinic.example', '+966500000031', '$argon2id$v=19$m=19456,t=2,p=1$saUq+ss4jMAW82SBMDmubQ$hN718x27pFg7oqGMXmXWqOXFtk2sBGsoEmr5JnCTkbo', 'هند', 'القرني', 'Hind', 'Al-Qarni', 'ar'),
  ('00000000-0000-4000-8000-000000000032', 'housekeeping@moeen-clinic.example', '+966500000032', '$argon2id$v=19$m=19456,t=2,p=1$saUq+ss4jMAW82SBMDmubQ$hN718x27pFg7oqGMXmXWqOXFtk2sBGsoEmr5JnCTkbo', 'راجو', 'كومار', 'Raju', 'Kumar', 'en'),
  ('00000000-0000-4000-8000-000000000033', 'dispatch@moeen-clinic.example', '+966500000033', '$argon2id$v=19$m=19456,t=2,p=1$saUq+ss4jMAW82SBMDmubQ$hN718x27pFg7oqGMXmXWqOXFtk2sBGsoEmr5JnCTkbo', 'تركي', 'العنزي', 'Turki', 'Al-Anazi', 'ar');

INSERT INTO user_roles (user_id, role_id) SELECT u.id, r.id FROM (VALUES
  ('00000000-0000-4000-8000-000000000030'::uuid, 'admissions'),
  ('00000000-0000-4000-8000-000000000031'::uuid, 'nurse'),
  ('00000000-0000-4000-8000-000000000032'::uuid, 'housekeeping'),
  ('00000000-0000-4000-8000-000000000033'::uuid, 'dispatcher')
) AS u(id, role) JOIN roles r ON r.code = u.role;

INSERT INTO staff_profiles (id, user_id, first_name_ar, last_name_ar, first_name_en, last_name_en, job, department_id, shift, phone) VALUES
  ('00000000-0000-4021-8000-000000000601', '00000000-0000-4000-8000-000000000030', 'منى', 'الشمري', 'Muna', 'Al-Shammari', 'admissions', NULL, 'morning', '+966500000030'),
  ('00000000-0000-4021-8000-000000000602', '00000000-0000-4000-8000-000000000031', 'هند', 'القرني', 'Hind', 'Al-Qarni', 'nurse', '00000000-0000-4000-c000-000000000001', 'rotating', '+966500000031'),
  ('00000000-0000-4021-8000-000000000603', '00000000-0000-4000-8000-000000000032', 'راجو', 'كومار', 'Raju', 'Kumar', 'housekeeping', NULL, 'morning', '+966500000032'),
  ('00000000-0000-4021-8000-000000000604', '00000000-0000-4000-8000-000000000033', 'تركي', 'العنزي', 'Turki', 'Al-Anazi', 'dispatcher', NULL, 'evening', '+966500000033'),
  ('00000000-0000-4021-8000-000000000605', NULL, 'سعد', 'المالكي', 'Saad', 'Al-Malki', 'driver', NULL, 'rotating', '+966500000605'),
  ('00000000-0000-4021-8000-000000000606', NULL, 'بندر', 'الرشيدي', 'Bandar', 'Al-Rashidi', 'paramedic', NULL, 'rotating', '+966500000606'),
  ('00000000-0000-4021-8000-000000000607', NULL, 'ماجد', 'الخالدي', 'Majed', 'Al-Khalidi', 'driver', NULL, 'night', '+966500000607');

--changeset moeen:demo-036-hospital-beds context:demo
-- The Olaya branch's inpatient side: a general ward, private rooms and an ICU; beds in every state, most free.
INSERT INTO room_types (id, code, category, name_ar, name_en, daily_rate, max_beds) VALUES
  ('00000000-0000-4021-8000-000000000201', 'general_ward', 'ward', 'جناح عام', 'General ward', 450.00, 4),
  ('00000000-0000-4021-8000-000000000202', 'private_room', 'private', 'غرفة خاصة', 'Private room', 1200.00, 1),
  ('00000000-0000-4021-8000-000000000203', 'icu_bay', 'icu', 'عناية مركزة', 'Intensive care', 4500.00, 2),
  ('00000000-0000-4021-8000-000000000204', 'day_care', 'day_care', 'رعاية نهارية', 'Day care', 600.00, 6),
  ('00000000-0000-4021-8000-000000000205', 'procedure_room', 'procedure', 'غرفة إجراءات', 'Procedure room', 900.00, 1);

INSERT INTO hospital_wards (id, code, location_id, name_ar, name_en) VALUES
  ('00000000-0000-4021-8000-000000000101', 'general_ward', '00000000-0000-4000-c100-000000000001', 'الجناح العام', 'General ward'),
  ('00000000-0000-4021-8000-000000000102', 'private_wing', '00000000-0000-4000-c100-000000000001', 'جناح الغرف الخاصة', 'Private wing'),
  ('00000000-0000-4021-8000-000000000103', 'icu', '00000000-0000-4000-c100-000000000001', 'العناية المركزة', 'Intensive care unit');

INSERT INTO rooms (id, location_id, name_ar, name_en) VALUES
  ('00000000-0000-4021-8000-000000000301', '00000000-0000-4000-c100-000000000001', 'الجناح العام ١٠١', 'General ward 101'),
  ('00000000-0000-4021-8000-000000000302', '00000000-0000-4000-c100-000000000001', 'غرفة خاصة ٢٠١', 'Private room 201'),
  ('00000000-0000-4021-8000-000000000303', '00000000-0000-4000-c100-000000000001', 'غرفة خاصة ٢٠٢', 'Private room 202'),
  ('00000000-0000-4021-8000-000000000304', '00000000-0000-4000-c100-000000000001', 'العناية المركزة ٣٠١', 'ICU 301');

INSERT INTO hospital_rooms (room_id, ward_id, room_type_id, code, floor) VALUES
  ('00000000-0000-4021-8000-000000000301', '00000000-0000-4021-8000-000000000101', '00000000-0000-4021-8000-000000000201', 'W-101', 1),
  ('00000000-0000-4021-8000-000000000302', '00000000-0000-4021-8000-000000000102', '00000000-0000-4021-8000-000000000202', 'P-201', 2),
  ('00000000-0000-4021-8000-000000000303', '00000000-0000-4021-8000-000000000102', '00000000-0000-4021-8000-000000000202', 'P-202', 2),
  ('00000000-0000-4021-8000-000000000304', '00000000-0000-4021-8000-000000000103', '00000000-0000-4021-8000-000000000203', 'ICU-301', 3);

INSERT INTO beds (id, room_id, code, state, out_of_service_reason) VALUES
  ('00000000-0000-4021-8000-000000000401', '00000000-0000-4021-8000-000000000301', 'A', 'occupied', NULL),
  ('00000000-0000-4021-8000-000000000402', '00000000-0000-4021-8000-000000000301', 'B', 'available', NULL),
  ('00000000-0000-4021-8000-000000000403', '00000000-0000-4021-8000-000000000301', 'C', 'available', NULL),
  ('00000000-0000-4021-8000-000000000404', '00000000-0000-4021-8000-000000000301', 'D', 'out_of_service', 'سرير يحتاج إصلاح الرافعة · bed lift needs repair'),
  ('00000000-0000-4021-8000-000000000405', '00000000-0000-4021-8000-000000000302', 'A', 'cleaning', NULL),
  ('00000000-0000-4021-8000-000000000406', '00000000-0000-4021-8000-000000000303', 'A', 'available', NULL),
  ('00000000-0000-4021-8000-000000000407', '00000000-0000-4021-8000-000000000304', 'A', 'available', NULL),
  ('00000000-0000-4021-8000-000000000408', '00000000-0000-4021-8000-000000000304', 'B', 'available', NULL);

--changeset moeen:demo-036-hospital-admissions context:demo
-- Aisha lies in the general ward since yesterday; Mohammed left private room 201 two hours ago, so it waits for housekeeping.
INSERT INTO admissions (id, patient_id, doctor_id, reason, status, admitted_at, expected_discharge_at, discharged_at, created_by) VALUES
  ('00000000-0000-4021-8000-000000000501', '00000000-0000-4000-9000-000000000099', '00000000-0000-4000-c200-000000000004',
   'ارتفاع السكر في الدم · high blood sugar', 'admitted', now() - interval '26 hours', now() + interval '2 days', NULL,
   '00000000-0000-4000-8000-000000000030'),
  ('00000000-0000-4021-8000-000000000502', '00000000-0000-4000-9000-000000000009', '00000000-0000-4000-c200-000000000004',
   'Observation after a fall', 'discharged', now() - interval '3 days', NULL, now() - interval '2 hours',
   '00000000-0000-4000-8000-000000000030');

INSERT INTO bed_assignments (admission_id, patient_id, bed_id, kind, during, ended_by) VALUES
  ('00000000-0000-4021-8000-000000000501', '00000000-0000-4000-9000-000000000099', '00000000-0000-4021-8000-000000000401',
   'stay', tstzrange(now() - interval '26 hours', NULL, '[)'), NULL),
  ('00000000-0000-4021-8000-000000000502', '00000000-0000-4000-9000-000000000009', '00000000-0000-4021-8000-000000000405',
   'stay', tstzrange(now() - interval '3 days', now() - interval '2 hours', '[)'), 'discharge');

INSERT INTO cleaning_tasks (id, room_id, bed_id, kind, due_at, created_by, created_at) VALUES
  ('00000000-0000-4021-8000-000000000901', '00000000-0000-4021-8000-000000000302', '00000000-0000-4021-8000-000000000405',
   'discharge', now() - interval '1 hour', '00000000-0000-4000-8000-000000000030', now() - interval '2 hours');
INSERT INTO cleaning_tasks (id, room_id, kind, due_at, repeat_daily, created_by) VALUES
  ('00000000-0000-4021-8000-000000000902', '00000000-0000-4021-8000-000000000304', 'daily_round',
   date_trunc('day', now() AT TIME ZONE 'Asia/Riyadh') AT TIME ZONE 'Asia/Riyadh' + interval '1 day 7 hours', true,
   '00000000-0000-4000-8000-000000000002');

--changeset moeen:demo-036-hospital-ambulances context:demo
INSERT INTO ambulances (id, plate, kind, equipment, location_id) VALUES
  ('00000000-0000-4021-8000-000000000701', 'أ ب ج 1234', 'advanced', '{defibrillator,ventilator,oxygen,stretcher}', '00000000-0000-4000-c100-000000000001'),
  ('00000000-0000-4021-8000-000000000702', 'د ه و 5678', 'basic', '{oxygen,stretcher,first_aid}', '00000000-0000-4000-c100-000000000001');

INSERT INTO ambulance_crew (ambulance_id, staff_id, crew_role) VALUES
  ('00000000-0000-4021-8000-000000000701', '00000000-0000-4021-8000-000000000605', 'driver'),
  ('00000000-0000-4021-8000-000000000701', '00000000-0000-4021-8000-000000000606', 'paramedic'),
  ('00000000-0000-4021-8000-000000000702', '00000000-0000-4021-8000-000000000607', 'driver');

-- one run under way (at the scene), one finished yesterday for the response-time figures
INSERT INTO ambulance_runs (id, ambulance_id, status, call_received_at, dispatched_at, at_scene_at, transporting_at,
                            at_hospital_at, available_at, pickup, destination, caller_phone, notes, created_by) VALUES
  ('00000000-0000-4021-8000-000000000801', '00000000-0000-4021-8000-000000000701', 'at_scene',
   now() - interval '25 minutes', now() - interval '22 minutes', now() - interval '9 minutes', NULL, NULL, NULL,
   'حي الملقا، شارع أنس بن مالك، الرياض', 'فرع العليا - الرياض', '+966550000777', 'حادث سير بسيط · minor road accident',
   '00000000-0000-4000-8000-000000000033'),
  ('00000000-0000-4021-8000-000000000802', '00000000-0000-4021-8000-000000000702', 'available',
   now() - interval '1 day 3 hours', now() - interval '1 day 2 hours 57 minutes', now() - interval '1 day 2 hours 45 minutes',
   now() - interval '1 day 2 hours 35 minutes', now() - interval '1 day 2 hours 15 minutes', now() - interval '1 day 2 hours',
   'حي النخيل، الرياض', 'فرع العليا - الرياض', NULL, NULL, '00000000-0000-4000-8000-000000000033');
