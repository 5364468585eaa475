--liquibase formatted sql

--changeset moeen:053-documents-demo context:demo
-- The five global document templates (issue 22), in Arabic and English, saved by the demo admin: a medical
-- report, a sick-leave certificate, a referral letter, a consent form and the prescription layout.
INSERT INTO document_templates (id, kind, owner_doctor_id) VALUES
  ('00000000-0000-4053-8000-000000000001', 'medical_report', NULL),
  ('00000000-0000-4053-8000-000000000002', 'sick_leave', NULL),
  ('00000000-0000-4053-8000-000000000003', 'referral', NULL),
  ('00000000-0000-4053-8000-000000000004', 'consent', NULL),
  ('00000000-0000-4053-8000-000000000005', 'prescription', NULL);

INSERT INTO document_template_versions (template_id, version, name_ar, name_en, body_ar, body_en, created_by) VALUES
  ('00000000-0000-4053-8000-000000000001', 1, 'تقرير طبي', 'Medical report',
   E'المريض: {{patient.name}} — رقم الملف {{patient.mrn}} — العمر {{patient.age}} سنة.\n\nراجع المريض {{clinic.name}} بتاريخ {{encounter.date}} الموافق {{encounter.dateHijri}} وكانت الشكوى: {{encounter.complaint}}.\n\nالتشخيص: {{encounter.diagnoses}}.\n\n{{document.notes}}\n\nحُرّر هذا التقرير بناءً على طلب المريض بتاريخ {{date.gregorian}} الموافق {{date.hijri}}.',
   E'Patient: {{patient.name}} — record {{patient.mrn}} — aged {{patient.age}}.\n\nThe patient attended {{clinic.name}} on {{encounter.date}} ({{encounter.dateHijri}}) complaining of: {{encounter.complaint}}.\n\nDiagnosis: {{encounter.diagnoses}}.\n\n{{document.notes}}\n\nThis report was issued at the patient''s request on {{date.gregorian}} ({{date.hijri}}).',
   '00000000-0000-4000-8000-000000000001'),
  ('00000000-0000-4053-8000-000000000002', 1, 'إجازة مرضية', 'Sick-leave certificate',
   E'يشهد {{clinic.name}} بأن المريض {{patient.name}} (رقم الملف {{patient.mrn}}) راجعنا بتاريخ {{encounter.date}} الموافق {{encounter.dateHijri}}، وتبيّن أنه يحتاج إلى إجازة مرضية.\n\nالتشخيص: {{encounter.diagnoses}}.\n\n{{document.notes}}\n\nأُعطي هذا الإشعار بناءً على طلبه دون أدنى مسؤولية على العيادة تجاه الغير.',
   E'{{clinic.name}} certifies that {{patient.name}} (record {{patient.mrn}}) was seen on {{encounter.date}} ({{encounter.dateHijri}}) and needs sick leave.\n\nDiagnosis: {{encounter.diagnoses}}.\n\n{{document.notes}}\n\nIssued at the patient''s request.',
   '00000000-0000-4000-8000-000000000001'),
  ('00000000-0000-4053-8000-000000000003', 1, 'خطاب إحالة', 'Referral letter',
   E'الزميل العزيز،\n\nنحيل إليكم المريض {{patient.name}} (العمر {{patient.age}} سنة، رقم الملف {{patient.mrn}}) الذي راجعنا بتاريخ {{encounter.date}} بشكوى: {{encounter.complaint}}.\n\nالتشخيص المبدئي: {{encounter.diagnoses}}.\n\nسبب الإحالة: {{document.notes}}\n\nشاكرين تعاونكم.',
   E'Dear colleague,\n\nI am referring {{patient.name}} (aged {{patient.age}}, record {{patient.mrn}}), seen on {{encounter.date}} with: {{encounter.complaint}}.\n\nWorking diagnosis: {{encounter.diagnoses}}.\n\nReason for referral: {{document.notes}}\n\nThank you for seeing them.',
   '00000000-0000-4000-8000-000000000001'),
  ('00000000-0000-4053-8000-000000000004', 1, 'نموذج موافقة', 'Consent form',
   E'أنا الموقّع أدناه {{patient.name}} (رقم الملف {{patient.mrn}})، أوافق على الإجراء الموضح أدناه الذي سيجريه {{doctor.name}} ({{doctor.specialty}}) في {{clinic.name}}.\n\nالإجراء: {{document.notes}}\n\nشُرحت لي طبيعة الإجراء وفوائده ومخاطره المحتملة والبدائل المتاحة، وأُتيحت لي فرصة طرح الأسئلة.\n\nالتاريخ: {{date.gregorian}} الموافق {{date.hijri}}\n\nتوقيع المريض: ____________________',
   E'I, the undersigned {{patient.name}} (record {{patient.mrn}}), consent to the procedure below, to be performed by {{doctor.name}} ({{doctor.specialty}}) at {{clinic.name}}.\n\nProcedure: {{document.notes}}\n\nIts nature, benefits, possible risks and the alternatives have been explained to me, and I have been able to ask questions.\n\nDate: {{date.gregorian}} ({{date.hijri}})\n\nPatient''s signature: ____________________',
   '00000000-0000-4000-8000-000000000001'),
  ('00000000-0000-4053-8000-000000000005', 1, 'وصفة طبية', 'Prescription',
   E'تُصرف هذه الوصفة خلال ثلاثين يومًا من تاريخها {{date.hijri}}. لا تتوقف عن الدواء قبل إكمال المدة إلا بعد استشارة الطبيب.',
   E'Dispense within thirty days of {{date.gregorian}}. Do not stop the medicine before the end of the course without asking your doctor.',
   '00000000-0000-4000-8000-000000000001');
