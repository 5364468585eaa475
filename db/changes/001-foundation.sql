--liquibase formatted sql

--changeset moeen:001-extensions
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

--changeset moeen:001-updated-at-function splitStatements:false
-- Shared by every table with an updated_at column: BEFORE UPDATE ... EXECUTE FUNCTION update_updated_at_column()
CREATE OR REPLACE FUNCTION update_updated_at_column() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at = now();
  RETURN NEW;
END;
$$;

--changeset moeen:001-languages
CREATE TABLE languages (
  code        varchar(8)  PRIMARY KEY CHECK (code ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
  name_en     text        NOT NULL,
  name_native text        NOT NULL,
  direction   text        NOT NULL CHECK (direction IN ('ltr', 'rtl')),
  is_active   boolean     NOT NULL DEFAULT true,
  sort_order  integer     NOT NULL DEFAULT 0,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER languages_updated_at BEFORE UPDATE ON languages
  FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
INSERT INTO languages (code, name_en, name_native, direction, sort_order) VALUES
  ('ar', 'Arabic', 'العربية', 'rtl', 1),
  ('en', 'English', 'English', 'ltr', 2);

--changeset moeen:001-translations
-- Content (not UI strings) in each language: service names, chatbot texts, setting values.
-- entity_id is the entity's uuid or, for entities keyed by name (settings), that name.
CREATE TABLE translations (
  id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  entity_type varchar(64) NOT NULL,
  entity_id   text        NOT NULL,
  field       varchar(64) NOT NULL,
  locale      varchar(8)  NOT NULL REFERENCES languages (code),
  value       text        NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT translations_one_per_locale UNIQUE (entity_type, entity_id, field, locale)
);
CREATE TRIGGER translations_updated_at BEFORE UPDATE ON translations
  FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

--changeset moeen:001-system-settings
CREATE TABLE system_settings (
  id             uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  key            varchar(100) NOT NULL UNIQUE CHECK (key ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$'),
  value          jsonb        NOT NULL,
  category       varchar(50)  NOT NULL DEFAULT 'general',
  description_ar text,
  description_en text,
  -- a public setting may be read by anyone (GET /v1/settings/public); the rest are for staff
  is_public      boolean      NOT NULL DEFAULT false,
  -- a localizable setting keeps its text per language in translations (entity_type 'system_setting')
  is_localized   boolean      NOT NULL DEFAULT false,
  created_at     timestamptz  NOT NULL DEFAULT now(),
  updated_at     timestamptz  NOT NULL DEFAULT now()
);
CREATE TRIGGER system_settings_updated_at BEFORE UPDATE ON system_settings
  FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

INSERT INTO system_settings (key, value, category, is_public, is_localized, description_en, description_ar) VALUES
  ('clinic.name',            '"Moeen Clinic"', 'clinic', true,  true,  'The clinic''s name as patients see it', 'اسم العيادة كما يراه المرضى'),
  ('clinic.phone',           'null',           'clinic', true,  false, 'Main phone number (E.164)', 'رقم الهاتف الرئيسي'),
  ('clinic.email',           'null',           'clinic', true,  false, 'Contact email', 'البريد الإلكتروني للتواصل'),
  ('clinic.address',         'null',           'clinic', true,  true,  'Postal address', 'العنوان'),
  ('clinic.currency',        '"SAR"',          'billing', true, false, 'Currency of prices (ISO 4217)', 'عملة الأسعار'),
  ('clinic.vat_rate',        '0.15',           'billing', true, false, 'VAT rate applied to services', 'نسبة ضريبة القيمة المضافة'),
  ('booking.min_notice_minutes', '120',        'booking', true, false, 'Shortest notice for a booking, in minutes', 'أقل مهلة للحجز بالدقائق'),
  ('booking.horizon_days',   '60',             'booking', true, false, 'How far ahead patients may book, in days', 'أقصى مدة مسبقة للحجز بالأيام'),
  ('booking.max_active_per_patient', '3',      'booking', false, false, 'Active future appointments a patient may hold', 'عدد المواعيد القادمة المسموح بها للمريض'),
  ('notifications.quiet_hours', '{"start": "22:00", "end": "08:00"}', 'notifications', false, false, 'Hours in which non-urgent messages wait', 'ساعات تأجيل الرسائل غير العاجلة'),
  ('chatbot.enabled',        'true',           'chatbot', true, false, 'Whether the chatbot answers patients', 'تفعيل المساعد الآلي');

INSERT INTO translations (entity_type, entity_id, field, locale, value) VALUES
  ('system_setting', 'clinic.name', 'value', 'ar', 'عيادة معين'),
  ('system_setting', 'clinic.name', 'value', 'en', 'Moeen Clinic');

--changeset moeen:001-system-metrics
-- Periodic snapshots of the service's own figures (requests, latency, pool use) for trend reports.
CREATE TABLE system_metrics (
  id           uuid             PRIMARY KEY DEFAULT gen_random_uuid(),
  metric_name  varchar(100)     NOT NULL,
  metric_value double precision NOT NULL,
  unit         varchar(20),
  labels       jsonb            NOT NULL DEFAULT '{}'::jsonb,
  recorded_at  timestamptz      NOT NULL DEFAULT now()
);
CREATE INDEX system_metrics_name_time ON system_metrics (metric_name, recorded_at DESC);

--changeset moeen:001-idempotency-keys
-- Replays of a request that carried an Idempotency-Key: same key and body answer as the first time,
-- the same key with another body is refused. scope = operation and caller, so keys never collide across users.
CREATE TABLE idempotency_keys (
  scope           varchar(200) NOT NULL,
  key             varchar(200) NOT NULL,
  request_hash    char(64)     NOT NULL,
  state           text         NOT NULL DEFAULT 'in_progress' CHECK (state IN ('in_progress', 'completed')),
  response_status integer,
  response_body   jsonb,
  created_at      timestamptz  NOT NULL DEFAULT now(),
  expires_at      timestamptz  NOT NULL DEFAULT now() + interval '24 hours',
  PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);
