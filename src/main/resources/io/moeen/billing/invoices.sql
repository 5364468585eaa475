-- Invoices, their lines and notes. Every statement runs in a transaction acting as the caller
-- (common.db.SessionContext): invoices, lines and payments have row-level security.

-- name: patient_facts
-- $1 patient, $2 appointment (may be null): the patient as the caller may see them, and the appointment's
-- branch when the appointment is theirs.
SELECT p.id, (SELECT a.location_id FROM appointments a WHERE a.id = $2 AND a.patient_id = p.id) AS appointment_location
FROM patients p WHERE p.id = $1;

-- name: insert_invoice
INSERT INTO invoices (id, kind, original_invoice_id, note_reason, patient_id, appointment_id, location_id, notes, created_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9);

-- name: lock_invoice
-- The invoice to change, locked for the rest of the transaction (lines, issue, payments, notes wait on it).
-- What is owed is read by the next statement: one that waited for the lock must see what the other committed,
-- and a statement's functions read with the snapshot it took before waiting.
SELECT i.id, i.kind, i.status, i.number, i.patient_id, i.location_id, l.time_zone
FROM invoices i JOIN clinic_locations l ON l.id = i.location_id
WHERE i.id = $1
FOR UPDATE OF i;

-- name: balance
SELECT invoice_balance($1) AS balance;

-- name: add_line
-- $1 invoice, $2 source kind, $3 source ref, $4 service, $5..$6 descriptions, $7 quantity, $8 unit price (null:
-- the service's), $9 discount. The next number; VAT from billing_vat_for. No row: the service is unknown.
INSERT INTO invoice_lines (invoice_id, line_no, source_kind, source_ref, service_id, description_ar, description_en,
                           quantity, unit_price, discount, vat_category, vat_rate, exemption_code)
SELECT i.id, coalesce((SELECT max(x.line_no) FROM invoice_lines x WHERE x.invoice_id = i.id), 0) + 1,
       $2, coalesce($3, s.id::text), s.id, coalesce($5, s.name_ar), coalesce($6, s.name_en),
       $7::numeric, coalesce($8::numeric, s.price), $9::numeric, v.vat_category, v.vat_rate, v.exemption_code
FROM invoices i
LEFT JOIN services s ON s.id = $4::uuid
CROSS JOIN LATERAL billing_vat_for(i.patient_id, $2) v
WHERE i.id = $1 AND ($4::uuid IS NULL OR s.id IS NOT NULL)
RETURNING line_no;

-- name: remove_line
DELETE FROM invoice_lines WHERE invoice_id = $1 AND line_no = $2 RETURNING line_no;

-- name: renumber_lines
-- Lines stay numbered 1..n; the key is checked at the end of the statement (DEFERRABLE).
UPDATE invoice_lines SET line_no = line_no - 1 WHERE invoice_id = $1 AND line_no > $2;

-- name: reprice
-- At issue, the VAT rule again: the patient's national id may have been added since the lines were.
UPDATE invoice_lines l SET (vat_category, vat_rate, exemption_code) =
  (SELECT v.vat_category, v.vat_rate, v.exemption_code FROM billing_vat_for($2, l.source_kind) v)
WHERE l.invoice_id = $1;

-- name: seller
SELECT location_id, name_ar, name_en, vat_number, commercial_registration, street, building_number, district, city,
       postal_code, invoice_prefix
FROM billing_sellers WHERE location_id = $1;

-- name: buyer
SELECT first_name_ar, last_name_ar, first_name_en, last_name_en, national_id FROM patients WHERE id = $1;

-- name: next_number
-- Gapless: the counter row stays locked until the issuing transaction ends; a rollback gives the number back.
INSERT INTO invoice_counters (location_id, kind, year, last_no) VALUES ($1, $2, $3, 1)
ON CONFLICT (location_id, kind, year) DO UPDATE SET last_no = invoice_counters.last_no + 1
RETURNING last_no;

-- name: totals
SELECT count(*) AS lines, coalesce(sum(gross), 0) AS gross, coalesce(sum(discount), 0) AS discount,
       coalesce(sum(net), 0) AS net, coalesce(sum(vat), 0) AS vat, coalesce(sum(total), 0) AS total
FROM invoice_lines WHERE invoice_id = $1;

-- name: mark_issued
UPDATE invoices SET status = 'issued', number = $2, series_year = $3, series_no = $4, issued_at = $5, issued_by = $6,
                    buyer_name = $7, buyer_national_id = $8, qr = $9, version = version + 1
WHERE id = $1 AND status = 'draft';

-- name: refresh_status
SELECT invoice_refresh_status($1) AS status;

-- name: cancel_draft
UPDATE invoices SET status = 'cancelled', cancelled_at = $2, cancelled_by = $3, version = version + 1
WHERE id = $1 AND status = 'draft';

-- name: invoice
SELECT i.id, i.kind, i.original_invoice_id, o.number AS original_number, i.note_reason, i.patient_id,
       p.medical_record_number, p.first_name_ar, p.last_name_ar, p.first_name_en, p.last_name_en,
       i.appointment_id, i.location_id, l.name_ar AS location_ar, l.name_en AS location_en, l.time_zone,
       i.status, i.number, i.issued_at, i.buyer_name, i.buyer_national_id, i.buyer_vat_number, i.currency,
       -- the phase 2 QR (tags 1-9) once the invoice is stamped, else the phase 1 QR given at issue
       coalesce((SELECT z.qr FROM zatca_documents z WHERE z.invoice_id = i.id), i.qr) AS qr,
       i.notes, i.version, i.created_at, i.updated_at, i.cancelled_at,
       t.gross, t.discount, t.net, t.vat, t.total, invoice_balance(i.id) AS balance,
       coalesce((SELECT sum(x.amount) FROM payments x WHERE x.invoice_id = i.id AND x.kind = 'payment'), 0) AS paid,
       coalesce((SELECT sum(x.amount) FROM payments x WHERE x.invoice_id = i.id AND x.kind = 'refund'), 0) AS refunded
FROM invoices i
JOIN patients p ON p.id = i.patient_id
JOIN clinic_locations l ON l.id = i.location_id
LEFT JOIN invoices o ON o.id = i.original_invoice_id
CROSS JOIN LATERAL (SELECT coalesce(sum(x.gross), 0) AS gross, coalesce(sum(x.discount), 0) AS discount,
                           coalesce(sum(x.net), 0) AS net, coalesce(sum(x.vat), 0) AS vat,
                           coalesce(sum(x.total), 0) AS total
                    FROM invoice_lines x WHERE x.invoice_id = i.id) t
WHERE i.id = $1;

-- name: lines
SELECT line_no, source_kind, source_ref, service_id, description_ar, description_en, quantity, unit_price, discount,
       vat_category, vat_rate, exemption_code, gross, net, vat, total
FROM invoice_lines WHERE invoice_id = $1 ORDER BY line_no;

-- name: notes_of
SELECT n.id, n.kind, n.number, n.issued_at, n.note_reason,
       (SELECT coalesce(sum(x.total), 0) FROM invoice_lines x WHERE x.invoice_id = n.id) AS total
FROM invoices n WHERE n.original_invoice_id = $1 AND n.number IS NOT NULL ORDER BY n.issued_at, n.id;

-- name: list
-- $1 patients (null: every one the caller may see), $2 status, $3 kind, $4 limit; newest first.
SELECT i.id, i.kind, i.number, i.status, i.patient_id, i.location_id, i.appointment_id, i.issued_at, i.created_at,
       p.first_name_ar, p.last_name_ar, p.first_name_en, p.last_name_en, t.total, t.vat, invoice_balance(i.id) AS balance
FROM invoices i
JOIN patients p ON p.id = i.patient_id
CROSS JOIN LATERAL (SELECT coalesce(sum(x.total), 0) AS total, coalesce(sum(x.vat), 0) AS vat
                    FROM invoice_lines x WHERE x.invoice_id = i.id) t
WHERE ($1::uuid[] IS NULL OR i.patient_id = ANY ($1::uuid[]))
  AND ($2::text IS NULL OR i.status = $2::text)
  AND ($3::text IS NULL OR i.kind = $3::text)
ORDER BY i.created_at DESC, i.id
LIMIT $4;

-- name: draft_for_appointment
SELECT billing_draft_for_appointment($1) AS invoice_id;

-- name: add_dispensed
-- the pharmacy's dispense $1 billed on the patient's draft (changeset 047); null when nothing to bill
SELECT billing_add_dispensed($1) AS invoice_id;

-- name: catch_up_dispensed
-- at start: the last week's dispenses no billing verticle heard; the number billed
SELECT billing_catch_up_dispensed() AS billed;
