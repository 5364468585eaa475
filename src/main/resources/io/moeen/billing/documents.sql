-- The invoice's printable document and its e-invoice. Run as the caller after the invoice was read (so the
-- caller may see it); the seller's details are the branch's, not a patient's.

-- name: seller_of_invoice
SELECT s.name_ar, s.name_en, s.vat_number, s.commercial_registration, s.street, s.building_number, s.district,
       s.city, s.postal_code, l.time_zone
FROM invoices i
JOIN clinic_locations l ON l.id = i.location_id
JOIN billing_sellers s ON s.location_id = i.location_id
WHERE i.id = $1;
