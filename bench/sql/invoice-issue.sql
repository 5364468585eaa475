-- pgbench script: the SQL of one invoice drafted and issued as the service runs it (invoices.sql in
-- src/main/resources/io/moeen/billing, written out by hand; keep in step) WITHOUT the phase 2 e-invoice: no UBL XML,
-- no hash, no signature, no zatca_documents row and no device lock (EInvoicing), and the phase 1 QR a constant (the
-- service makes it in Java). The draft's transaction: session settings, the invoice, its line (VAT from
-- billing_vat_for). The issue's: session settings, the lock, what is owed, the VAT again, totals, seller and buyer, the
-- gapless number, the update (its triggers split insurance), the read back. As the demo cashier, for Mohammed
-- (uninsured, iqama: 15 %) at Olaya. As the service's role:
--   PGOPTIONS='-c role=moeen_app' pgbench -n -M prepared -f bench/sql/invoice-issue.sql -c 8 -j 2 -T 10 ...
SELECT gen_random_uuid() AS iid, extract(year FROM now() AT TIME ZONE 'Asia/Riyadh')::int AS yr \gset
BEGIN;
SELECT set_config('app.user_id', '00000000-0000-4000-8000-000000000050', true), set_config('app.role', 'cashier', true), set_config('app.patient_access', 'any', true), set_config('app.audit_access', 'none', true), set_config('app.request_id', 'bench', true), set_config('app.ip', '127.0.0.1', true), set_config('app.lead_access', 'none', true);
INSERT INTO invoices (id, kind, original_invoice_id, note_reason, patient_id, appointment_id, location_id, notes, created_by) VALUES (:iid::uuid, 'invoice', NULL, NULL, '00000000-0000-4000-9000-000000000009', NULL, '00000000-0000-4000-c100-000000000001', NULL, '00000000-0000-4000-8000-000000000050');
INSERT INTO invoice_lines (invoice_id, line_no, source_kind, source_ref, service_id, description_ar, description_en, quantity, unit_price, discount, vat_category, vat_rate, exemption_code) SELECT i.id, coalesce((SELECT max(x.line_no) FROM invoice_lines x WHERE x.invoice_id = i.id), 0) + 1, 'item', NULL, NULL, 'عكازات', 'Crutches', 1::numeric, 100.00::numeric, 0::numeric, v.vat_category, v.vat_rate, v.exemption_code FROM invoices i CROSS JOIN LATERAL billing_vat_for(i.patient_id, 'item') v WHERE i.id = :iid::uuid AND i.status = 'draft';
COMMIT;
BEGIN;
SELECT set_config('app.user_id', '00000000-0000-4000-8000-000000000050', true), set_config('app.role', 'cashier', true), set_config('app.patient_access', 'any', true), set_config('app.audit_access', 'none', true), set_config('app.request_id', 'bench', true), set_config('app.ip', '127.0.0.1', true), set_config('app.lead_access', 'none', true);
SELECT i.id, i.kind, i.status, i.number, i.patient_id, i.location_id, l.time_zone FROM invoices i JOIN clinic_locations l ON l.id = i.location_id WHERE i.id = :iid::uuid FOR UPDATE OF i;
SELECT invoice_balance(:iid::uuid) AS balance;
UPDATE invoice_lines l SET (vat_category, vat_rate, exemption_code) = (SELECT v.vat_category, v.vat_rate, v.exemption_code FROM billing_vat_for('00000000-0000-4000-9000-000000000009', l.source_kind) v) WHERE l.invoice_id = :iid::uuid;
SELECT count(*) AS lines, coalesce(sum(gross), 0) AS gross, coalesce(sum(discount), 0) AS discount, coalesce(sum(net), 0) AS net, coalesce(sum(vat), 0) AS vat, coalesce(sum(total), 0) AS total FROM invoice_lines WHERE invoice_id = :iid::uuid;
SELECT location_id, name_ar, name_en, vat_number, commercial_registration, street, building_number, district, city, postal_code, invoice_prefix FROM billing_sellers WHERE location_id = '00000000-0000-4000-c100-000000000001';
SELECT first_name_ar, last_name_ar, first_name_en, last_name_en, national_id FROM patients WHERE id = '00000000-0000-4000-9000-000000000009';
INSERT INTO invoice_counters (location_id, kind, year, last_no) VALUES ('00000000-0000-4000-c100-000000000001', 'invoice', :yr, 1) ON CONFLICT (location_id, kind, year) DO UPDATE SET last_no = invoice_counters.last_no + 1 RETURNING last_no AS seq \gset
UPDATE invoices SET status = 'issued', number = 'OLY-INV-' || :yr || '-' || lpad(:seq::text, 6, '0'), series_year = :yr, series_no = :seq, issued_at = date_trunc('second', now()), issued_by = '00000000-0000-4000-8000-000000000050', buyer_name = 'bench', buyer_national_id = NULL, qr = 'AQVTYWxsYQIKMTIzNDU2Nzg5MQMUMjAyMS0wNy0xMlQxNDoyNTowOVoEBjEwMC4wMAUFMTUuMDA=', version = version + 1 WHERE id = :iid::uuid AND status = 'draft';
COMMIT;
SELECT id, status, number, invoice_balance(id) AS balance FROM invoices WHERE id = :iid::uuid;
