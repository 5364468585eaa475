-- Suppliers (io.moeen.pharmacy.catalogue.Suppliers).

-- name: suppliers
-- $1 search text (folded as the catalogue's), $2 include the ones no longer used.
SELECT * FROM inventory_suppliers
WHERE ($1::text IS NULL OR search_text LIKE '%' || normalize_search_text($1) || '%') AND (is_active OR $2)
ORDER BY name_en
LIMIT 500;

-- name: insert_supplier
INSERT INTO inventory_suppliers (name_ar, name_en, contact_name, phone, email, vat_number)
VALUES ($1, $2, $3, $4, $5, $6)
RETURNING *;

-- name: update_supplier
-- null leaves a field as it is
UPDATE inventory_suppliers SET name_ar = coalesce($2, name_ar), name_en = coalesce($3, name_en),
  contact_name = coalesce($4, contact_name), phone = coalesce($5, phone), email = coalesce($6, email),
  vat_number = coalesce($7, vat_number), is_active = coalesce($8, is_active)
WHERE id = $1
RETURNING *;
