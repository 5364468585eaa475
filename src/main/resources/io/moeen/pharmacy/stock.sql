-- Stock moves (io.moeen.pharmacy.stock). Every move is an INSERT into inventory_moves; its trigger
-- keeps the batch and the store's balance in the same transaction (db/changes/030-pharmacy.sql).

-- name: item
SELECT id, kind, whole_units, is_active, is_prescription_only, is_controlled, supplier_id FROM inventory_items WHERE id = $1;

-- name: supplier
SELECT id, is_active FROM inventory_suppliers WHERE id = $1;

-- name: store
SELECT id, is_active FROM inventory_stores WHERE id = $1;

-- name: upsert_batch
-- The batch a receipt (or a transfer) lands in: the same lot and expiry in a store is one batch,
-- its unit cost the weighted average of what it holds and what arrives ($6).
INSERT INTO inventory_batches AS b (store_id, item_id, lot_number, expiry_date, unit_cost)
VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (store_id, item_id, lot_number, expiry_date) DO UPDATE
  SET unit_cost = CASE WHEN b.quantity + $6::numeric = 0 THEN EXCLUDED.unit_cost
                       ELSE round((b.quantity * b.unit_cost + $6::numeric * EXCLUDED.unit_cost) / (b.quantity + $6::numeric), 4) END
RETURNING id;

-- name: lock_batch
SELECT b.id, b.store_id, b.item_id, b.lot_number, b.expiry_date, b.unit_cost, b.quantity, i.whole_units
FROM inventory_batches b JOIN inventory_items i ON i.id = b.item_id
WHERE b.id = $1
FOR UPDATE OF b;

-- name: move
INSERT INTO inventory_moves (kind, store_id, item_id, batch_id, quantity, unit_cost, reason, note, reference, supplier_id,
                             dispense_id, transfer_id, count_id, actor_id)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
RETURNING id;

-- name: returnable
-- What a dispense took from a batch and has not had back yet.
SELECT coalesce(sum(-quantity) FILTER (WHERE kind = 'dispense'), 0)
       - coalesce(sum(quantity) FILTER (WHERE kind = 'return'), 0) AS returnable
FROM inventory_moves WHERE dispense_id = $1 AND batch_id = $2;

-- name: expiry_check
SELECT inventory_expiry_sweep($1, $2) AS told;

-- name: batch_view
SELECT b.id, b.store_id, b.item_id, b.lot_number, b.expiry_date, b.unit_cost, b.quantity, b.received_at,
       i.code, i.generic_name_ar, i.generic_name_en, i.strength, i.unit, s.name_ar AS store_name_ar, s.name_en AS store_name_en
FROM inventory_batches b JOIN inventory_items i ON i.id = b.item_id JOIN inventory_stores s ON s.id = b.store_id
WHERE b.id = $1;
