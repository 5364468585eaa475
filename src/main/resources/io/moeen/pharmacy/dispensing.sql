-- Dispensing (io.moeen.pharmacy.dispensing): one transaction for the dispense, its lines and its moves.

-- name: store
SELECT id, is_active FROM inventory_stores WHERE id = $1;

-- name: items
SELECT id, whole_units, is_active, is_prescription_only, is_controlled, generic_name_ar, generic_name_en, strength
FROM inventory_items WHERE id = ANY($1::uuid[]);

-- name: insert_dispense
INSERT INTO inventory_dispenses (id, store_id, patient_id, customer_name, external_prescription, notes, collector_name,
                                 collector_id_number, dispensed_by, dispensed_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10);

-- name: insert_line
INSERT INTO inventory_dispense_lines (dispense_id, item_id, quantity, prescription_id) VALUES ($1, $2, $3, $4);

-- name: pick
-- First expiring, first out, never an expired batch ($4 = today in the clinic's zone: a batch
-- expiring today is expired). The batches are locked in FEFO order, so concurrent dispenses of the
-- same item queue on the first batch and each sees what the one before it left; the moves' trigger
-- takes the quantities off the batches and the store's balance. Fewer than $3 picked = not enough.
WITH lot AS (
  SELECT id, quantity, unit_cost, expiry_date, received_at
  FROM inventory_batches
  WHERE store_id = $1 AND item_id = $2 AND quantity > 0 AND expiry_date > $4
  ORDER BY expiry_date, received_at, id
  FOR UPDATE
), ranked AS (
  SELECT id, quantity, unit_cost, expiry_date, received_at,
         coalesce(sum(quantity) OVER (ORDER BY expiry_date, received_at, id
                                      ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
  FROM lot
), picks AS (
  SELECT id, least(quantity, $3::numeric - before) AS take, unit_cost FROM ranked WHERE before < $3::numeric
)
INSERT INTO inventory_moves (kind, store_id, item_id, batch_id, quantity, unit_cost, dispense_id, actor_id)
SELECT 'dispense', $1, $2, id, -take, unit_cost, $5, $6 FROM picks
RETURNING batch_id, -quantity AS taken, unit_cost;

-- name: dispense_view
SELECT d.id, d.store_id, d.patient_id, d.customer_name, d.external_prescription, d.notes, d.collector_name,
       d.collector_id_number, d.dispensed_by, d.dispensed_at, s.location_id, s.name_ar AS store_name_ar, s.name_en AS store_name_en
FROM inventory_dispenses d JOIN inventory_stores s ON s.id = d.store_id WHERE d.id = $1;

-- name: dispense_picks
SELECT m.item_id, m.batch_id, -m.quantity AS quantity, m.unit_cost, b.lot_number, b.expiry_date,
       i.code, i.kind, i.generic_name_ar, i.generic_name_en, i.strength, i.unit, i.sale_price, l.prescription_id,
       (SELECT r.encounter_id FROM prescriptions r WHERE r.id = l.prescription_id) AS encounter_id,
       EXISTS (SELECT 1 FROM inventory_allergy_overrides o WHERE o.dispense_id = m.dispense_id AND o.item_id = m.item_id)
         AS allergy_overridden
FROM inventory_moves m JOIN inventory_batches b ON b.id = m.batch_id JOIN inventory_items i ON i.id = m.item_id
JOIN inventory_dispense_lines l ON l.dispense_id = m.dispense_id AND l.item_id = m.item_id
WHERE m.dispense_id = $1 AND m.kind = 'dispense'
ORDER BY i.code, b.expiry_date, m.seq;

-- name: lock_prescriptions
-- The fill rows of the prescriptions a dispense names, created or refreshed and locked in id order
-- (concurrent dispenses of one prescription queue here, before any batch is locked). Prescriptions the
-- caller may not read, or that do not exist, get no row.
INSERT INTO inventory_prescription_fills AS f (prescription_id, authorised, fills_allowed)
SELECT r.id, r.quantity * (1 + r.refills), 1 + r.refills FROM prescriptions r WHERE r.id = ANY($1::uuid[]) ORDER BY r.id
ON CONFLICT (prescription_id) DO UPDATE SET authorised = EXCLUDED.authorised, fills_allowed = EXCLUDED.fills_allowed
RETURNING f.prescription_id;

-- name: prescription_line
-- A prescription as one line of a dispense sees it: its state, what is filled, and whether the item is its drug.
SELECT r.id, r.patient_id, r.drug_name, r.status, r.quantity, f.authorised, f.fills_allowed, f.dispensed, f.fills,
       inventory_item_matches_drug(i, r.drug_name) AS matches
FROM prescriptions r
JOIN inventory_prescription_fills f ON f.prescription_id = r.id
JOIN inventory_items i ON i.id = $2
WHERE r.id = $1;

-- name: record_fill
UPDATE inventory_prescription_fills SET dispensed = dispensed + $2, fills = fills + 1, last_dispensed_at = now()
WHERE prescription_id = $1;

-- name: allergy_conflicts
SELECT id, substance, severity FROM inventory_allergy_conflicts($1, $2);

-- name: insert_override
INSERT INTO inventory_allergy_overrides (dispense_id, item_id, patient_id, allergy_ids, substances, reason, actor_id)
VALUES ($1, $2, $3, $4, $5, $6, $7);

-- name: prescription_queue
-- The pharmacist's queue: active prescriptions with something left to dispense, oldest first, each with
-- the patient's active allergies and the catalogue items that fill it (inventory_item_matches_drug) with what
-- can be dispensed today ($3) in the store ($2, or every open store). $1 patient, $4 limit, $5 language.
SELECT r.id, r.patient_id, r.encounter_id, r.prescriber_id, r.drug_name, r.dose, r.route, r.frequency, r.duration_days,
       r.quantity, r.refills, r.instructions, r.created_at,
       concat_ws(' ', p.first_name_ar, p.last_name_ar) AS patient_name_ar, concat_ws(' ', p.first_name_en, p.last_name_en) AS patient_name_en,
       concat_ws(' ', u.first_name_ar, u.last_name_ar) AS prescriber_name_ar, concat_ws(' ', u.first_name_en, u.last_name_en) AS prescriber_name_en,
       coalesce(f.dispensed, 0) AS dispensed, coalesce(f.fills, 0) AS fills, f.last_dispensed_at,
       (SELECT coalesce(jsonb_agg(jsonb_build_object('id', i.id, 'code', i.code,
                 'name', CASE WHEN $5 = 'ar' THEN i.generic_name_ar ELSE i.generic_name_en END || coalesce(' ' || i.strength, ''),
                 'unit', i.unit, 'controlled', i.is_controlled,
                 'available', (SELECT trim_scale(coalesce(sum(b.quantity), 0)) FROM inventory_batches b
                               JOIN inventory_stores s ON s.id = b.store_id AND s.is_active
                               WHERE b.item_id = i.id AND b.quantity > 0 AND b.expiry_date > $3
                                 AND ($2::uuid IS NULL OR b.store_id = $2))) ORDER BY i.code), '[]'::jsonb)
        FROM inventory_items i WHERE i.is_active AND inventory_item_matches_drug(i, r.drug_name)) AS items,
       (SELECT coalesce(jsonb_agg(jsonb_build_object('id', a.id, 'substance', a.substance, 'severity', a.severity)
                                  ORDER BY a.substance), '[]'::jsonb)
        FROM allergies a WHERE a.patient_id = r.patient_id AND a.status = 'active') AS allergies
FROM prescriptions r
JOIN patients p ON p.id = r.patient_id
JOIN users u ON u.id = r.prescriber_id
LEFT JOIN inventory_prescription_fills f ON f.prescription_id = r.id
WHERE r.status = 'active' AND ($1::uuid IS NULL OR r.patient_id = $1)
  AND CASE WHEN r.quantity IS NULL THEN coalesce(f.fills, 0) < 1 + r.refills
           ELSE coalesce(f.dispensed, 0) < r.quantity * (1 + r.refills) END
ORDER BY r.created_at, r.id
LIMIT $4;
