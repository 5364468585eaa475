--liquibase formatted sql

--changeset moeen:009-booking-slot-step
-- Slots start on a fixed grid from the start of each working block (block start + k·step).
INSERT INTO system_settings (key, value, category, is_public, is_localized, description_en, description_ar) VALUES
  ('booking.slot_step_minutes', '15', 'booking', true, false,
   'Minutes between the start times offered for booking', 'الفاصل بالدقائق بين أوقات بدء المواعيد المعروضة للحجز');
