--liquibase formatted sql

--changeset moeen:demo-049-insurance-payers context:demo
-- Two insurers with a plan each (the CCHI and NPHIES identifiers are made up for the demo).
INSERT INTO insurance_payers (id, code, name_ar, name_en, cchi_id, nphies_id) VALUES
  ('00000000-0000-4019-9000-000000000001', 'bupa', 'بوبا العربية للتأمين التعاوني', 'Bupa Arabia', 'CCHI-7001', 'INS-FHIR-7001'),
  ('00000000-0000-4019-9000-000000000002', 'tawuniya', 'التعاونية للتأمين', 'Tawuniya', 'CCHI-7002', NULL);
INSERT INTO insurance_plans (id, payer_id, code, name_ar, name_en) VALUES
  ('00000000-0000-4019-9000-000000000011', '00000000-0000-4019-9000-000000000001', 'gold', 'الذهبية', 'Gold'),
  ('00000000-0000-4019-9000-000000000012', '00000000-0000-4019-9000-000000000002', 'silver', 'الفضية', 'Silver');
-- Gold: consultations in full less a 20 % co-pay (up to 5,000 SAR a year), cardiology needs a pre-authorisation,
-- medicines at 80 %, anything else at 90 % less 25 SAR. Silver: 70 % of everything, 2,000 SAR a year; no dentistry.
INSERT INTO insurance_plan_rules (plan_id, category, covered_percent, copay_amount, copay_percent, annual_limit, preauth_required) VALUES
  ('00000000-0000-4019-9000-000000000011', 'consultation', 100, NULL, 20, 5000, false),
  ('00000000-0000-4019-9000-000000000011', 'cardiology', 100, NULL, 10, NULL, true),
  ('00000000-0000-4019-9000-000000000011', 'pharmacy', 80, NULL, NULL, 3000, false),
  ('00000000-0000-4019-9000-000000000011', 'all', 90, 25, NULL, NULL, false),
  ('00000000-0000-4019-9000-000000000012', 'all', 70, NULL, NULL, 2000, false),
  ('00000000-0000-4019-9000-000000000012', 'preventive', 0, NULL, NULL, NULL, false);

--changeset moeen:demo-049-insurance-coverage context:demo
-- Ahmed: Bupa Gold first, Tawuniya Silver second, both valid this year.
INSERT INTO patient_coverages (id, patient_id, plan_id, policy_number, member_number, class, valid_from, valid_to, priority, created_by) VALUES
  ('00000000-0000-4019-9000-000000000021', '00000000-0000-4000-9000-000000000007', '00000000-0000-4019-9000-000000000011',
   'BUPA-POL-2026-0417', 'BUPA-M-88120417', 'A', current_date - 180, current_date + 185, 1, '00000000-0000-4000-8000-000000000051'),
  ('00000000-0000-4019-9000-000000000022', '00000000-0000-4000-9000-000000000007', '00000000-0000-4019-9000-000000000012',
   'TAW-POL-55120', 'TAW-M-0099311', 'B', current_date - 30, current_date + 335, 2, '00000000-0000-4000-8000-000000000051');
INSERT INTO insurance_preauthorisations (id, patient_id, coverage_id, service_id, status, payer_reference, valid_until, requested_by, requested_at, decided_by, decided_at) VALUES
  ('00000000-0000-4019-9000-000000000031', '00000000-0000-4000-9000-000000000007', '00000000-0000-4019-9000-000000000021',
   '00000000-0000-4000-c300-000000000005', 'approved', 'BUPA-PA-66102', current_date + 30, '00000000-0000-4000-8000-000000000051',
   now() - interval '6 days', '00000000-0000-4000-8000-000000000051', now() - interval '5 days');

--changeset moeen:demo-049-insurance-claims context:demo splitStatements:false
-- Two consultations of Ahmed's issued under his Bupa cover (the split runs when they are issued: 150.00 zero rated,
-- the insurer 120.00, Ahmed 30.00 paid at the desk). The older claim was accepted and paid by Bupa; the newer one
-- is submitted and waits.
DO $$
DECLARE
  v record;
  code text;
  yr int;
  seq int;
BEGIN
  INSERT INTO invoices (id, patient_id, location_id, created_by) VALUES
    ('00000000-0000-4019-9000-000000000041', '00000000-0000-4000-9000-000000000007', '00000000-0000-4000-c100-000000000001', '00000000-0000-4000-8000-000000000050'),
    ('00000000-0000-4019-9000-000000000042', '00000000-0000-4000-9000-000000000007', '00000000-0000-4000-c100-000000000001', '00000000-0000-4000-8000-000000000050');
  INSERT INTO invoice_lines (invoice_id, line_no, source_kind, source_ref, service_id, description_ar, description_en, quantity,
                             unit_price, discount, vat_category, vat_rate, exemption_code)
  SELECT i.id, 1, 'service', s.id::text, s.id, s.name_ar, s.name_en, 1, s.price, 0, vt.vat_category, vt.vat_rate, vt.exemption_code
  FROM invoices i JOIN services s ON s.id = '00000000-0000-4000-c300-000000000001'
  CROSS JOIN LATERAL billing_vat_for(i.patient_id, 'service') vt
  WHERE i.id IN ('00000000-0000-4019-9000-000000000041', '00000000-0000-4019-9000-000000000042');

  FOR v IN
    SELECT i.id, i.kind, i.location_id, s.name_ar AS seller, s.vat_number, s.invoice_prefix, x.at,
           p.first_name_ar || ' ' || p.last_name_ar AS buyer, p.national_id,
           (SELECT sum(l.total) FROM invoice_lines l WHERE l.invoice_id = i.id) AS total,
           (SELECT sum(l.vat) FROM invoice_lines l WHERE l.invoice_id = i.id) AS vat
    FROM (VALUES ('00000000-0000-4019-9000-000000000041'::uuid, date_trunc('second', now() - interval '10 days')),
                 ('00000000-0000-4019-9000-000000000042'::uuid, date_trunc('second', now() - interval '2 days'))) AS x(id, at)
    JOIN invoices i ON i.id = x.id JOIN billing_sellers s ON s.location_id = i.location_id JOIN patients p ON p.id = i.patient_id
    ORDER BY x.at
  LOOP
    code := replace(encode(''::bytea
      || set_byte(set_byte('\x0000'::bytea, 0, 1), 1, octet_length(convert_to(v.seller, 'UTF8'))) || convert_to(v.seller, 'UTF8')
      || set_byte(set_byte('\x0000'::bytea, 0, 2), 1, octet_length(convert_to(v.vat_number, 'UTF8'))) || convert_to(v.vat_number, 'UTF8')
      || set_byte(set_byte('\x0000'::bytea, 0, 3), 1, 20) || convert_to(to_char(v.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'UTF8')
      || set_byte(set_byte('\x0000'::bytea, 0, 4), 1, octet_length(v.total::text)) || convert_to(v.total::text, 'UTF8')
      || set_byte(set_byte('\x0000'::bytea, 0, 5), 1, octet_length(v.vat::text)) || convert_to(v.vat::text, 'UTF8'),
      'base64'), E'\n', '');
    yr := extract(year FROM v.at AT TIME ZONE 'Asia/Riyadh')::int;
    INSERT INTO invoice_counters (location_id, kind, year, last_no) VALUES (v.location_id, v.kind, yr, 1)
    ON CONFLICT (location_id, kind, year) DO UPDATE SET last_no = invoice_counters.last_no + 1
    RETURNING last_no INTO seq;
    -- the status change runs the insurance split (invoices_insurance_split)
    UPDATE invoices SET status = 'issued', issued_at = v.at, issued_by = '00000000-0000-4000-8000-000000000050',
           number = v.invoice_prefix || '-INV-' || yr || '-' || lpad(seq::text, 6, '0'), series_year = yr, series_no = seq,
           buyer_name = v.buyer, buyer_national_id = v.national_id, qr = code, version = version + 1
    WHERE id = v.id;
  END LOOP;

  INSERT INTO insurance_claims (id, invoice_id, patient_id, coverage_id, payer_id, status, claimed_amount, approved_amount,
                                payer_reference, submissions, submitted_at, adjudicated_at, paid_at, created_by, created_at)
  SELECT x.id, x.invoice, '00000000-0000-4000-9000-000000000007', '00000000-0000-4019-9000-000000000021',
         '00000000-0000-4019-9000-000000000001', x.status,
         (SELECT sum(s.insurer_share) FROM invoice_insurance_shares s WHERE s.invoice_id = x.invoice),
         CASE WHEN x.status = 'paid' THEN (SELECT sum(s.insurer_share) FROM invoice_insurance_shares s WHERE s.invoice_id = x.invoice) END,
         x.reference, 1, now() - x.age, CASE WHEN x.status = 'paid' THEN now() - x.age + interval '2 days' END,
         CASE WHEN x.status = 'paid' THEN now() - x.age + interval '4 days' END, '00000000-0000-4000-8000-000000000051', now() - x.age
  FROM (VALUES ('00000000-0000-4019-9000-000000000051'::uuid, '00000000-0000-4019-9000-000000000041'::uuid, 'paid', 'BUPA-CLM-300417', interval '9 days'),
               ('00000000-0000-4019-9000-000000000052'::uuid, '00000000-0000-4019-9000-000000000042'::uuid, 'submitted', NULL, interval '1 day'))
       AS x(id, invoice, status, reference, age);

  -- Ahmed paid his share at the desk on both; Bupa's remittance settles the first
  INSERT INTO payments (id, invoice_id, patient_id, kind, method, amount, reference, received_by, received_at, idempotency_key) VALUES
    ('00000000-0000-4019-9000-000000000061', '00000000-0000-4019-9000-000000000041', '00000000-0000-4000-9000-000000000007',
     'payment', 'cash', 30.00, NULL, '00000000-0000-4000-8000-000000000050', now() - interval '10 days', 'demo-ins-1'),
    ('00000000-0000-4019-9000-000000000062', '00000000-0000-4019-9000-000000000042', '00000000-0000-4000-9000-000000000007',
     'payment', 'cash', 30.00, NULL, '00000000-0000-4000-8000-000000000050', now() - interval '2 days', 'demo-ins-2'),
    ('00000000-0000-4019-9000-000000000063', '00000000-0000-4019-9000-000000000041', '00000000-0000-4000-9000-000000000007',
     'payment', 'insurance', 120.00, 'BUPA-REM-300417', '00000000-0000-4000-8000-000000000051', now() - interval '5 days', 'demo-ins-3');
  PERFORM invoice_refresh_status(i) FROM unnest(ARRAY['00000000-0000-4019-9000-000000000041',
    '00000000-0000-4019-9000-000000000042']::uuid[]) AS i;
END
$$;
