--liquibase formatted sql

--changeset moeen:demo-038-hospital-history context:demo
-- The demo hospital has been open for a month: its beds existed before Mohammed's stay three days ago, and
-- W-101/D has been out of service for five days (so the occupancy report's past days count the right beds).
UPDATE beds SET created_at = now() - interval '30 days'
WHERE id IN ('00000000-0000-4021-8000-000000000401', '00000000-0000-4021-8000-000000000402',
             '00000000-0000-4021-8000-000000000403', '00000000-0000-4021-8000-000000000404',
             '00000000-0000-4021-8000-000000000405', '00000000-0000-4021-8000-000000000406',
             '00000000-0000-4021-8000-000000000407', '00000000-0000-4021-8000-000000000408');
UPDATE beds SET state_changed_at = now() - interval '5 days' WHERE id = '00000000-0000-4021-8000-000000000404';
UPDATE bed_service_breaks SET during = tstzrange(now() - interval '5 days', NULL, '[)')
WHERE bed_id = '00000000-0000-4021-8000-000000000404';

--changeset moeen:demo-038-hospital-deep-clean context:demo
-- A deep cleaning of private room 202 in three days, for the cleaning calendar.
INSERT INTO cleaning_tasks (id, room_id, kind, due_at, notes, created_by) VALUES
  ('00000000-0000-4021-8000-000000000903', '00000000-0000-4021-8000-000000000303', 'deep_clean',
   date_trunc('day', now() AT TIME ZONE 'Asia/Riyadh') AT TIME ZONE 'Asia/Riyadh' + interval '3 days 10 hours',
   'تنظيف عميق شهري · monthly deep clean', '00000000-0000-4000-8000-000000000002');
