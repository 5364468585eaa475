-- Dispensing (io.moeen.pharmacy.dispensing): one transaction for the dispense, its lines and its moves.

-- name: store
SELECT id, is_active FROM inventory_stores WHERE id = $1;

-- name: items
SELECT id, whole_units, is_active, is_prescription_only, is_controlled FROM inventory_items WHERE id = ANY($1::uuid[]);

-- name: insert_dispense
INSERT INTO inventory_dispenses (id, store_id, patient_id, customer_name, prescription_id, external_prescription, notes,
                                 dispensed_by, dispensed_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9);

-- name: insert_line
INSERT INTO inventory_dispense_lines (dispense_id, item_id, quantity, prescription_item_id) VALUES ($1, $2, $3, $4);

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
SELECT d.id, d.store_id, d.patient_id, d.customer_name, d.prescription_id, d.external_prescription, d.notes,
       d.dispensed_by, d.dispensed_at, s.name_ar AS store_name_ar, s.name_en AS store_name_en
FROM inventory_dispenses d JOIN inventory_stores s ON s.id = d.store_id WHERE d.id = $1;

-- name: dispense_picks
SELECT m.item_id, m.batch_id, -m.quantity AS quantity, m.unit_cost, b.lot_number, b.expiry_date,
       i.code, i.generic_name_ar, i.generic_name_en, i.strength, i.unit
FROM inventory_moves m JOIN inventory_batches b ON b.id = m.batch_id JOIN inventory_items i ON i.id = m.item_id
WHERE m.dispense_id = $1 AND m.kind = 'dispense'
ORDER BY i.code, b.expiry_date, m.seq;
