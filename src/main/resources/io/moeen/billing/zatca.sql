-- ZATCA phase 2: the branch's device and its chain, the stamped documents. Run in the issuing transaction.

-- name: lock_device
-- The head of the branch's chain, locked until the issuing transaction ends: concurrent issues queue here.
SELECT location_id, serial, private_key, certificate, last_icv, last_hash
FROM zatca_devices WHERE location_id = $1 FOR UPDATE;

-- name: insert_device
INSERT INTO zatca_devices (location_id, serial, private_key, certificate, last_hash) VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (location_id) DO NOTHING;

-- name: seller
SELECT name_ar, name_en, vat_number, commercial_registration, street, building_number, district, city, postal_code
FROM billing_sellers WHERE location_id = $1;

-- name: insert_document
INSERT INTO zatca_documents (invoice_id, location_id, icv, pih, hash, signature, qr, xml, flow)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9);

-- name: advance_chain
UPDATE zatca_devices SET last_icv = $2, last_hash = $3 WHERE location_id = $1 AND last_icv = $2 - 1;

-- name: document
SELECT d.invoice_id, d.icv, d.pih, d.hash, d.signature, d.qr, d.xml, d.status, i.number
FROM zatca_documents d JOIN invoices i ON i.id = d.invoice_id WHERE d.invoice_id = $1;

-- name: unstamped
-- Issued documents without an e-invoice (the demo's, written by SQL): stamped once at start, in issue order.
SELECT i.id FROM invoices i
WHERE i.number IS NOT NULL AND NOT EXISTS (SELECT 1 FROM zatca_documents d WHERE d.invoice_id = i.id)
  AND EXISTS (SELECT 1 FROM billing_sellers s WHERE s.location_id = i.location_id)
ORDER BY i.issued_at, i.series_no, i.id;
