--liquibase formatted sql

--changeset moeen:055-identity-signup-verification
-- Sign-up verifies the phone or e-mail before the account exists (issue 16): a six-digit code goes out through the
-- outbox (SMS for a phone, e-mail for an address), only its SHA-256 is kept, it is good for 10 minutes and for 5
-- tries, and a verified code is spent by the registration that names it. Nothing here refers to a user: the
-- person has no account yet.
CREATE TABLE signup_verifications (
  id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  channel      varchar(8)  NOT NULL CHECK (channel IN ('sms', 'email')),
  -- E.164 for a phone, lower case for an e-mail
  destination  text        NOT NULL CHECK (length(destination) BETWEEN 3 AND 254),
  code_hash    char(64)    NOT NULL,
  attempts     integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  expires_at   timestamptz NOT NULL,
  verified_at  timestamptz,
  used_at      timestamptz,
  requested_ip inet,
  created_at   timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT signup_verifications_used_after_verified CHECK (used_at IS NULL OR verified_at IS NOT NULL)
);
CREATE INDEX signup_verifications_destination ON signup_verifications (destination, created_at DESC);

-- When the account was made with a verified phone or e-mail.
ALTER TABLE users ADD COLUMN phone_verified_at timestamptz, ADD COLUMN email_verified_at timestamptz;

-- Whether sign-up must present a verified code for each contact it gives. Off by default so that existing
-- integrations keep working; the portal always verifies.
INSERT INTO system_settings (key, value, category, is_public, is_localized, description_en, description_ar) VALUES
  ('auth.signup_verification_required', 'false', 'auth', true, false,
   'Whether sign-up must present a verified one-time code for the phone and e-mail it gives',
   'هل يجب أن يُثبت التسجيل الجديد رقم الجوال والبريد الإلكتروني برمز تحقق لمرة واحدة');

INSERT INTO notification_templates (event_type, channel, locale, subject, body) VALUES
  ('signup_code', 'sms', 'ar', NULL, 'رمز التحقق لإنشاء حسابك في معين: {code}. صالح {minutes} دقائق. لا تشاركه مع أحد.'),
  ('signup_code', 'sms', 'en', NULL, 'Your Moeen sign-up code: {code}. Valid for {minutes} minutes. Do not share it.'),
  ('signup_code', 'email', 'ar', 'رمز التحقق من معين', 'رمز التحقق لإنشاء حسابك في معين: {code}. صالح {minutes} دقائق. إن لم تطلبه فتجاهل هذه الرسالة.'),
  ('signup_code', 'email', 'en', 'Your Moeen verification code', 'Your Moeen sign-up code: {code}. Valid for {minutes} minutes. If you did not ask for it, ignore this message.');
--rollback DELETE FROM notification_templates WHERE event_type = 'signup_code';
--rollback DELETE FROM system_settings WHERE key = 'auth.signup_verification_required';
--rollback ALTER TABLE users DROP COLUMN phone_verified_at, DROP COLUMN email_verified_at;
--rollback DROP TABLE signup_verifications;
