--liquibase formatted sql

--changeset moeen:demo-001-clinic-settings context:demo
UPDATE system_settings SET value = '"+966112345678"' WHERE key = 'clinic.phone';
UPDATE system_settings SET value = '"info@moeen-clinic.example"' WHERE key = 'clinic.email';
UPDATE system_settings SET value = '"King Fahd Road, Al Olaya, Riyadh 12214"' WHERE key = 'clinic.address';
INSERT INTO translations (entity_type, entity_id, field, locale, value) VALUES
  ('system_setting', 'clinic.address', 'value', 'ar', 'طريق الملك فهد، العليا، الرياض ١٢٢١٤'),
  ('system_setting', 'clinic.address', 'value', 'en', 'King Fahd Road, Al Olaya, Riyadh 12214');
UPDATE translations SET value = 'مجمع معين الطبي' WHERE entity_type = 'system_setting' AND entity_id = 'clinic.name' AND locale = 'ar';
UPDATE translations SET value = 'Moeen Medical Complex' WHERE entity_type = 'system_setting' AND entity_id = 'clinic.name' AND locale = 'en';
