-- Stock counts (io.moeen.pharmacy.counts).

-- name: store
SELECT id, is_active FROM inventory_stores WHERE id = $1;

-- name: open_count
INSERT INTO inventory_counts (store_id, opened_by) VALUES ($1, $2) RETURNING id;

-- name: snapshot
-- Every batch of the store that holds stock, with what the record says now.
INSERT INTO inventory_count_lines (count_id, batch_id, recorded_quantity)
SELECT $1, b.id, b.quantity FROM inventory_batches b WHERE b.store_id = $2 AND b.quantity > 0;

-- name: lock_count
SELECT id, store_id, status FROM inventory_counts WHERE id = $1 FOR UPDATE;

-- name: count_head
SELECT c.id, c.store_id, c.status, c.opened_by, c.opened_at, c.posted_by, c.posted_at, s.name_ar, s.name_en
FROM inventory_counts c JOIN inventory_stores s ON s.id = c.store_id WHERE c.id = $1;

-- name: count_lines
SELECT l.batch_id, l.recorded_quantity, l.counted_quantity, b.item_id, b.lot_number, b.expiry_date, b.quantity,
       i.code, i.generic_name_ar, i.generic_name_en, i.strength, i.unit
FROM inventory_count_lines l JOIN inventory_batches b ON b.id = l.batch_id JOIN inventory_items i ON i.id = b.item_id
WHERE l.count_id = $1
ORDER BY i.code, b.expiry_date, b.lot_number;

-- name: batch_in_store
SELECT b.id, b.quantity, i.whole_units FROM inventory_batches b JOIN inventory_items i ON i.id = b.item_id
WHERE b.id = $1 AND b.store_id = $2;

-- name: record_line
-- A batch the snapshot missed (it was empty then) joins the count when it is counted.
INSERT INTO inventory_count_lines (count_id, batch_id, recorded_quantity, counted_quantity) VALUES ($1, $2, $3, $4)
ON CONFLICT (count_id, batch_id) DO UPDATE SET counted_quantity = EXCLUDED.counted_quantity;

-- name: differences
-- At posting, the count is the truth: each counted batch whose record differs, locked, in batch order.
SELECT b.id, b.store_id, b.item_id, b.unit_cost, l.counted_quantity - b.quantity AS delta
FROM inventory_count_lines l JOIN inventory_batches b ON b.id = l.batch_id
WHERE l.count_id = $1 AND l.counted_quantity IS NOT NULL
ORDER BY b.item_id, b.id
FOR UPDATE OF b;

-- name: adjust
INSERT INTO inventory_moves (kind, store_id, item_id, batch_id, quantity, unit_cost, reason, count_id, actor_id)
VALUES ('adjust', $1, $2, $3, $4, $5, 'count', $6, $7);

-- name: mark_posted
UPDATE inventory_counts SET status = 'posted', posted_by = $2, posted_at = now() WHERE id = $1;
