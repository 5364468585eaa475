--liquibase formatted sql

--changeset moeen:demo-064-rooms context:demo
-- Issue 16: the demo clinic's consulting rooms in use. Two more rooms at the Riyadh branch (007 made two there and
-- one in Jeddah; 036's hospital rooms there are 'inpatient' since 063 and never offered to reception), each demo
-- doctor's default room, and today's visits in rooms, so reception's agenda by room shows something on the first
-- start.
INSERT INTO rooms (id, location_id, name_ar, name_en) VALUES
  ('00000000-0000-4064-8000-000000000001', '00000000-0000-4000-c100-000000000001', 'عيادة ٣', 'Clinic room 3'),
  ('00000000-0000-4064-8000-000000000002', '00000000-0000-4000-c100-000000000001', 'عيادة الأسنان', 'Dental room');

-- Khalid in room 1, Maha in room 2 (and room 1 in Jeddah), Faisal in room 3, Dr. Huda (050) in the dental room.
INSERT INTO doctor_default_rooms (doctor_id, location_id, room_id)
SELECT v.doctor, r.location_id, r.id
FROM (VALUES
  ('00000000-0000-4000-c200-000000000004'::uuid, '00000000-0000-4000-c100-000000000001'::uuid, 'Clinic room 1'),
  ('00000000-0000-4000-c200-000000000005', '00000000-0000-4000-c100-000000000001', 'Clinic room 2'),
  ('00000000-0000-4000-c200-000000000005', '00000000-0000-4000-c100-000000000002', 'Clinic room 1'),
  ('00000000-0000-4000-c200-000000000006', '00000000-0000-4000-c100-000000000001', 'Clinic room 3'),
  ('00000000-0000-4022-8000-000000000011', '00000000-0000-4000-c100-000000000001', 'Dental room')) v(doctor, location, room)
JOIN rooms r ON r.location_id = v.location AND r.name_en = v.room AND r.kind = 'consulting';

-- Today's visits, in their doctors' rooms: all before the moment the demo is loaded (so they meet none of the
-- times tests book "now" or ahead, and hold no patient's future quota), on the Riyadh day of loading; two done,
-- two waiting for reception (check in or no-show). Fatimah and Reem only, with Khalid and Dr. Huda only: Khalid
-- already cares for both, and Dr. Maha must keep no demo patient in her care (docs/clinical.md), so her room 2
-- holds one of Khalid's visits today.
WITH base AS (
  SELECT date_trunc('hour', now()) AS h
), planned (id, patient, doctor, service, back, minutes, status, room) AS (
  VALUES
    ('00000000-0000-4064-8400-000000000001'::uuid, '00000000-0000-4000-9000-000000000008'::uuid,
     '00000000-0000-4000-c200-000000000004'::uuid, '00000000-0000-4000-c300-000000000001'::uuid,
     interval '4 hours', 30, 'completed', 'Clinic room 1'),
    ('00000000-0000-4064-8400-000000000002', '00000000-0000-4000-9000-000000000010',
     '00000000-0000-4000-c200-000000000004', '00000000-0000-4000-c300-000000000001',
     interval '3 hours 30 minutes', 30, 'completed', 'Clinic room 2'),
    ('00000000-0000-4064-8400-000000000003', '00000000-0000-4000-9000-000000000008',
     '00000000-0000-4022-8000-000000000011', '00000000-0000-4000-c300-000000000006',
     interval '2 hours 30 minutes', 45, 'confirmed', 'Dental room'),
    ('00000000-0000-4064-8400-000000000004', '00000000-0000-4000-9000-000000000010',
     '00000000-0000-4000-c200-000000000004', '00000000-0000-4000-c300-000000000002',
     interval '1 hour 30 minutes', 15, 'confirmed', 'Clinic room 1')
)
INSERT INTO appointments (id, patient_id, doctor_id, service_id, location_id, room_id, starts_at, ends_at, blocked_from,
                          blocked_until, status, source)
SELECT p.id, p.patient, p.doctor, p.service, '00000000-0000-4000-c100-000000000001', r.id,
       b.h - p.back, b.h - p.back + make_interval(mins => p.minutes),
       b.h - p.back, b.h - p.back + make_interval(mins => p.minutes), p.status, 'reception'
FROM planned p CROSS JOIN base b
JOIN rooms r ON r.location_id = '00000000-0000-4000-c100-000000000001' AND r.name_en = p.room AND r.kind = 'consulting'
-- only those that still fall on today's Riyadh date
WHERE ((b.h - p.back) AT TIME ZONE 'Asia/Riyadh')::date = (now() AT TIME ZONE 'Asia/Riyadh')::date;
