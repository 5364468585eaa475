--liquibase formatted sql

--changeset moeen:010-reschedule-notice
-- The patient's side moves an appointment directly only this long before its start; closer, they send a request.
INSERT INTO system_settings (key, value, category, is_public, is_localized, description_en, description_ar) VALUES
  ('booking.reschedule_notice_hours', '24', 'booking', true, false,
   'Hours before the start until which patients may move an appointment themselves',
   'عدد الساعات قبل الموعد التي يمكن للمريض حتى بلوغها تغيير موعده بنفسه');
