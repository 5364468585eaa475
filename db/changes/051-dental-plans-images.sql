--liquibase formatted sql

--changeset moeen:051-dental-plans
-- Treatment plans (issue 22, seed 003's api_treatmentplan / api_treatmentassignment). A plan is a list of
-- steps; each step is one treatment (a catalogue service) on some teeth by an assigned dentist, at a
-- scheduled time, with its own status. How far a plan has come is derived from its steps when read, never
-- stored. Status rules (plan: planned -> ongoing -> completed | cancelled; step: planned -> booked ->
-- completed, or cancelled before completion) are checked by the service with conditional updates and
-- again here by triggers, so that no writer can skip them.
CREATE TABLE dental_plans (
  id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id   uuid        NOT NULL REFERENCES patients (id),
  location_id  uuid        NOT NULL REFERENCES clinic_locations (id),
  title        text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description  text        CHECK (length(description) <= 4000),
  starts_on    date,
  ends_on      date,
  status       varchar(10) NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'ongoing', 'completed', 'cancelled')),
  created_by   uuid        NOT NULL REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT dental_plans_dates CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX dental_plans_patient ON dental_plans (patient_id, created_at DESC);
CREATE TRIGGER dental_plans_updated_at BEFORE UPDATE ON dental_plans FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
CREATE TRIGGER dental_plans_audit AFTER INSERT OR UPDATE OR DELETE ON dental_plans FOR EACH ROW EXECUTE FUNCTION audit_row_change();

CREATE TABLE dental_plan_steps (
  id             uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id        uuid        NOT NULL REFERENCES dental_plans (id),
  patient_id     uuid        NOT NULL REFERENCES patients (id),
  position       integer     NOT NULL CHECK (position >= 1),
  service_id     uuid        NOT NULL REFERENCES services (id),
  doctor_id      uuid        NOT NULL REFERENCES doctors (id),
  -- [{tooth, surfaces:[…]}], validated by the service as the chart is (FDI numbers, each tooth's own surfaces)
  teeth          jsonb       NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(teeth) = 'array'),
  scheduled_at   timestamptz,
  note           text        CHECK (length(note) <= 2000),
  status         varchar(10) NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'booked', 'completed', 'cancelled')),
  appointment_id uuid        REFERENCES appointments (id),
  completed_at   timestamptz,
  completed_by   uuid        REFERENCES users (id),
  -- the draft invoice its line went to (dental_bill_step), set once: the line is drafted once per step, ever
  invoice_id     uuid        REFERENCES invoices (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT dental_plan_steps_position UNIQUE (plan_id, position),
  CONSTRAINT dental_plan_steps_booked CHECK (status <> 'booked' OR appointment_id IS NOT NULL),
  CONSTRAINT dental_plan_steps_completed CHECK ((status = 'completed') = (completed_at IS NOT NULL))
);
CREATE INDEX dental_plan_steps_patient ON dental_plan_steps (patient_id);
CREATE UNIQUE INDEX dental_plan_steps_appointment ON dental_plan_steps (appointment_id) WHERE appointment_id IS NOT NULL;
CREATE TRIGGER dental_plan_steps_updated_at BEFORE UPDATE ON dental_plan_steps FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
CREATE TRIGGER dental_plan_steps_audit AFTER INSERT OR UPDATE OR DELETE ON dental_plan_steps FOR EACH ROW EXECUTE FUNCTION audit_row_change();
REVOKE DELETE, TRUNCATE ON dental_plans, dental_plan_steps FROM moeen_app;

-- One line per completed step on the patient's draft invoices, ever (the second wall behind invoice_id).
CREATE UNIQUE INDEX invoice_lines_dental_step ON invoice_lines (source_ref)
  WHERE source_kind = 'clinical' AND source_ref LIKE 'dental_step:%';

--changeset moeen:051-dental-plan-rules splitStatements:false
CREATE OR REPLACE FUNCTION dental_plan_transition() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status AND NOT (
       (OLD.status = 'planned' AND NEW.status IN ('ongoing', 'cancelled'))
    OR (OLD.status = 'ongoing' AND NEW.status IN ('completed', 'cancelled'))) THEN
    RAISE EXCEPTION 'dental plan % cannot go from % to %', OLD.id, OLD.status, NEW.status
      USING ERRCODE = 'check_violation', CONSTRAINT = 'dental_plans_transition';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER dental_plans_transition BEFORE UPDATE OF status ON dental_plans
  FOR EACH ROW EXECUTE FUNCTION dental_plan_transition();

CREATE OR REPLACE FUNCTION dental_step_transition() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status AND NOT (
       (OLD.status = 'planned' AND NEW.status IN ('booked', 'completed', 'cancelled'))
    OR (OLD.status = 'booked' AND NEW.status IN ('completed', 'cancelled'))) THEN
    RAISE EXCEPTION 'dental plan step % cannot go from % to %', OLD.id, OLD.status, NEW.status
      USING ERRCODE = 'check_violation', CONSTRAINT = 'dental_plan_steps_transition';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER dental_plan_steps_transition BEFORE UPDATE OF status ON dental_plan_steps
  FOR EACH ROW EXECUTE FUNCTION dental_step_transition();

-- Which patient a plan or a step belongs to, whatever row-level security shows: so a refusal is the patient's 403/404.
CREATE OR REPLACE FUNCTION dental_plan_patient(plan uuid) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT p.patient_id FROM dental_plans p WHERE p.id = plan
$$;
CREATE OR REPLACE FUNCTION dental_step_patient(step uuid) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT s.patient_id FROM dental_plan_steps s WHERE s.id = step
$$;

-- A completed step billed: one line on the patient's draft invoice, once per step, ever (the step's invoice_id,
-- and the unique index invoice_lines_dental_step). The dental verticle calls it in the transaction that
-- completes the step, so the step is completed exactly when its line is drafted. Every fact (patient, service,
-- price, teeth, the visit) is read here from the rows, never taken from the caller. The draft chosen:
--  * the step was booked and the appointment's invoice already bills its service (billing_draft_for_appointment
--    drafted it when the visit was completed): that line is the step's, nothing is added;
--  * else the draft of that appointment, or a new draft for it (the visit's own completion then finds it and adds
--    nothing: the service is billed once);
--  * a step done without a booking: the patient's newest draft at the plan's branch, else a new one.
-- Runs as the owner, as billing's functions do: a dentist may not read invoices.
CREATE OR REPLACE FUNCTION dental_bill_step(step uuid) RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  s record;
  target uuid;
  next_no integer;
  teeth_text text;
BEGIN
  SELECT st.id, st.patient_id, st.service_id, st.appointment_id, st.teeth, st.status, st.invoice_id, p.location_id
    INTO s
  FROM dental_plan_steps st JOIN dental_plans p ON p.id = st.plan_id
  WHERE st.id = step
  FOR UPDATE OF st;
  IF s.id IS NULL OR s.status <> 'completed' THEN
    RETURN NULL;
  END IF;
  IF s.invoice_id IS NOT NULL THEN
    RETURN s.invoice_id;
  END IF;
  IF s.appointment_id IS NOT NULL THEN
    SELECT i.id INTO target FROM invoices i
    WHERE i.kind = 'invoice' AND i.appointment_id = s.appointment_id AND i.status <> 'cancelled'
      AND EXISTS (SELECT 1 FROM invoice_lines l WHERE l.invoice_id = i.id AND l.source_kind = 'service'
                  AND l.service_id = s.service_id);
    IF target IS NOT NULL THEN
      UPDATE dental_plan_steps SET invoice_id = target WHERE id = step;
      RETURN target;
    END IF;
    SELECT i.id INTO target FROM invoices i
    WHERE i.kind = 'invoice' AND i.appointment_id = s.appointment_id AND i.status = 'draft'
    FOR UPDATE;
    IF target IS NULL AND NOT EXISTS (SELECT 1 FROM invoices i WHERE i.kind = 'invoice'
                                      AND i.appointment_id = s.appointment_id AND i.status <> 'cancelled') THEN
      INSERT INTO invoices (patient_id, appointment_id, location_id)
      SELECT s.patient_id, a.id, a.location_id FROM appointments a WHERE a.id = s.appointment_id
      RETURNING id INTO target;
    END IF;
  END IF;
  IF target IS NULL THEN
    SELECT i.id INTO target FROM invoices i
    WHERE i.kind = 'invoice' AND i.status = 'draft' AND i.patient_id = s.patient_id AND i.location_id = s.location_id
    ORDER BY i.created_at DESC LIMIT 1
    FOR UPDATE;
  END IF;
  IF target IS NULL THEN
    INSERT INTO invoices (patient_id, location_id) VALUES (s.patient_id, s.location_id) RETURNING id INTO target;
  END IF;
  SELECT string_agg(e ->> 'tooth', ', ' ORDER BY (e ->> 'tooth')::int) INTO teeth_text FROM jsonb_array_elements(s.teeth) e;
  SELECT coalesce(max(line_no), 0) INTO next_no FROM invoice_lines WHERE invoice_id = target;
  INSERT INTO invoice_lines (invoice_id, line_no, source_kind, source_ref, service_id, description_ar, description_en,
                             quantity, unit_price, vat_category, vat_rate, exemption_code)
  SELECT target, next_no + 1, 'clinical', 'dental_step:' || step::text, sv.id,
         left(sv.name_ar || coalesce(' — الأسنان ' || teeth_text, ''), 300),
         left(sv.name_en || coalesce(' — teeth ' || teeth_text, ''), 300),
         1, sv.price, v.vat_category, v.vat_rate, v.exemption_code
  FROM services sv, billing_vat_for(s.patient_id, 'clinical') v
  WHERE sv.id = s.service_id
  ON CONFLICT (source_ref) WHERE source_kind = 'clinical' AND source_ref LIKE 'dental_step:%' DO NOTHING;
  UPDATE dental_plan_steps SET invoice_id = target WHERE id = step;
  RETURN target;
END;
$$;
REVOKE ALL ON FUNCTION dental_bill_step(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION dental_bill_step(uuid) TO moeen_app;

-- The account the dental feature books plan steps as (scheduling's booking rules apply to it unchanged; the
-- dentist's right to plan for the patient is checked before). No usable password and no role: nobody signs in.
INSERT INTO users (id, email, password_hash, first_name_ar, first_name_en, language_preference)
VALUES ('00000000-0000-4022-8000-000000000500', 'dental-booking@moeen.invalid', '!no-login', 'حجز خطط العلاج', 'Treatment plan booking', 'ar');

--changeset moeen:051-dental-plans-row-level-security
ALTER TABLE dental_plans ENABLE ROW LEVEL SECURITY;
CREATE POLICY dental_plans_read ON dental_plans FOR SELECT
  USING (patient_id IN (SELECT app_clinician_read_patients()) OR patient_id IN (SELECT app_dental_assistant_patients())
         OR patient_id IN (SELECT app_own_record_patients()));
CREATE POLICY dental_plans_insert ON dental_plans FOR INSERT
  WITH CHECK (created_by = app_user_id() AND patient_id IN (SELECT app_clinician_write_patients()));
CREATE POLICY dental_plans_update ON dental_plans FOR UPDATE
  USING (patient_id IN (SELECT app_clinician_write_patients())) WITH CHECK (patient_id IN (SELECT app_clinician_write_patients()));

ALTER TABLE dental_plan_steps ENABLE ROW LEVEL SECURITY;
CREATE POLICY dental_plan_steps_read ON dental_plan_steps FOR SELECT
  USING (patient_id IN (SELECT app_clinician_read_patients()) OR patient_id IN (SELECT app_dental_assistant_patients())
         OR patient_id IN (SELECT app_own_record_patients()));
CREATE POLICY dental_plan_steps_insert ON dental_plan_steps FOR INSERT
  WITH CHECK (patient_id IN (SELECT app_clinician_write_patients()));
CREATE POLICY dental_plan_steps_update ON dental_plan_steps FOR UPDATE
  USING (patient_id IN (SELECT app_clinician_write_patients())) WITH CHECK (patient_id IN (SELECT app_clinician_write_patients()));

--changeset moeen:051-dental-images
-- Teeth images (photos, X-rays) through clinical's file storage: the bytes are a clinical_files row (category
-- xray or photo) and the file store; a dental_images row names the tooth and kind. Seed 003's rule, "one
-- latest image per tooth and kind", is the database's: a partial unique index WHERE is_latest, and a trigger
-- that, under a lock per (patient, tooth, kind), clears the previous latest before the new row goes in, so
-- concurrent uploads queue and the last one committed is the latest. Nobody else updates or deletes.
CREATE TABLE dental_images (
  id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id   uuid        NOT NULL REFERENCES patients (id),
  tooth        smallint    NOT NULL CONSTRAINT dental_images_fdi CHECK (
                 (tooth / 10 BETWEEN 1 AND 4 AND tooth % 10 BETWEEN 1 AND 8)
              OR (tooth / 10 BETWEEN 5 AND 8 AND tooth % 10 BETWEEN 1 AND 5)),
  kind         varchar(8)  NOT NULL CHECK (kind IN ('photo', 'xray')),
  file_id      uuid        NOT NULL UNIQUE REFERENCES clinical_files (id),
  encounter_id uuid        REFERENCES encounters (id),
  note         text        CHECK (length(note) <= 1000),
  is_latest    boolean     NOT NULL DEFAULT true,
  uploaded_by  uuid        NOT NULL REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX dental_images_one_latest ON dental_images (patient_id, tooth, kind) WHERE is_latest;
CREATE INDEX dental_images_patient ON dental_images (patient_id, tooth, kind, created_at DESC);
CREATE TRIGGER dental_images_audit AFTER INSERT OR UPDATE OR DELETE ON dental_images FOR EACH ROW EXECUTE FUNCTION audit_row_change();
REVOKE UPDATE, DELETE, TRUNCATE ON dental_images FROM moeen_app;

--changeset moeen:051-dental-images-latest splitStatements:false
CREATE OR REPLACE FUNCTION dental_image_latest() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  -- one writer per tooth and kind at a time; the UPDATE below then sees the latest committed image
  PERFORM pg_advisory_xact_lock(hashtextextended('dental_image:' || NEW.patient_id::text || ':' || NEW.tooth || ':' || NEW.kind, 0));
  UPDATE dental_images SET is_latest = false
  WHERE patient_id = NEW.patient_id AND tooth = NEW.tooth AND kind = NEW.kind AND is_latest;
  NEW.is_latest := true;
  NEW.created_at := clock_timestamp();
  RETURN NEW;
END;
$$;
CREATE TRIGGER dental_images_latest BEFORE INSERT ON dental_images
  FOR EACH ROW EXECUTE FUNCTION dental_image_latest();

ALTER TABLE dental_images ENABLE ROW LEVEL SECURITY;
CREATE POLICY dental_images_read ON dental_images FOR SELECT
  USING (patient_id IN (SELECT app_clinician_read_patients()) OR patient_id IN (SELECT app_dental_assistant_patients())
         OR patient_id IN (SELECT app_own_record_patients()));
CREATE POLICY dental_images_insert ON dental_images FOR INSERT
  WITH CHECK (uploaded_by = app_user_id() AND (patient_id IN (SELECT app_clinician_write_patients())
              OR patient_id IN (SELECT app_dental_assistant_patients())));

-- A dental assistant stores and reads the X-rays and photos of their dentists' patients (and no other file).
CREATE POLICY clinical_files_dental_assistant_read ON clinical_files FOR SELECT
  USING (category IN ('xray', 'photo') AND patient_id IN (SELECT app_dental_assistant_patients()));
CREATE POLICY clinical_files_dental_assistant_insert ON clinical_files FOR INSERT
  WITH CHECK (category IN ('xray', 'photo') AND uploaded_by = app_user_id()
              AND patient_id IN (SELECT app_dental_assistant_patients()));

--changeset moeen:051-dental-images-patient splitStatements:false
CREATE OR REPLACE FUNCTION dental_image_patient(image uuid) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT i.patient_id FROM dental_images i WHERE i.id = image
$$;
