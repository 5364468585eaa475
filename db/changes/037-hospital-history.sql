--liquibase formatted sql

--changeset moeen:037-hospital-bed-service-breaks
-- When each bed was out of service (issue 21): the occupancy report counts, for each past day, the beds
-- that existed then (beds.created_at) and the hours they were in service, not today's beds. One row per
-- spell out of service, open-ended while it lasts; spells of a bed never overlap.
CREATE TABLE bed_service_breaks (
  id         uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  bed_id     uuid        NOT NULL REFERENCES beds (id),
  during     tstzrange   NOT NULL CHECK (NOT isempty(during) AND NOT lower_inf(during)),
  reason     text        CHECK (length(reason) <= 500),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT bed_service_breaks_no_overlap EXCLUDE USING gist (bed_id WITH =, during WITH &&)
);
-- the beds out of service now, since they were taken out
INSERT INTO bed_service_breaks (bed_id, during, reason)
SELECT id, tstzrange(least(state_changed_at, now()), NULL, '[)'), out_of_service_reason FROM beds WHERE state = 'out_of_service';

--changeset moeen:037-hospital-setup-permission
-- Room types (with their daily rates) and wards are the hospital's set-up: administrators and supervisors
-- change them, not everyone who manages beds.
INSERT INTO permissions (code, description_en, description_ar) VALUES
  ('hospital.setup', 'Add, change and retire room types (and their daily rates) and wards',
   'إضافة أنواع الغرف (وأسعارها اليومية) والأجنحة وتعديلها وإيقافها');
INSERT INTO role_permissions (role_id, permission_id)
SELECT r.id, p.id FROM roles r JOIN permissions p ON p.code = 'hospital.setup' WHERE r.code IN ('admin', 'supervisor');

--changeset moeen:037-hospital-cleaning-calendar
-- The calendar reads scheduled tasks by due time.
CREATE INDEX cleaning_tasks_due ON cleaning_tasks (due_at);
