-- The catalogue and stores (io.moeen.pharmacy.catalogue). $today is the clinic's date: "available"
-- counts only batches that have not expired.

-- name: items
-- $1 search text (folded like patient search: hamza and alef forms, taa marbuta, alef maqsura,
-- diacritics, digits), $2 kind, $3 limit, $4 today.
SELECT i.*, sp.name_ar AS supplier_ar, sp.name_en AS supplier_en,
       coalesce((SELECT sum(b.quantity) FROM inventory_batches b
                 WHERE b.item_id = i.id AND b.quantity > 0 AND b.expiry_date > $4), 0) AS available
FROM inventory_items i LEFT JOIN inventory_suppliers sp ON sp.id = i.supplier_id
WHERE i.is_active AND ($1::text IS NULL OR i.search_text LIKE '%' || normalize_search_text($1) || '%')
  AND ($2::text IS NULL OR i.kind = $2)
ORDER BY i.generic_name_en, i.strength, i.code
LIMIT $3;

-- name: item
SELECT i.*, sp.name_ar AS supplier_ar, sp.name_en AS supplier_en,
       coalesce((SELECT sum(b.quantity) FROM inventory_batches b
                 WHERE b.item_id = i.id AND b.quantity > 0 AND b.expiry_date > $2), 0) AS available
FROM inventory_items i LEFT JOIN inventory_suppliers sp ON sp.id = i.supplier_id WHERE i.id = $1;

-- name: item_stores
-- Per store: what can be dispensed today, what is on the shelf, and the reorder settings.
SELECT s.id AS store_id, s.name_ar, s.name_en, l.on_hand, l.reorder_level, l.reorder_quantity,
       coalesce((SELECT sum(b.quantity) FROM inventory_batches b
                 WHERE b.store_id = s.id AND b.item_id = $1 AND b.quantity > 0 AND b.expiry_date > $2), 0) AS available
FROM inventory_stock_levels l JOIN inventory_stores s ON s.id = l.store_id
WHERE l.item_id = $1 AND s.is_active
ORDER BY s.name_en;

-- name: insert_item
INSERT INTO inventory_items (code, kind, generic_name_ar, generic_name_en, brand_name_ar, brand_name_en, strength, form,
                             route, atc_code, sfda_registration, is_controlled, is_prescription_only, unit, whole_units,
                             pack_size, supplier_id, sale_price)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
RETURNING id;

-- name: stores
SELECT s.id, s.location_id, s.kind, s.name_ar, s.name_en, s.is_active FROM inventory_stores s
WHERE s.is_active ORDER BY s.name_en;

-- name: insert_store
INSERT INTO inventory_stores (location_id, kind, name_ar, name_en) VALUES ($1, $2, $3, $4)
RETURNING id, location_id, kind, name_ar, name_en, is_active;

-- name: store
SELECT id, is_active FROM inventory_stores WHERE id = $1;

-- name: set_reorder
INSERT INTO inventory_stock_levels AS l (store_id, item_id, reorder_level, reorder_quantity) VALUES ($1, $2, $3, $4)
ON CONFLICT (store_id, item_id) DO UPDATE SET reorder_level = EXCLUDED.reorder_level,
                                              reorder_quantity = EXCLUDED.reorder_quantity
RETURNING on_hand, reorder_level, reorder_quantity, low_alerted;

-- name: check_low
-- A new level can itself be a crossing: at or below it now → told once.
SELECT inventory_check_low($1, $2);

-- name: update_item
-- Only what the body names changes ($2 … $15 null = keep); the code and kind never change (moves
-- and reports refer to them), and a supply stays neither controlled nor prescription-only (CHECK).
UPDATE inventory_items SET
  generic_name_ar = coalesce($2, generic_name_ar), generic_name_en = coalesce($3, generic_name_en),
  brand_name_ar = coalesce($4, brand_name_ar), brand_name_en = coalesce($5, brand_name_en),
  strength = coalesce($6, strength), form = coalesce($7, form), route = coalesce($8, route),
  atc_code = coalesce($9, atc_code), sfda_registration = coalesce($10, sfda_registration),
  is_controlled = coalesce($11, is_controlled),
  is_prescription_only = coalesce($12, is_prescription_only) OR coalesce($11, is_controlled),
  supplier_id = coalesce($13, supplier_id), is_active = coalesce($14, is_active), sale_price = coalesce($15, sale_price)
WHERE id = $1
RETURNING id;

-- name: lock_store
-- Closing: the store's row FOR UPDATE first (moves hold it FOR KEY SHARE), then what it holds.
SELECT id, is_active FROM inventory_stores WHERE id = $1 FOR UPDATE;

-- name: store_holdings
SELECT coalesce((SELECT sum(on_hand) FROM inventory_stock_levels WHERE store_id = $1), 0) AS on_hand,
       EXISTS (SELECT 1 FROM inventory_counts WHERE store_id = $1 AND status = 'open') AS count_open;

-- name: update_store
-- null leaves a field as it is
UPDATE inventory_stores SET name_ar = coalesce($2, name_ar), name_en = coalesce($3, name_en), kind = coalesce($4, kind),
                            is_active = coalesce($5, is_active)
WHERE id = $1
RETURNING id, location_id, kind, name_ar, name_en, is_active;
