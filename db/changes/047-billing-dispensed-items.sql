--liquibase formatted sql

--changeset moeen:047-billing-dispensed-items splitStatements:false
-- What the pharmacy dispensed to a patient is billed (issue 20, "dispensed items billed"). The billing
-- verticle hears pharmacy.dispensations.completed and calls this with the dispense's id only: every fact
-- (patient, branch, items, quantities, prices, the visit) is read here from the pharmacy's own rows, never
-- taken from the message. A line per dispensed item joins the draft of the visit's appointment when the
-- dispense names an encounter whose appointment has one, else the patient's newest draft at the pharmacy's
-- branch, else a new draft. A walk-in sale (no patient) is not invoiced here: an invoice needs a patient.
-- Items without a sale price are left out (reception adds them by hand). Each dispense is looked at once,
-- ever (billing_dispenses_seen: a replay, a second node hearing the same publish, or the start's catch-up
-- finds it seen), so a line reception removed from a draft does not come back; and one line per dispensed
-- item, ever (invoice_lines_dispensed). Dispenses made before this changeset are not billed afterwards.
CREATE UNIQUE INDEX invoice_lines_dispensed ON invoice_lines (source_ref) WHERE source_kind = 'pharmacy';

CREATE TABLE billing_dispenses_seen (
  dispense_id uuid        PRIMARY KEY REFERENCES inventory_dispenses (id),
  invoice_id  uuid        REFERENCES invoices (id),
  seen_at     timestamptz NOT NULL DEFAULT now()
);
INSERT INTO billing_dispenses_seen (dispense_id) SELECT id FROM inventory_dispenses;

CREATE OR REPLACE FUNCTION billing_add_dispensed(dispense uuid) RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  d record;
  visit uuid;
  target uuid;
  next_no integer;
BEGIN
  SELECT x.id, x.patient_id, s.location_id INTO d
  FROM inventory_dispenses x JOIN inventory_stores s ON s.id = x.store_id
  WHERE x.id = dispense;
  IF d.id IS NULL THEN
    RETURN NULL;
  END IF;
  -- once per dispense: every node of a cluster hears a publish; the second caller waits on this row, then finds it
  INSERT INTO billing_dispenses_seen (dispense_id) VALUES (dispense) ON CONFLICT DO NOTHING;
  IF NOT FOUND OR d.patient_id IS NULL OR NOT EXISTS (
       SELECT 1 FROM inventory_dispense_lines l JOIN inventory_items i ON i.id = l.item_id
       WHERE l.dispense_id = dispense AND i.sale_price IS NOT NULL) THEN
    RETURN NULL;
  END IF;
  -- the appointment of the visit the prescription was written in, if any
  SELECT e.appointment_id INTO visit
  FROM inventory_dispense_lines l JOIN prescriptions p ON p.id = l.prescription_id
       JOIN encounters e ON e.id = p.encounter_id
  WHERE l.dispense_id = dispense AND e.appointment_id IS NOT NULL AND e.patient_id = d.patient_id
  LIMIT 1;
  SELECT i.id INTO target FROM invoices i
  WHERE i.kind = 'invoice' AND i.status = 'draft' AND i.patient_id = d.patient_id
    AND ((visit IS NOT NULL AND i.appointment_id = visit)
         OR (i.location_id = d.location_id))
  ORDER BY (visit IS NOT NULL AND i.appointment_id = visit) DESC, i.created_at DESC
  LIMIT 1
  FOR UPDATE;
  IF target IS NULL THEN
    INSERT INTO invoices (patient_id, appointment_id, location_id, notes)
    VALUES (d.patient_id,
            CASE WHEN visit IS NOT NULL AND NOT EXISTS (
                   SELECT 1 FROM invoices o WHERE o.appointment_id = visit AND o.kind = 'invoice' AND o.status <> 'cancelled')
                 THEN visit END,
            d.location_id, NULL)
    RETURNING id INTO target;
  END IF;
  SELECT coalesce(max(line_no), 0) INTO next_no FROM invoice_lines WHERE invoice_id = target;
  INSERT INTO invoice_lines (invoice_id, line_no, source_kind, source_ref, description_ar, description_en,
                             quantity, unit_price, vat_category, vat_rate, exemption_code)
  SELECT target, next_no + row_number() OVER (ORDER BY i.code), 'pharmacy', dispense::text || ':' || i.id::text,
         left(i.generic_name_ar || coalesce(' ' || i.strength, '') || coalesce(' (' || i.brand_name_ar || ')', ''), 300),
         left(i.generic_name_en || coalesce(' ' || i.strength, '') || coalesce(' (' || i.brand_name_en || ')', ''), 300),
         l.quantity, i.sale_price, v.vat_category, v.vat_rate, v.exemption_code
  FROM inventory_dispense_lines l JOIN inventory_items i ON i.id = l.item_id,
       billing_vat_for(d.patient_id, 'pharmacy') v
  WHERE l.dispense_id = dispense AND i.sale_price IS NOT NULL
  ON CONFLICT (source_ref) WHERE source_kind = 'pharmacy' DO NOTHING;
  UPDATE billing_dispenses_seen SET invoice_id = target WHERE dispense_id = dispense;
  RETURN target;
END;
$$;
REVOKE ALL ON FUNCTION billing_add_dispensed(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION billing_add_dispensed(uuid) TO moeen_app;

-- After a start: what was dispensed in the last week while no billing verticle listened (the bus is at most once).
CREATE OR REPLACE FUNCTION billing_catch_up_dispensed() RETURNS integer
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  SELECT count(billing_add_dispensed(x.id))::integer FROM inventory_dispenses x
  WHERE x.dispensed_at > now() - interval '7 days'
    AND NOT EXISTS (SELECT 1 FROM billing_dispenses_seen b WHERE b.dispense_id = x.id)
$$;
REVOKE ALL ON FUNCTION billing_catch_up_dispensed() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION billing_catch_up_dispensed() TO moeen_app;
