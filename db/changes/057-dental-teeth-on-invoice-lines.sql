--liquibase formatted sql

--changeset moeen:057-invoice-line-teeth
-- Issue 19: a claim's oral items carry FDI tooth numbers (NPHIES' oral claim). A billing line may name the teeth
-- it treated (FDI: permanent 11–48, deciduous 51–85), in order; null for everything that is not on teeth. Only
-- dental's billing function writes it (below); the claim's FHIR export reads it (ClaimFhir).
ALTER TABLE invoice_lines ADD COLUMN teeth smallint[]
  CONSTRAINT invoice_lines_teeth_fdi CHECK (teeth IS NULL OR (cardinality(teeth) BETWEEN 1 AND 52
    AND teeth <@ '{11,12,13,14,15,16,17,18,21,22,23,24,25,26,27,28,31,32,33,34,35,36,37,38,41,42,43,44,45,46,47,48,51,52,53,54,55,61,62,63,64,65,71,72,73,74,75,81,82,83,84,85}'::smallint[]));
--rollback ALTER TABLE invoice_lines DROP COLUMN teeth;

--changeset moeen:057-dental-bill-step-teeth splitStatements:false
-- dental_bill_step (051) as it was, and the step's teeth on the line it drafts (or on the visit's line it adopts).
CREATE OR REPLACE FUNCTION dental_bill_step(step uuid) RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  s record;
  target uuid;
  next_no integer;
  teeth_text text;
  teeth_numbers smallint[];
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
  SELECT array_agg((e ->> 'tooth')::smallint ORDER BY (e ->> 'tooth')::int) INTO teeth_numbers
  FROM jsonb_array_elements(s.teeth) e;
  IF s.appointment_id IS NOT NULL THEN
    SELECT i.id INTO target FROM invoices i
    WHERE i.kind = 'invoice' AND i.appointment_id = s.appointment_id AND i.status <> 'cancelled'
      AND EXISTS (SELECT 1 FROM invoice_lines l WHERE l.invoice_id = i.id AND l.source_kind = 'service'
                  AND l.service_id = s.service_id);
    IF target IS NOT NULL THEN
      -- the visit's line is the step's: it names the teeth too while the invoice is a draft
      UPDATE invoice_lines l SET teeth = teeth_numbers
      FROM invoices i
      WHERE i.id = target AND i.status = 'draft' AND l.invoice_id = i.id AND l.source_kind = 'service'
        AND l.service_id = s.service_id AND l.teeth IS NULL;
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
                             quantity, unit_price, vat_category, vat_rate, exemption_code, teeth)
  SELECT target, next_no + 1, 'clinical', 'dental_step:' || step::text, sv.id,
         left(sv.name_ar || coalesce(' — الأسنان ' || teeth_text, ''), 300),
         left(sv.name_en || coalesce(' — teeth ' || teeth_text, ''), 300),
         1, sv.price, v.vat_category, v.vat_rate, v.exemption_code, teeth_numbers
  FROM services sv, billing_vat_for(s.patient_id, 'clinical') v
  WHERE sv.id = s.service_id
  ON CONFLICT (source_ref) WHERE source_kind = 'clinical' AND source_ref LIKE 'dental_step:%' DO NOTHING;
  UPDATE dental_plan_steps SET invoice_id = target WHERE id = step;
  RETURN target;
END;
$$;
