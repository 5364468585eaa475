--liquibase formatted sql

--changeset moeen:demo-025-clinical context:demo
-- Past visits of every demo patient. Dr. Khalid (internal medicine) has seen all five; Dr. Faisal
-- (cardiology) saw Ahmed for his ECG and has Mohammed's consultation booked; Dr. Maha (paediatrics)
-- has none of them in her care, so her reads need an emergency reason (break the glass).
-- Doctors: Khalid 0000…c200-000000000004 (user …8000-000000000004), Faisal …c200-000000000006 (user …0006).
INSERT INTO encounters (id, appointment_id, patient_id, doctor_id, location_id, kind, status, chief_complaint, started_at, ended_at, created_by)
SELECT v.id, v.appointment, v.patient, v.doctor, '00000000-0000-4000-c100-000000000001', v.kind, 'finished', v.complaint,
       coalesce(a.starts_at, now() - v.ago), coalesce(a.ends_at, now() - v.ago + interval '25 minutes'), v.author
FROM (VALUES
  ('00000000-0000-4018-8000-000000000001'::uuid, NULL::uuid, '00000000-0000-4000-9000-000000000007'::uuid,
   '00000000-0000-4000-c200-000000000004'::uuid, 'walk_in', 'صداع متكرر ومتابعة ضغط الدم', interval '60 days', '00000000-0000-4000-8000-000000000004'::uuid),
  ('00000000-0000-4018-8000-000000000002', '00000000-0000-4000-c400-000000000005', '00000000-0000-4000-9000-000000000007',
   '00000000-0000-4000-c200-000000000006', 'appointment', 'خفقان عند الجهد', interval '5 days', '00000000-0000-4000-8000-000000000006'),
  ('00000000-0000-4018-8000-000000000003', NULL, '00000000-0000-4000-9000-000000000008',
   '00000000-0000-4000-c200-000000000004', 'walk_in', 'ضيق في التنفس ليلًا', interval '40 days', '00000000-0000-4000-8000-000000000004'),
  ('00000000-0000-4018-8000-000000000004', NULL, '00000000-0000-4000-9000-000000000009',
   '00000000-0000-4000-c200-000000000004', 'walk_in', 'Diabetes follow-up, tiredness', interval '30 days', '00000000-0000-4000-8000-000000000004'),
  ('00000000-0000-4018-8000-000000000005', '00000000-0000-4000-c400-000000000004', '00000000-0000-4000-9000-000000000010',
   '00000000-0000-4000-c200-000000000004', 'appointment', 'ألم في الحلق وحرارة', interval '7 days', '00000000-0000-4000-8000-000000000004'),
  ('00000000-0000-4018-8000-000000000006', NULL, '00000000-0000-4000-9000-000000000099',
   '00000000-0000-4000-c200-000000000004', 'phone', 'متابعة السكر هاتفيًا', interval '20 days', '00000000-0000-4000-8000-000000000004')
) AS v(id, appointment, patient, doctor, kind, complaint, ago, author)
LEFT JOIN appointments a ON a.id = v.appointment;

INSERT INTO clinical_notes (id, encounter_id, patient_id, author_id, format, subjective, objective, assessment, plan, body, signed_at, created_at)
SELECT v.id, e.id, e.patient_id, v.author, v.format, v.s, v.o, v.a, v.p, v.body, e.ended_at, e.ended_at
FROM (VALUES
  ('00000000-0000-4018-8000-000000000101'::uuid, '00000000-0000-4018-8000-000000000001'::uuid, '00000000-0000-4000-8000-000000000004'::uuid, 'soap',
   'صداع صباحي منذ أسبوعين، يلتزم بالدواء أحيانًا.', 'الضغط ١٤٨/٩٤، النبض ٧٨، الفحص السريري طبيعي.', 'ارتفاع ضغط الدم غير منضبط.', 'بدء أملوديبين ٥ ملغ يوميًا، قياس الضغط منزليًا، مراجعة بعد شهر.', NULL),
  ('00000000-0000-4018-8000-000000000102', '00000000-0000-4018-8000-000000000002', '00000000-0000-4000-8000-000000000006', 'free_text',
   NULL, NULL, NULL, NULL, 'تخطيط القلب: نظم جيبي طبيعي ٧٢/دقيقة، لا تغيرات إقفارية. الخفقان غالبًا حميد؛ تقليل الكافيين.'),
  ('00000000-0000-4018-8000-000000000103', '00000000-0000-4018-8000-000000000003', '00000000-0000-4000-8000-000000000004', 'soap',
   'سعال وضيق تنفس ليلي، يزداد مع الغبار.', 'صفير خفيف، تشبع الأكسجين ٩٦٪.', 'ربو خفيف متقطع.', 'بخاخ سالبوتامول عند اللزوم، تجنب الأسبرين.', NULL),
  ('00000000-0000-4018-8000-000000000104', '00000000-0000-4018-8000-000000000004', '00000000-0000-4000-8000-000000000004', 'soap',
   'Tired in the afternoons, takes metformin twice daily.', 'Random glucose 162 mg/dL, HbA1c 7.8 %.', 'Type 2 diabetes, not at target; hyperlipidaemia.', 'Continue metformin 500 mg twice daily, diet advice, HbA1c in 3 months.', NULL),
  ('00000000-0000-4018-8000-000000000105', '00000000-0000-4018-8000-000000000005', '00000000-0000-4000-8000-000000000004', 'soap',
   'ألم في الحلق منذ يومين مع حرارة.', 'الحرارة ٣٨٫٤، احمرار البلعوم دون صديد.', 'التهاب البلعوم الحاد، فيروسي غالبًا.', 'باراسيتامول عند الحاجة، سوائل، مراجعة إن استمرت الحرارة.', NULL),
  ('00000000-0000-4018-8000-000000000106', '00000000-0000-4018-8000-000000000006', '00000000-0000-4000-8000-000000000004', 'free_text',
   NULL, NULL, NULL, NULL, 'استشارة هاتفية: قراءة السكر الصباحية ٨٫٩ ملمول/لتر. زيادة الميتفورمين إلى ١٠٠٠ ملغ مرتين يوميًا.')
) AS v(id, encounter, author, format, s, o, a, p, body)
JOIN encounters e ON e.id = v.encounter;

INSERT INTO diagnoses (id, patient_id, encounter_id, code, rank, clinical_status, onset_date, recorded_by)
SELECT v.id, e.patient_id, e.id, v.code, v.rank, v.status, v.onset::date, v.author
FROM (VALUES
  ('00000000-0000-4018-8000-000000000201'::uuid, '00000000-0000-4018-8000-000000000001'::uuid, 'I10', 'primary', 'active', '2019-03-01', '00000000-0000-4000-8000-000000000004'::uuid),
  ('00000000-0000-4018-8000-000000000202', '00000000-0000-4018-8000-000000000002', 'R00.2', 'primary', 'resolved', NULL, '00000000-0000-4000-8000-000000000006'),
  ('00000000-0000-4018-8000-000000000203', '00000000-0000-4018-8000-000000000003', 'J45.909', 'primary', 'active', NULL, '00000000-0000-4000-8000-000000000004'),
  ('00000000-0000-4018-8000-000000000204', '00000000-0000-4018-8000-000000000004', 'E11.9', 'primary', 'active', '2016-05-01', '00000000-0000-4000-8000-000000000004'),
  ('00000000-0000-4018-8000-000000000205', '00000000-0000-4018-8000-000000000004', 'E78.5', 'secondary', 'active', NULL, '00000000-0000-4000-8000-000000000004'),
  ('00000000-0000-4018-8000-000000000206', '00000000-0000-4018-8000-000000000005', 'J02.9', 'primary', 'resolved', NULL, '00000000-0000-4000-8000-000000000004'),
  ('00000000-0000-4018-8000-000000000207', '00000000-0000-4018-8000-000000000006', 'E11.9', 'primary', 'active', '2012-01-01', '00000000-0000-4000-8000-000000000004'),
  ('00000000-0000-4018-8000-000000000208', '00000000-0000-4018-8000-000000000006', 'I10', 'secondary', 'active', NULL, '00000000-0000-4000-8000-000000000004')
) AS v(id, encounter, code, rank, status, onset, author)
JOIN encounters e ON e.id = v.encounter;

-- Vitals and one lab result per patient; values in the unit typed, value_canonical in the code's own.
INSERT INTO observations (patient_id, encounter_id, category, kind, loinc, value, unit, value_canonical, unit_canonical,
                          reference_low, reference_high, abnormal_flag, derived, effective_at, recorded_by)
SELECT e.patient_id, e.id, v.category, v.kind, v.loinc, v.value, v.unit, v.canonical, v.canonical_unit, v.low, v.high, v.flag,
       v.derived, e.started_at + interval '5 minutes', d.user_id
FROM (VALUES
  ('00000000-0000-4018-8000-000000000001'::uuid, 'vital-signs', 'systolic_bp', '8480-6', 148.0, 'mm[Hg]', 148.0, 'mm[Hg]', 90.0, 139.0, 'H', false),
  ('00000000-0000-4018-8000-000000000001', 'vital-signs', 'diastolic_bp', '8462-4', 94, 'mm[Hg]', 94, 'mm[Hg]', 60, 89, 'H', false),
  ('00000000-0000-4018-8000-000000000001', 'vital-signs', 'heart_rate', '8867-4', 78, '/min', 78, '/min', 60, 100, 'N', false),
  ('00000000-0000-4018-8000-000000000001', 'vital-signs', 'body_temperature', '8310-5', 36.8, 'Cel', 36.8, 'Cel', 36.1, 37.8, 'N', false),
  ('00000000-0000-4018-8000-000000000001', 'vital-signs', 'body_weight', '29463-7', 84, 'kg', 84, 'kg', NULL, NULL, NULL, false),
  ('00000000-0000-4018-8000-000000000001', 'vital-signs', 'body_height', '8302-2', 176, 'cm', 176, 'cm', NULL, NULL, NULL, false),
  ('00000000-0000-4018-8000-000000000001', 'vital-signs', 'bmi', '39156-5', 27.1, 'kg/m2', 27.1, 'kg/m2', 18.5, 24.9, 'H', true),
  ('00000000-0000-4018-8000-000000000001', 'laboratory', 'ldl_cholesterol', '2089-1', 4.1, 'mmol/L', 158.5, 'mg/dL', 0, 129, 'H', false),
  ('00000000-0000-4018-8000-000000000002', 'vital-signs', 'heart_rate', '8867-4', 72, '/min', 72, '/min', 60, 100, 'N', false),
  ('00000000-0000-4018-8000-000000000002', 'vital-signs', 'systolic_bp', '8480-6', 132, 'mm[Hg]', 132, 'mm[Hg]', 90, 139, 'N', false),
  ('00000000-0000-4018-8000-000000000002', 'vital-signs', 'diastolic_bp', '8462-4', 84, 'mm[Hg]', 84, 'mm[Hg]', 60, 89, 'N', false),
  ('00000000-0000-4018-8000-000000000003', 'vital-signs', 'oxygen_saturation', '59408-5', 96, '%', 96, '%', 95, 100, 'N', false),
  ('00000000-0000-4018-8000-000000000003', 'vital-signs', 'heart_rate', '8867-4', 88, '/min', 88, '/min', 60, 100, 'N', false),
  ('00000000-0000-4018-8000-000000000003', 'laboratory', 'hemoglobin', '718-7', 12.9, 'g/dL', 12.9, 'g/dL', 12.0, 16.0, 'N', false),
  ('00000000-0000-4018-8000-000000000004', 'vital-signs', 'blood_glucose', '2339-0', 162, 'mg/dL', 162, 'mg/dL', 70, 140, 'H', false),
  ('00000000-0000-4018-8000-000000000004', 'laboratory', 'hba1c', '4548-4', 7.8, '%', 7.8, '%', 4.0, 5.6, 'H', false),
  ('00000000-0000-4018-8000-000000000005', 'vital-signs', 'body_temperature', '8310-5', 38.4, 'Cel', 38.4, 'Cel', 36.1, 37.8, 'H', false),
  ('00000000-0000-4018-8000-000000000005', 'laboratory', 'crp', '1988-5', 12, 'mg/L', 12, 'mg/L', 0, 5, 'H', false),
  ('00000000-0000-4018-8000-000000000006', 'vital-signs', 'blood_glucose', '2339-0', 8.9, 'mmol/L', 160.3, 'mg/dL', 70, 140, 'H', false),
  ('00000000-0000-4018-8000-000000000006', 'laboratory', 'hba1c', '4548-4', 8.1, '%', 8.1, '%', 4.0, 5.6, 'H', false)
) AS v(encounter, category, kind, loinc, value, unit, canonical, canonical_unit, low, high, flag, derived)
JOIN encounters e ON e.id = v.encounter
JOIN doctors d ON d.id = e.doctor_id;

INSERT INTO allergies (id, patient_id, substance, reaction, severity, recorded_by, created_at) VALUES
  ('00000000-0000-4018-8000-000000000301', '00000000-0000-4000-9000-000000000007', 'Penicillin', 'طفح جلدي وتورم في الوجه', 'severe', '00000000-0000-4000-8000-000000000004', now() - interval '60 days'),
  ('00000000-0000-4018-8000-000000000302', '00000000-0000-4000-9000-000000000008', 'Aspirin', 'صفير وضيق تنفس', 'moderate', '00000000-0000-4000-8000-000000000004', now() - interval '40 days'),
  ('00000000-0000-4018-8000-000000000303', '00000000-0000-4000-9000-000000000009', 'Peanuts', 'Anaphylaxis', 'severe', '00000000-0000-4000-8000-000000000004', now() - interval '30 days'),
  ('00000000-0000-4018-8000-000000000304', '00000000-0000-4000-9000-000000000009', 'Latex', 'Contact dermatitis', 'moderate', '00000000-0000-4000-8000-000000000004', now() - interval '30 days'),
  ('00000000-0000-4018-8000-000000000305', '00000000-0000-4000-9000-000000000010', 'Shellfish', 'شرى (أرتيكاريا)', 'mild', '00000000-0000-4000-8000-000000000004', now() - interval '7 days'),
  ('00000000-0000-4018-8000-000000000306', '00000000-0000-4000-9000-000000000099', 'Sulfa', 'طفح جلدي', 'severe', '00000000-0000-4000-8000-000000000004', now() - interval '20 days');

INSERT INTO prescriptions (id, patient_id, encounter_id, prescriber_id, drug_name, dose, route, frequency, duration_days,
                           quantity, refills, instructions, instructions_language, status, created_at)
SELECT v.id, e.patient_id, e.id, d.user_id, v.drug, v.dose, v.route, v.frequency, v.days, v.quantity, v.refills, v.instructions,
       v.lang, 'active', e.ended_at
FROM (VALUES
  ('00000000-0000-4018-8000-000000000401'::uuid, '00000000-0000-4018-8000-000000000001'::uuid, 'Amlodipine 5 mg tablet', '5 mg', 'oral', 'مرة يوميًا', 90, 90, 2, 'قرص واحد صباحًا مع الماء.', 'ar'),
  ('00000000-0000-4018-8000-000000000402', '00000000-0000-4018-8000-000000000003', 'Salbutamol 100 mcg inhaler', '2 puffs', 'inhaled', 'عند اللزوم، حتى ٤ مرات يوميًا', 90, 1, 1, 'بختان عند ضيق التنفس.', 'ar'),
  ('00000000-0000-4018-8000-000000000403', '00000000-0000-4018-8000-000000000004', 'Metformin 500 mg tablet', '500 mg', 'oral', 'twice daily', 90, 180, 2, 'One tablet with breakfast and one with dinner.', 'en'),
  ('00000000-0000-4018-8000-000000000404', '00000000-0000-4018-8000-000000000005', 'Paracetamol 500 mg tablet', '1 g', 'oral', 'كل ٦ ساعات عند الحاجة', 5, 20, 0, 'قرصان عند الحرارة أو الألم، لا تتجاوزي ٨ أقراص يوميًا.', 'ar'),
  ('00000000-0000-4018-8000-000000000405', '00000000-0000-4018-8000-000000000006', 'Metformin 1000 mg tablet', '1000 mg', 'oral', 'مرتين يوميًا', 90, 180, 2, 'قرص مع الفطور وقرص مع العشاء.', 'ar')
) AS v(id, encounter, drug, dose, route, frequency, days, quantity, refills, instructions, lang)
JOIN encounters e ON e.id = v.encounter
JOIN doctors d ON d.id = e.doctor_id;
