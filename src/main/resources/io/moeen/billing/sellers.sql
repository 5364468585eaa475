-- The seller's details per branch (no patient data: no row-level security).

-- name: seller
SELECT location_id, name_ar, name_en, vat_number, commercial_registration, street, building_number, district, city,
       postal_code, invoice_prefix, updated_at
FROM billing_sellers WHERE location_id = $1;

-- name: save
INSERT INTO billing_sellers (location_id, name_ar, name_en, vat_number, commercial_registration, street, building_number,
                             district, city, postal_code, invoice_prefix)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
ON CONFLICT (location_id) DO UPDATE SET name_ar = EXCLUDED.name_ar, name_en = EXCLUDED.name_en,
  vat_number = EXCLUDED.vat_number, commercial_registration = EXCLUDED.commercial_registration,
  street = EXCLUDED.street, building_number = EXCLUDED.building_number, district = EXCLUDED.district,
  city = EXCLUDED.city, postal_code = EXCLUDED.postal_code, invoice_prefix = EXCLUDED.invoice_prefix;
