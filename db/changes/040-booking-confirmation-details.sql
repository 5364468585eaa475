--liquibase formatted sql

--changeset moeen:040-booking-confirmation-details
-- The booking confirmation says what the chat's confirmation already shows (issue 17): the service,
-- the doctor, the day and date with the Hijri date beside the Gregorian one, the time in the clinic's
-- zone, the branch and its address, the price, and how to cancel or move it. The booking statement
-- now puts the names (both languages; a branch with its address after a dash) and the price into the payload; "…AtHijri" is
-- derived by the renderer from "…At". The old wording stays for the record, inactive. The WhatsApp
-- template takes more parameters, so it is a new approved template (moeen_appointment_booked_v2).
-- It keeps 028's sentence with the intake form's link (for a patient who has not filled it) and takes the
-- next version number after whatever 028 or an operator wrote.
UPDATE notification_templates SET is_active = false WHERE event_type = 'appointment_booked' AND is_active;

WITH wording (locale, subject, body, wa_params) AS (VALUES
  ('ar', 'تم حجز موعدك',
   'تم حجز موعدك: {serviceAr} مع د. {doctorAr}
يوم {startsAt} بتوقيت العيادة
الفرع: {branchAr}
السعر: {price} {currency}
إن احتجت إلى إلغائه أو تغييره فيمكنك ذلك من التطبيق أو بمراسلتنا. نراك قريبًا.{intakeFormNeeded, plural, =1 { وقبل زيارتك نرجو تعبئة نموذج المعلومات الصحية: {intakeFormUrl}} other {}}',
   '["serviceAr", "doctorAr", "startsAt", "branchAr", "price", "currency"]'),
  ('en', 'Your appointment is booked',
   'Your appointment is booked for {startsAt} ({startsAtHijri}), clinic time: {serviceEn} with Dr. {doctorEn}
Branch: {branchEn}
Price: {price} {currency}
You can cancel or move it in the app or by messaging us. See you soon.{intakeFormNeeded, plural, =1 { Before your visit, please fill in your intake form: {intakeFormUrl}} other {}}',
   '["startsAt", "startsAtHijri", "serviceEn", "doctorEn", "branchEn", "price", "currency"]')
)
INSERT INTO notification_templates (event_type, channel, locale, subject, body, whatsapp_template_name,
                                    whatsapp_language, whatsapp_parameters, version)
SELECT 'appointment_booked', c.channel, w.locale,
       CASE WHEN c.channel IN ('in_app', 'email') THEN w.subject END,
       w.body,
       CASE WHEN c.channel = 'whatsapp' THEN 'moeen_appointment_booked_v2' END,
       CASE WHEN c.channel = 'whatsapp' THEN w.locale END,
       CASE WHEN c.channel = 'whatsapp' THEN w.wa_params::jsonb ELSE '[]'::jsonb END,
       (SELECT coalesce(max(t.version), 1) + 1 FROM notification_templates t
        WHERE t.event_type = 'appointment_booked' AND t.channel = c.channel AND t.locale = w.locale)
FROM wording w CROSS JOIN (VALUES ('in_app'), ('whatsapp'), ('sms'), ('email')) AS c (channel);
