--liquibase formatted sql

--changeset moeen:032-pharmacy-prescription-access
-- Dispensing against clinical prescriptions (docs/pharmacy.md, "Prescriptions"). The pharmacist reads
-- the prescriptions to dispense (pharmacy.read: "See prescriptions and stock", from 002) and the
-- patient's allergies banner (clinical.summary.read, as nurses and reception), nothing else clinical.
INSERT INTO role_permissions (role_id, permission_id)
SELECT r.id, p.id FROM roles r JOIN permissions p ON r.code = 'pharmacist' AND p.code = 'clinical.summary.read'
ON CONFLICT DO NOTHING;

CREATE POLICY prescriptions_pharmacy_read ON prescriptions FOR SELECT
  USING ((SELECT app_has_permission('pharmacy.read')) OR (SELECT app_has_permission('pharmacy.write')));

--changeset moeen:032-pharmacy-prescription-fills
-- A clinical prescription is one drug (prescriptions.drug_name, free text): a dispense line names the
-- prescription it fills. The dispense-level column planned before prescriptions existed goes; the
-- line's column becomes a foreign key to the prescription.
DROP INDEX inventory_dispenses_prescription;
ALTER TABLE inventory_dispenses DROP COLUMN prescription_id;
ALTER TABLE inventory_dispense_lines RENAME COLUMN prescription_item_id TO prescription_id;
ALTER TABLE inventory_dispense_lines
  ADD CONSTRAINT inventory_dispense_lines_prescription FOREIGN KEY (prescription_id) REFERENCES prescriptions (id);
CREATE INDEX inventory_dispense_lines_prescription ON inventory_dispense_lines (prescription_id) WHERE prescription_id IS NOT NULL;

-- Controlled substances: the person collecting shows an identity document, whose number is kept.
ALTER TABLE inventory_dispenses
  ADD COLUMN collector_name text CHECK (length(collector_name) BETWEEN 1 AND 200),
  ADD COLUMN collector_id_number varchar(20) CHECK (collector_id_number ~ '^[0-9A-Z]{6,20}$');

-- How much of each prescription has been dispensed: one row per prescription, locked by every dispense
-- against it (so concurrent dispenses of one prescription queue), kept in step in the dispense's
-- transaction. authorised = quantity × (1 + refills); a prescription without a quantity is filled once
-- per allowed fill (1 + refills). The CHECKs are the last word on over-dispensing.
CREATE TABLE inventory_prescription_fills (
  prescription_id   uuid           PRIMARY KEY REFERENCES prescriptions (id),
  authorised        numeric(14,3),
  fills_allowed     integer        NOT NULL CHECK (fills_allowed >= 1),
  dispensed         numeric(14,3)  NOT NULL DEFAULT 0,
  fills             integer        NOT NULL DEFAULT 0,
  last_dispensed_at timestamptz,
  CONSTRAINT inventory_prescription_fills_within CHECK (
    (authorised IS NULL OR dispensed <= authorised) AND (authorised IS NOT NULL OR fills <= fills_allowed))
);

-- A pharmacist's dispense to a patient recorded as allergic to the drug: who, why, which allergies.
-- Append-only and audited (audit_logs, with the patient).
CREATE TABLE inventory_allergy_overrides (
  id           uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  dispense_id  uuid         NOT NULL REFERENCES inventory_dispenses (id),
  item_id      uuid         NOT NULL REFERENCES inventory_items (id),
  patient_id   uuid         NOT NULL REFERENCES patients (id),
  allergy_ids  uuid[]       NOT NULL,
  substances   text         NOT NULL,
  reason       text         NOT NULL CHECK (length(btrim(reason)) BETWEEN 10 AND 1000),
  actor_id     uuid         NOT NULL REFERENCES users (id),
  created_at   timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX inventory_allergy_overrides_patient ON inventory_allergy_overrides (patient_id, created_at DESC);
REVOKE UPDATE, DELETE, TRUNCATE ON inventory_allergy_overrides FROM moeen_app;
CREATE TRIGGER inventory_allergy_overrides_audit AFTER INSERT ON inventory_allergy_overrides
  FOR EACH ROW EXECUTE FUNCTION audit_row_change();

--changeset moeen:032-pharmacy-drug-matching splitStatements:false
-- A drug's text folded for matching: the search folding, without spaces and punctuation ("Metformin 500 mg
-- tablet" → "metformin500mgtablet").
CREATE FUNCTION inventory_drug_key(input text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT regexp_replace(normalize_search_text(input), '[[:space:]/,;:()+_-]+', '', 'g')
$$;

-- Which catalogue item fills a prescription's free-text drug: a medicine whose generic or brand name (in
-- Arabic or English) appears in the drug's text, and whose strength (its leading amount and unit:
-- "100 mcg/dose" → "100mcg") appears too when the item has one.
CREATE FUNCTION inventory_item_matches_drug(i inventory_items, drug text) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT i.kind = 'medicine'
    AND (position(inventory_drug_key(i.generic_name_en) IN inventory_drug_key(drug)) > 0
         OR position(inventory_drug_key(i.generic_name_ar) IN inventory_drug_key(drug)) > 0
         OR (i.brand_name_en IS NOT NULL AND position(inventory_drug_key(i.brand_name_en) IN inventory_drug_key(drug)) > 0)
         OR (i.brand_name_ar IS NOT NULL AND position(inventory_drug_key(i.brand_name_ar) IN inventory_drug_key(drug)) > 0))
    AND (substring(normalize_search_text(i.strength) FROM '^[0-9.]+ *[a-zµ]+') IS NULL
         OR position(inventory_drug_key(substring(normalize_search_text(i.strength) FROM '^[0-9.]+ *[a-zµ]+'))
                     IN inventory_drug_key(drug)) > 0)
$$;

-- The patient's active allergies that rule an item out, by the clinical rule (clinical.sql
-- allergy_conflicts): the substance in the item's names, a name in the substance, or a known
-- cross-reaction (penicillin → amoxicillin). Read under the caller's row-level security.
CREATE FUNCTION inventory_allergy_conflicts(p_patient uuid, p_item uuid)
RETURNS TABLE (id uuid, substance text, severity text)
LANGUAGE sql STABLE AS $$
  SELECT a.id, a.substance, a.severity::text
  FROM allergies a, inventory_items i,
       LATERAL (SELECT normalize_search_text(i.generic_name_en || ' ' || i.generic_name_ar || ' '
                 || coalesce(i.brand_name_en, '') || ' ' || coalesce(i.brand_name_ar, '')) AS names) n
  WHERE a.patient_id = p_patient AND a.status = 'active' AND i.id = p_item
    AND (n.names LIKE '%' || a.substance_key || '%'
         OR (length(normalize_search_text(i.generic_name_en)) >= 4
             AND a.substance_key LIKE '%' || normalize_search_text(i.generic_name_en) || '%')
         OR EXISTS (SELECT 1 FROM allergy_cross_reactions x
                    WHERE x.substance_key = a.substance_key AND n.names LIKE '%' || x.drug_key || '%'))
  ORDER BY a.substance
$$;
