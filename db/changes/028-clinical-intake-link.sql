--liquibase formatted sql

--changeset moeen:028-intake-form-family
-- A family member fills the intake form for a patient who gave them the scope intake_forms.write (the
-- permission below only lets the request reach the handler; the scope decides, in code and here).
INSERT INTO permissions (code, description_en, description_ar) VALUES
  ('intake_forms.write.own', 'Fill in one''s own intake form, or a relative''s who granted it',
   'تعبئة نموذج الاستقبال لنفسه أو لقريب منحه ذلك');
INSERT INTO role_permissions (role_id, permission_id)
SELECT r.id, p.id FROM roles r JOIN permissions p ON p.code = 'intake_forms.write.own'
WHERE r.code IN ('patient', 'family_member');

DROP POLICY intake_forms_insert ON intake_forms;
-- the patients who gave the acting family member this scope (definer: family_members has its own policies)
CREATE FUNCTION app_family_scope_patients(scope text) RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS 'SELECT f.patient_id FROM family_members f
  WHERE f.user_id = app_user_id() AND f.revoked_at IS NULL AND scope = ANY (f.scopes)
    AND app_has_permission(''intake_forms.write.own'')';
CREATE POLICY intake_forms_insert ON intake_forms FOR INSERT
  WITH CHECK (submitted_by = app_user_id() AND (
    (submitted_via = 'reception' AND app_has_permission('intake_forms.write.any'))
    OR (submitted_via = 'patient' AND EXISTS (SELECT 1 FROM patients p WHERE p.id = patient_id AND p.user_id = app_user_id()))
    OR (submitted_via = 'family' AND patient_id IN (SELECT app_family_scope_patients('intake_forms.write')))));
-- what one wrote one sees again (the insert answers with the version it wrote); reading a patient's form is
-- still the handler's and 026's rule: a family member without medical_records.read is refused it
DROP POLICY intake_forms_read ON intake_forms;
CREATE POLICY intake_forms_read ON intake_forms FOR SELECT
  USING ((SELECT app_has_permission('clinical.summary.read')) OR patient_id IN (SELECT app_clinician_read_patients()) OR patient_id IN (SELECT app_own_record_patients())
         OR EXISTS (SELECT 1 FROM patients p WHERE p.id = patient_id AND p.user_id = app_user_id())
         OR submitted_by = app_user_id());

--changeset moeen:028-portal-url
-- Where the patient portal is, as links in messages show it: a path on this server by default; an
-- operator sets the full address (https://clinic.example/app/portal/) so that an e-mail or SMS link works.
INSERT INTO system_settings (key, value, category, is_public, is_localized, description_en, description_ar) VALUES
  ('clinic.portal_url', '"/app/portal/"', 'clinic', true, false,
   'The patient portal''s address, as links in messages show it', 'عنوان بوابة المرضى كما يظهر في روابط الرسائل');

--changeset moeen:028-booking-intake-link splitStatements:false
-- The booking confirmation of a patient with no intake form carries a link to the portal's intake form
-- (a deep link that needs sign-in: no token in the message). Scheduling never names clinical: the outbox
-- row is completed here, as it is written, from the database's own facts.
CREATE OR REPLACE FUNCTION booking_confirmation_intake_link() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  patient uuid;
  portal text;
BEGIN
  IF coalesce(NEW.payload ->> 'appointmentId', '') !~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' THEN
    RETURN NEW;
  END IF;
  SELECT a.patient_id INTO patient FROM appointments a WHERE a.id = (NEW.payload ->> 'appointmentId')::uuid;
  IF patient IS NULL THEN
    RETURN NEW;
  END IF;
  IF EXISTS (SELECT 1 FROM intake_forms f WHERE f.patient_id = patient) THEN
    NEW.payload := NEW.payload || jsonb_build_object('intakeFormNeeded', 0);
  ELSE
    SELECT coalesce(s.value #>> '{}', '/app/portal/') INTO portal FROM system_settings s WHERE s.key = 'clinic.portal_url';
    NEW.payload := NEW.payload || jsonb_build_object('intakeFormNeeded', 1, 'patientId', patient,
      'intakeFormUrl', coalesce(portal, '/app/portal/') || '#/intake/' || patient);
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER notifications_booking_intake_link BEFORE INSERT ON notifications
  FOR EACH ROW WHEN (NEW.event_type = 'appointment_booked')
  EXECUTE FUNCTION booking_confirmation_intake_link();

-- confirmations still waiting in the outbox read as before
UPDATE notifications SET payload = payload || '{"intakeFormNeeded": 0}'::jsonb
WHERE event_type = 'appointment_booked' AND payload -> 'intakeFormNeeded' IS NULL;

--changeset moeen:028-booking-template-intake-link
-- The confirmation's wording, a new version beside the old (kept, inactive); a template an operator has
-- already changed is left as they wrote it. WhatsApp outside the 24-hour window sends the approved
-- template, whose parameters do not change.
INSERT INTO notification_templates (event_type, channel, locale, subject, body, whatsapp_template_name,
                                    whatsapp_language, whatsapp_parameters, is_active, version)
SELECT t.event_type, t.channel, t.locale, t.subject,
       t.body || CASE t.locale
         WHEN 'ar' THEN '{intakeFormNeeded, plural, =1 { وقبل زيارتك نرجو تعبئة نموذج المعلومات الصحية: {intakeFormUrl}} other {}}'
         ELSE '{intakeFormNeeded, plural, =1 { Before your visit, please fill in your intake form: {intakeFormUrl}} other {}}' END,
       t.whatsapp_template_name, t.whatsapp_language, t.whatsapp_parameters, false, t.version + 1
FROM notification_templates t
-- version 1 is the wording 011 wrote; an operator's change through the console is a later version
WHERE t.event_type = 'appointment_booked' AND t.is_active AND t.version = 1 AND t.body NOT LIKE '%intakeForm%';
UPDATE notification_templates t SET is_active = false
WHERE t.event_type = 'appointment_booked' AND t.is_active AND EXISTS (
  SELECT 1 FROM notification_templates n WHERE n.event_type = t.event_type AND n.channel = t.channel
    AND n.locale = t.locale AND NOT n.is_active AND n.version = t.version + 1 AND n.body LIKE '%{intakeFormUrl}%');
UPDATE notification_templates t SET is_active = true
WHERE t.event_type = 'appointment_booked' AND NOT t.is_active AND t.body LIKE '%{intakeFormUrl}%'
  AND NOT EXISTS (SELECT 1 FROM notification_templates a WHERE a.event_type = t.event_type AND a.channel = t.channel
    AND a.locale = t.locale AND a.is_active);

--changeset moeen:028-walk-in-appointment-encounter
-- An appointment written already checked in (a walk-in booked at the desk) opens its encounter too;
-- one updated to checked_in already did (025). A no-show or a cancellation never opens one.
CREATE TRIGGER appointments_open_encounter_on_insert AFTER INSERT ON appointments
  FOR EACH ROW WHEN (NEW.status = 'checked_in')
  EXECUTE FUNCTION appointment_opens_encounter();

--changeset moeen:028-intake-form-next-version splitStatements:false
-- The next version's number, whatever row-level security shows the writer: a family member who may fill
-- the form but not read it counts the versions before theirs too. Returns a number, nothing of the forms.
CREATE OR REPLACE FUNCTION intake_form_next_version(patient uuid) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(max(f.version), 0) + 1 FROM intake_forms f WHERE f.patient_id = patient
$$;
