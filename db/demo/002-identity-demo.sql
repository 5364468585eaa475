--liquibase formatted sql

--changeset moeen:demo-002-users context:demo
-- Demo accounts; every one's password is MoeenDemo#2026 (see README). Ids are fixed so docs and tests can name them.
INSERT INTO users (id, email, phone, password_hash, first_name_ar, last_name_ar, first_name_en, last_name_en, language_preference) VALUES
  ('00000000-0000-4000-8000-000000000001', 'admin@moeen-clinic.example', '+966500000001', '$argon2id$v=19$m=19456,t=2,p=1$saUq+ss4jMAW82SBMDmubQ$hN718x27pFg7oqGMXmXWqOXFtk2sBGsoEmr5JnCTkbo', 'عبدالله', 'الإداري', 'Abdullah', 'Al-Idari', 'ar'),
  ('00000000-0000-4000-8000-000000000002', 'supervisor@moeen-clinic.example', '+966500000002', '$argon2id$v=19$m=19456,t=2,p=1$Fh4yhTAJJZYDFsv6nRKwZA$RY51UOzVk9ydIed0uLBpejREXlx8WHsj85a8JDILng4', 'نورة', 'المشرف', 'Noura', 'Al-Mushrif', 'ar'),
  ('00000000-0000-4000-8000-000000000003', 'reception@moeen-clinic.example', '+966500000003', '$argon2id$v=19$m=19456,t=2,p=1$c6BjGer142PnBd2dMpuQfw$IFw82EVhiUWFVrC4vgSRpIkBNMOLC6hKI7rf0AOR4NI', 'سارة', 'القحطاني', 'Sara', 'Al-Qahtani', 'ar'),
  ('00000000-0000-4000-8000-000000000004', 'dr.khalid@moeen-clinic.example', '+966500000004', '$argon2id$v=19$m=19456,t=2,p=1$Hckg6Xme8KXnIdy3NatlPQ$Ozxh7pEqCbVXEt+1P4lRNV140b3dF3A+N5++0yMUTfE', 'خالد', 'العتيبي', 'Khalid', 'Al-Otaibi', 'ar'),
  ('00000000-0000-4000-8000-000000000005', 'dr.maha@moeen-clinic.example', '+966500000005', '$argon2id$v=19$m=19456,t=2,p=1$VRy46bDUUw8/96+JQToxSw$0v0h+7ar1FKXUEL1rTk0QIPBytQVhU0A5xk4BtJzL6w', 'مها', 'الشهري', 'Maha', 'Al-Shehri', 'en'),
  ('00000000-0000-4000-8000-000000000006', 'dr.faisal@moeen-clinic.example', '+966500000006', '$argon2id$v=19$m=19456,t=2,p=1$mvG+ODfuNS9z8Fv3Bgo0rw$rUpQUcM+BH9Z5EB9AWW/Piv6WcapA8MmV9bpB7sNcDA', 'فيصل', 'الدوسري', 'Faisal', 'Al-Dosari', 'ar'),
  ('00000000-0000-4000-8000-000000000007', 'ahmed@patients.example', '+966550000007', '$argon2id$v=19$m=19456,t=2,p=1$D5kqLhwMs+nTmnE9Bw8aVA$xrt/1tiC2tm55WzdndEQjmEI4wTdY0BH+emVJm/sAsA', 'أحمد', 'الغامدي', 'Ahmed', 'Al-Ghamdi', 'ar'),
  ('00000000-0000-4000-8000-000000000008', 'fatimah@patients.example', '+966550000008', '$argon2id$v=19$m=19456,t=2,p=1$RM7rjC80iwvdrxRfmeXDFQ$W8bVpVuYmBS4oJf48gqBdZsRwEcr1M2apqCf4O84l5g', 'فاطمة', 'الزهراني', 'Fatimah', 'Al-Zahrani', 'ar'),
  ('00000000-0000-4000-8000-000000000009', 'mohammed@patients.example', '+966550000009', '$argon2id$v=19$m=19456,t=2,p=1$eVlA/snBnnRH+DyvMf9YcQ$jwAoyCl08IQ7yaM7tMAVPhxqhIGSSH56qot31lGFinA', 'محمد', 'الحربي', 'Mohammed', 'Al-Harbi', 'en'),
  ('00000000-0000-4000-8000-000000000010', 'reem@patients.example', '+966550000010', '$argon2id$v=19$m=19456,t=2,p=1$T8iQQisn/o3wj6yQH0rzNA$DQanLxuCAJFeMaFR6d5SK5WopZQ4Jq7j8gKVvngauT0', 'ريم', 'السبيعي', 'Reem', 'Al-Subaie', 'ar'),
  ('00000000-0000-4000-8000-000000000011', 'marketing@moeen-clinic.example', '+966500000011', '$argon2id$v=19$m=19456,t=2,p=1$Pigzw+8z1qd512mCarGnXg$lWw7a3jdGCqEjJrdy+R+gtPs1MDURzKgLxD4v8Dl+GI', 'لينا', 'المطيري', 'Lina', 'Al-Mutairi', 'ar'),
  ('00000000-0000-4000-8000-000000000012', 'yousef@patients.example', '+966550000012', '$argon2id$v=19$m=19456,t=2,p=1$LXsmw4e2qZR77sn/aSwnBg$/xEiKv2xw7F+qT1xjviCUR8pL/F7V6ddsiLjhJC6Zbg', 'يوسف', 'الغامدي', 'Yousef', 'Al-Ghamdi', 'ar');

INSERT INTO user_roles (user_id, role_id) SELECT u.id, r.id FROM (VALUES
  ('00000000-0000-4000-8000-000000000001'::uuid, 'admin'),
  ('00000000-0000-4000-8000-000000000002'::uuid, 'supervisor'),
  ('00000000-0000-4000-8000-000000000003'::uuid, 'receptionist'),
  ('00000000-0000-4000-8000-000000000004'::uuid, 'doctor'),
  ('00000000-0000-4000-8000-000000000005'::uuid, 'doctor'),
  ('00000000-0000-4000-8000-000000000006'::uuid, 'doctor'),
  ('00000000-0000-4000-8000-000000000007'::uuid, 'patient'),
  ('00000000-0000-4000-8000-000000000008'::uuid, 'patient'),
  ('00000000-0000-4000-8000-000000000009'::uuid, 'patient'),
  ('00000000-0000-4000-8000-000000000010'::uuid, 'patient'),
  ('00000000-0000-4000-8000-000000000011'::uuid, 'marketer'),
  ('00000000-0000-4000-8000-000000000012'::uuid, 'family_member')
) AS u(id, role) JOIN roles r ON r.code = u.role;

--changeset moeen:demo-002-patients context:demo
INSERT INTO patients (id, medical_record_number, user_id, first_name_ar, last_name_ar, first_name_en, last_name_en, date_of_birth, gender, national_id, phone, email, address, known_allergies, emergency_contact_name, emergency_contact_phone, medical_history, preferred_language) VALUES
  ('00000000-0000-4000-9000-000000000007', 'MRN-0000001', '00000000-0000-4000-8000-000000000007', 'أحمد', 'الغامدي', 'Ahmed', 'Al-Ghamdi', '1987-04-12', 'male', '1012345678', '+966550000007', 'ahmed@patients.example', 'حي النزهة، الرياض', '{penicillin}', 'محمد الغامدي', '+966550000107', 'ارتفاع ضغط الدم منذ ٢٠١٩', 'ar'),
  ('00000000-0000-4000-9000-000000000008', 'MRN-0000002', '00000000-0000-4000-8000-000000000008', 'فاطمة', 'الزهراني', 'Fatimah', 'Al-Zahrani', '1992-09-03', 'female', '1023456789', '+966550000008', 'fatimah@patients.example', 'حي الروضة، جدة', '{}', 'علي الزهراني', '+966550000108', 'ربو خفيف', 'ar'),
  ('00000000-0000-4000-9000-000000000009', 'MRN-0000003', '00000000-0000-4000-8000-000000000009', 'محمد', 'الحربي', 'Mohammed', 'Al-Harbi', '1975-01-25', 'male', '2034567890', '+966550000009', 'mohammed@patients.example', 'Al Malqa, Riyadh', '{peanuts,latex}', 'Sara Al-Harbi', '+966550000109', 'Type 2 diabetes, on metformin', 'en'),
  ('00000000-0000-4000-9000-000000000010', 'MRN-0000004', '00000000-0000-4000-8000-000000000010', 'ريم', 'السبيعي', 'Reem', 'Al-Subaie', '2001-12-30', 'female', NULL, '+966550000010', 'reem@patients.example', 'حي الياسمين، الرياض', '{}', 'نوف السبيعي', '+966550000110', NULL, 'ar'),
  ('00000000-0000-4000-9000-000000000099', 'MRN-0000005', NULL, 'عائشة', 'العمري', 'Aisha', 'Al-Omari', '1964-06-18', 'female', '1045678901', '+966550000099', NULL, 'حي العليا، الرياض', '{sulfa}', 'خالد العمري', '+966550000199', 'سكري من النوع الثاني', 'ar');

-- Yousef may see and book his father Ahmed's appointments, not his medical records.
INSERT INTO family_members (patient_id, user_id, relationship, scopes) VALUES
  ('00000000-0000-4000-9000-000000000007', '00000000-0000-4000-8000-000000000012', 'child', '{patients.read,appointments.read,appointments.write}');
