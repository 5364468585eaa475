--liquibase formatted sql

--changeset moeen:demo-015-crm context:demo
-- The demo marketer takes new leads; Noura (supervisor) hears about overdue first contacts.
INSERT INTO crm_marketers (user_id, supervisor_id) VALUES
  ('00000000-0000-4000-8000-000000000011', '00000000-0000-4000-8000-000000000002');
