-- Inventory reports (io.moeen.pharmacy.reports). Optional filters are null when not given. The
-- dispensing log joins patients under row-level security: a reader without patients.read.any sees
-- the dispense but not whose it was (neither the name nor the id).

-- name: stock
-- On hand per store and batch.
SELECT b.id AS batch_id, b.store_id, s.name_ar AS store_name_ar, s.name_en AS store_name_en, b.item_id, i.code,
       i.generic_name_ar, i.generic_name_en, i.strength, i.unit, b.lot_number, b.expiry_date, b.quantity, b.unit_cost
FROM inventory_batches b JOIN inventory_items i ON i.id = b.item_id JOIN inventory_stores s ON s.id = b.store_id
WHERE b.quantity > 0 AND ($1::uuid IS NULL OR b.store_id = $1) AND ($2::uuid IS NULL OR b.item_id = $2)
ORDER BY s.name_en, i.code, b.expiry_date, b.lot_number
LIMIT 10000;

-- name: moves
-- Newest first; $5 the seq to continue below (keyset), $6 the page size.
SELECT m.id, m.seq, m.kind, m.store_id, s.name_ar AS store_name_ar, s.name_en AS store_name_en, m.item_id, i.code,
       i.generic_name_ar, i.generic_name_en, i.strength, i.unit, m.batch_id, b.lot_number, b.expiry_date, m.quantity,
       m.unit_cost, m.reason, m.note, m.reference, coalesce(sp.name_ar, m.supplier) AS supplier_ar,
       coalesce(sp.name_en, m.supplier) AS supplier_en, m.dispense_id, m.transfer_id, m.count_id, m.actor_id,
       concat_ws(' ', u.first_name_ar, u.last_name_ar) AS actor_name_ar, concat_ws(' ', u.first_name_en, u.last_name_en) AS actor_name_en,
       m.created_at
FROM inventory_moves m JOIN inventory_items i ON i.id = m.item_id JOIN inventory_stores s ON s.id = m.store_id
JOIN inventory_batches b ON b.id = m.batch_id JOIN users u ON u.id = m.actor_id
LEFT JOIN inventory_suppliers sp ON sp.id = m.supplier_id
WHERE ($1::uuid IS NULL OR m.store_id = $1) AND ($2::uuid IS NULL OR m.item_id = $2) AND ($3::text IS NULL OR m.kind = $3)
  AND ($4::timestamptz IS NULL OR m.created_at >= $4) AND ($7::timestamptz IS NULL OR m.created_at < $7)
  AND ($5::bigint IS NULL OR m.seq < $5)
ORDER BY m.seq DESC
LIMIT $6;

-- name: low_stock
SELECT l.store_id, s.name_ar AS store_name_ar, s.name_en AS store_name_en, l.item_id, i.code, i.generic_name_ar,
       i.generic_name_en, i.strength, i.unit, l.on_hand, l.reorder_level, l.reorder_quantity,
       sp.name_ar AS supplier_ar, sp.name_en AS supplier_en
FROM inventory_stock_levels l JOIN inventory_items i ON i.id = l.item_id JOIN inventory_stores s ON s.id = l.store_id
LEFT JOIN inventory_suppliers sp ON sp.id = i.supplier_id
WHERE l.reorder_level IS NOT NULL AND l.on_hand <= l.reorder_level AND i.is_active
  AND ($1::uuid IS NULL OR l.store_id = $1)
ORDER BY s.name_en, i.code;

-- name: expiring
-- Batches holding stock that expire on or before $2 (expired ones included).
SELECT b.id AS batch_id, b.store_id, s.name_ar AS store_name_ar, s.name_en AS store_name_en, b.item_id, i.code,
       i.generic_name_ar, i.generic_name_en, i.strength, i.unit, b.lot_number, b.expiry_date, b.quantity, b.unit_cost
FROM inventory_batches b JOIN inventory_items i ON i.id = b.item_id JOIN inventory_stores s ON s.id = b.store_id
WHERE b.quantity > 0 AND b.expiry_date <= $2 AND ($1::uuid IS NULL OR b.store_id = $1)
ORDER BY b.expiry_date, s.name_en, i.code;

-- name: stock_value
-- At cost, per store; $2 today in the clinic's zone (what has expired is shown apart).
SELECT s.id AS store_id, s.name_ar AS store_name_ar, s.name_en AS store_name_en,
       count(DISTINCT b.item_id) FILTER (WHERE b.quantity > 0) AS items,
       count(b.id) FILTER (WHERE b.quantity > 0) AS batches,
       coalesce(sum(b.quantity * b.unit_cost), 0)::numeric(16,2) AS value,
       coalesce(sum(b.quantity * b.unit_cost) FILTER (WHERE b.expiry_date <= $2), 0)::numeric(16,2) AS expired_value
FROM inventory_stores s LEFT JOIN inventory_batches b ON b.store_id = s.id
WHERE ($1::uuid IS NULL OR s.id = $1)
GROUP BY s.id, s.name_ar, s.name_en
ORDER BY s.name_en;

-- name: dispensing_log
-- One row per batch a dispense took from, newest first.
SELECT d.id AS dispense_id, d.dispensed_at, d.store_id, s.name_ar AS store_name_ar, s.name_en AS store_name_en,
       p.id AS patient_id, concat_ws(' ', p.first_name_ar, p.last_name_ar) AS patient_name_ar,
       concat_ws(' ', p.first_name_en, p.last_name_en) AS patient_name_en, d.customer_name, dl.prescription_id,
       d.external_prescription, m.item_id, i.code, i.generic_name_ar, i.generic_name_en, i.strength, i.unit,
       m.batch_id, b.lot_number, b.expiry_date, -m.quantity AS quantity, m.unit_cost, d.dispensed_by,
       concat_ws(' ', u.first_name_ar, u.last_name_ar) AS actor_name_ar, concat_ws(' ', u.first_name_en, u.last_name_en) AS actor_name_en
FROM inventory_dispenses d
JOIN inventory_stores s ON s.id = d.store_id
JOIN inventory_moves m ON m.dispense_id = d.id AND m.kind = 'dispense'
JOIN inventory_dispense_lines dl ON dl.dispense_id = d.id AND dl.item_id = m.item_id
JOIN inventory_items i ON i.id = m.item_id
JOIN inventory_batches b ON b.id = m.batch_id
JOIN users u ON u.id = d.dispensed_by
LEFT JOIN patients p ON p.id = d.patient_id
WHERE ($1::uuid IS NULL OR d.store_id = $1) AND ($2::timestamptz IS NULL OR d.dispensed_at >= $2)
  AND ($3::timestamptz IS NULL OR d.dispensed_at < $3)
ORDER BY d.dispensed_at DESC, d.id, i.code, b.expiry_date
LIMIT 10000;

-- name: setting
SELECT value FROM system_settings WHERE key = 'inventory.expiry_warning_days';
