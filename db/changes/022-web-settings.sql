--liquibase formatted sql

--changeset moeen:022-clinic-digits
-- How web clients write numbers in Arabic: 'latin' (0123) or 'arabic' (Arabic-Indic ٠١٢٣). Public, so the
-- chat widget and the portal read it from GET /v1/settings/public before they write a time or a date.
INSERT INTO system_settings (key, value, category, is_public, is_localized, description_en, description_ar) VALUES
  ('clinic.digits', '"latin"', 'clinic', true, false,
   'Digits web clients use in Arabic: latin or arabic (Arabic-Indic)', 'الأرقام في واجهات الويب بالعربية: latin أو arabic (الهندية)');
