--liquibase formatted sql

--changeset moeen:020-crm-operations-settings
-- The first-contact SLA counts only working minutes of the clinic (zone: MOEEN_TIMEZONE).
-- crm.working_hours: per ISO day (mon..sun) [opens, closes] in local time, or null when closed.
INSERT INTO system_settings (key, value, category, is_public, is_localized, description_en, description_ar) VALUES
  ('crm.first_contact_sla_minutes', '15', 'crm', false, false,
   'Working minutes a new lead may wait for its first contact before its owner, then the supervisor, is told',
   'عدد دقائق العمل التي يُمهَل فيها العميل المحتمل الجديد قبل تنبيه المسؤول عنه ثم المشرف إن لم يُتواصل معه'),
  ('crm.working_hours',
   '{"sun": ["09:00", "21:00"], "mon": ["09:00", "21:00"], "tue": ["09:00", "21:00"], "wed": ["09:00", "21:00"], "thu": ["09:00", "21:00"], "fri": null, "sat": null}',
   'crm', false, false,
   'Working hours of the marketing team per weekday (local time of the clinic), for the first-contact SLA',
   'ساعات عمل فريق التسويق لكل يوم من أيام الأسبوع (بتوقيت العيادة)، لحساب مهلة التواصل الأول');

--changeset moeen:020-crm-first-contact-templates
-- An overdue first contact: once to the lead's owner, then once to the owner's supervisor.
WITH wording (event_type, locale, subject, body, wa_params) AS (VALUES
  ('lead_first_contact_overdue', 'ar', 'تأخّر التواصل مع عميل محتمل',
   '{audience, select, supervisor {تأخّر التواصل الأول مع العميل المحتمل {leadName} (الجوال {leadPhone}) المسند إلى {ownerName}، فقد مضت {minutes} دقيقة من وقت العمل دون أن يُتواصل معه.} other {لم يُتواصل بعد مع العميل المحتمل {leadName} (الجوال {leadPhone}) وقد مضت {minutes} دقيقة من وقت العمل على وصوله. نرجو التواصل معه الآن.}}',
   '["leadName", "leadPhone", "minutes"]'),
  ('lead_first_contact_overdue', 'en', 'Lead waiting for first contact',
   '{audience, select, supervisor {The first contact with lead {leadName} (phone {leadPhone}), owned by {ownerName}, is overdue: {minutes} working minutes have passed without contact.} other {Lead {leadName} (phone {leadPhone}) has waited {minutes} working minutes without a first contact. Please get in touch now.}}',
   '["leadName", "leadPhone", "minutes"]')
)
INSERT INTO notification_templates (event_type, channel, locale, subject, body, whatsapp_template_name,
                                    whatsapp_language, whatsapp_parameters)
SELECT w.event_type, c.channel, w.locale,
       CASE WHEN c.channel IN ('in_app', 'email') THEN w.subject END,
       w.body,
       CASE WHEN c.channel = 'whatsapp' THEN 'moeen_' || w.event_type END,
       CASE WHEN c.channel = 'whatsapp' THEN w.locale END,
       CASE WHEN c.channel = 'whatsapp' THEN w.wa_params::jsonb ELSE '[]'::jsonb END
FROM wording w CROSS JOIN (VALUES ('in_app'), ('whatsapp'), ('sms'), ('email')) AS c (channel);

--changeset moeen:020-crm-patient-from-lead splitStatements:false
-- Converting a lead creates a patient record from the lead's contact data only. Marketers may not
-- read or write patient records (no patients.create: it would open POST /v1/patients, which the
-- patients policy refuses them anyway), so this definer function inserts the record and hands back
-- its id alone. The caller has already read the lead under its own row-level security.
CREATE OR REPLACE FUNCTION crm_create_patient_from_lead(p_lead uuid, p_name_ar text, p_name_en text,
                                                        p_by uuid) RETURNS uuid
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  l crm_leads%ROWTYPE;
  new_id uuid;
BEGIN
  SELECT * INTO l FROM crm_leads WHERE id = p_lead;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  INSERT INTO patients (first_name_ar, last_name_ar, first_name_en, last_name_en, phone, email,
                        preferred_language, created_by)
  VALUES (split_part(p_name_ar, ' ', 1), nullif(substr(p_name_ar, length(split_part(p_name_ar, ' ', 1)) + 2), ''),
          split_part(p_name_en, ' ', 1), nullif(substr(p_name_en, length(split_part(p_name_en, ' ', 1)) + 2), ''),
          l.phone, l.email, l.preferred_language, p_by)
  RETURNING id INTO new_id;
  RETURN new_id;
END
$$;
REVOKE ALL ON FUNCTION crm_create_patient_from_lead(uuid, text, text, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION crm_create_patient_from_lead(uuid, text, text, uuid) TO moeen_app;

--changeset moeen:020-crm-leads-of-patient splitStatements:false
-- A booking or a completed visit moves the patient's open leads on: those converted to this patient,
-- and those not yet linked whose phone or e-mail is the patient's. Only lead ids come back, so the
-- system's own work (which may not read patient records) can match them.
CREATE OR REPLACE FUNCTION crm_open_leads_of_patient(p_patient uuid) RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT l.id FROM crm_leads l
  WHERE l.converted_patient_id = p_patient AND l.status NOT IN ('converted', 'lost') AND l.merged_into_id IS NULL
  UNION
  SELECT l.id FROM crm_leads l JOIN patients p ON p.id = p_patient
  WHERE l.converted_patient_id IS NULL AND l.status NOT IN ('converted', 'lost') AND l.merged_into_id IS NULL
    AND ((p.phone IS NOT NULL AND l.phone = p.phone) OR (p.email IS NOT NULL AND l.email = p.email))
$$;
REVOKE ALL ON FUNCTION crm_open_leads_of_patient(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION crm_open_leads_of_patient(uuid) TO moeen_app;
