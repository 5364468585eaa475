--liquibase formatted sql

--changeset moeen:demo-060-clinical-files context:demo
-- Ahmed's uploaded report (issue 18's demo clinic): the ECG report of his visit with Dr. Faisal. The row is
-- SQL; the bytes are written into the file store at start by the clinical verticle (DemoFiles), which then
-- sets the row's storage key, size and SHA-256 to what it wrote. Until then the key names no stored object.
INSERT INTO clinical_files (id, patient_id, encounter_id, category, title, file_name, content_type, size_bytes, sha256,
                            storage_key, uploaded_by, created_at)
SELECT '00000000-0000-4018-8000-000000000601', e.patient_id, e.id, 'report', 'تقرير تخطيط القلب · ECG report',
       'ecg-report.pdf', 'application/pdf', 1, repeat('0', 64), 'demo/ahmed-ecg-report.pdf',
       '00000000-0000-4000-8000-000000000006', e.ended_at
FROM encounters e WHERE e.id = '00000000-0000-4018-8000-000000000002';

INSERT INTO clinical_demo_files (file_id, template)
SELECT f.id, 'ecg_report' FROM clinical_files f WHERE f.id = '00000000-0000-4018-8000-000000000601';
