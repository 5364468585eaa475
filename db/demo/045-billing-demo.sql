--liquibase formatted sql

--changeset moeen:demo-045-billing-accounts context:demo
-- The demo cashier and accountant (password MoeenDemo#2026, as every demo account).
INSERT INTO users (id, email, phone, password_hash, first_name_ar, last_name_ar, first_name_en, last_name_en, language_preference) VALUES
  ('00000000-0000-4000-8000-000000000050', 'cashier@moeen-clinic.example', '+966500000050', '$argon2id$v=19$m=19456,t=2,p=1$saUq+ss4jMAW82SBMDmubQ$hN718x27pFg7oqGMXmXWqOXFtk2sBGsoEmr5JnCTkbo', 'منيرة', 'العنزي', 'Munira', 'Al-Anazi', 'ar'),
  ('00000000-0000-4000-8000-000000000051', 'accounts@moeen-clinic.example', '+966500000051', '$argon2id$v=19$m=19456,t=2,p=1$saUq+ss4jMAW82SBMDmubQ$hN718x27pFg7oqGMXmXWqOXFtk2sBGsoEmr5JnCTkbo', 'عمر', 'الشمري', 'Omar', 'Al-Shammari', 'en');
INSERT INTO user_roles (user_id, role_id) SELECT u.id, r.id FROM (VALUES
  ('00000000-0000-4000-8000-000000000050'::uuid, 'cashier'),
  ('00000000-0000-4000-8000-000000000051'::uuid, 'accountant')
) AS u(id, role) JOIN roles r ON r.code = u.role;

--changeset moeen:demo-045-billing-sellers context:demo
-- The clinic's legal seller, one VAT registration for both branches (ZATCA's sample number).
INSERT INTO billing_sellers (location_id, name_ar, name_en, vat_number, commercial_registration, street, building_number,
                             district, city, postal_code, invoice_prefix) VALUES
  ('00000000-0000-4000-c100-000000000001', 'شركة عيادة معين الطبية', 'Moeen Clinic Medical Company', '310122393500003',
   '1010010000', 'طريق الملك فهد', '2322', 'العليا', 'الرياض', '12214', 'OLY'),
  ('00000000-0000-4000-c100-000000000002', 'شركة عيادة معين الطبية', 'Moeen Clinic Medical Company', '310122393500003',
   '1010010000', 'شارع الأمير سلطان', '4415', 'الروضة', 'جدة', '23434', 'JED');

--changeset moeen:demo-045-billing-invoices context:demo splitStatements:false
-- Invoices for the demo patients in every state, with their QR: Ahmed (a citizen: zero rated) paid in full;
-- Mohammed (iqama: 15 %) issued, unpaid, and credited for the medical report he did not ask for; Fatimah (citizen) partially paid with a
-- pharmacy item at 15 %; Reem a draft and a cancelled draft. Written as the application writes them: drafts
-- with their lines first, then issued (issued lines never change).
DO $$
DECLARE
  v record;
  code text;
  yr int;
  seq int;
BEGIN
  INSERT INTO invoices (id, patient_id, location_id, created_by) VALUES
    ('00000000-0000-4019-8000-000000000001', '00000000-0000-4000-9000-000000000007', '00000000-0000-4000-c100-000000000001', '00000000-0000-4000-8000-000000000003'),
    ('00000000-0000-4019-8000-000000000002', '00000000-0000-4000-9000-000000000009', '00000000-0000-4000-c100-000000000001', '00000000-0000-4000-8000-000000000003'),
    ('00000000-0000-4019-8000-000000000003', '00000000-0000-4000-9000-000000000008', '00000000-0000-4000-c100-000000000001', '00000000-0000-4000-8000-000000000003'),
    ('00000000-0000-4019-8000-000000000004', '00000000-0000-4000-9000-000000000010', '00000000-0000-4000-c100-000000000001', '00000000-0000-4000-8000-000000000003'),
    ('00000000-0000-4019-8000-000000000005', '00000000-0000-4000-9000-000000000010', '00000000-0000-4000-c100-000000000001', '00000000-0000-4000-8000-000000000003');
  INSERT INTO invoice_lines (invoice_id, line_no, source_kind, source_ref, service_id, description_ar, description_en, quantity,
                             unit_price, discount, vat_category, vat_rate, exemption_code)
  SELECT l.invoice_id::uuid, l.line_no, l.kind, coalesce(s.id::text, l.ref), s.id, coalesce(s.name_ar, l.ar), coalesce(s.name_en, l.en),
         l.quantity, coalesce(s.price, l.price), l.discount, vt.vat_category, vt.vat_rate, vt.exemption_code
  FROM (VALUES
    ('00000000-0000-4019-8000-000000000001', 1, 'service', NULL, '00000000-0000-4000-c300-000000000001', NULL, NULL, 1.0, NULL::numeric, 0.0),
    ('00000000-0000-4019-8000-000000000001', 2, 'service', NULL, '00000000-0000-4000-c300-000000000005', NULL, NULL, 1.0, NULL, 20.0),
    ('00000000-0000-4019-8000-000000000002', 1, 'service', NULL, '00000000-0000-4000-c300-000000000004', NULL, NULL, 1.0, NULL, 0.0),
    ('00000000-0000-4019-8000-000000000002', 2, 'free_text', NULL, NULL, 'تقرير طبي', 'Medical report', 1.0, 50.00, 0.0),
    ('00000000-0000-4019-8000-000000000003', 1, 'service', NULL, '00000000-0000-4000-c300-000000000001', NULL, NULL, 1.0, NULL, 0.0),
    ('00000000-0000-4019-8000-000000000003', 2, 'item', 'INH-SALB-100', NULL, 'بخاخ سالبوتامول ١٠٠ ميكروغرام', 'Salbutamol inhaler 100 mcg', 2.0, 23.45, 0.0),
    ('00000000-0000-4019-8000-000000000004', 1, 'service', NULL, '00000000-0000-4000-c300-000000000006', NULL, NULL, 1.0, NULL, 0.0),
    ('00000000-0000-4019-8000-000000000005', 1, 'service', NULL, '00000000-0000-4000-c300-000000000002', NULL, NULL, 1.0, NULL, 0.0)
  ) AS l(invoice_id, line_no, kind, ref, service, ar, en, quantity, price, discount)
  LEFT JOIN services s ON s.id = l.service::uuid
  JOIN invoices i ON i.id = l.invoice_id::uuid
  CROSS JOIN LATERAL billing_vat_for(i.patient_id, l.kind) vt;
  UPDATE invoices SET status = 'cancelled', cancelled_at = now() - interval '2 days',
                      cancelled_by = '00000000-0000-4000-8000-000000000003'
  WHERE id = '00000000-0000-4019-8000-000000000005';

  INSERT INTO invoices (id, kind, original_invoice_id, note_reason, patient_id, location_id, created_by) VALUES
    ('00000000-0000-4019-8000-000000000006', 'credit_note', '00000000-0000-4019-8000-000000000002',
     'التقرير الطبي لم يُطلب / Medical report not requested', '00000000-0000-4000-9000-000000000009',
     '00000000-0000-4000-c100-000000000001', '00000000-0000-4000-8000-000000000051');
  INSERT INTO invoice_lines (invoice_id, line_no, source_kind, description_ar, description_en, quantity, unit_price,
                             vat_category, vat_rate)
  VALUES ('00000000-0000-4019-8000-000000000006', 1, 'free_text', 'تقرير طبي', 'Medical report', 1, 50.00, 'S', 15);

  -- issue three of them and the credit note, as Issuing does: number, buyer, QR (TLV lengths in UTF-8 bytes)
  FOR v IN
    SELECT i.id, i.kind, i.location_id, s.name_ar AS seller, s.vat_number, s.invoice_prefix, x.n, x.at,
           p.first_name_ar || ' ' || p.last_name_ar AS buyer, p.national_id,
           (SELECT sum(l.total) FROM invoice_lines l WHERE l.invoice_id = i.id) AS total,
           (SELECT sum(l.vat) FROM invoice_lines l WHERE l.invoice_id = i.id) AS vat
    FROM (VALUES ('00000000-0000-4019-8000-000000000001'::uuid, 1, date_trunc('second', now() - interval '3 days')),
                 ('00000000-0000-4019-8000-000000000002'::uuid, 2, date_trunc('second', now() - interval '2 days')),
                 ('00000000-0000-4019-8000-000000000003'::uuid, 3, date_trunc('second', now() - interval '1 day')),
                 ('00000000-0000-4019-8000-000000000006'::uuid, 4, date_trunc('second', now() - interval '20 hours'))) AS x(id, n, at)
    JOIN invoices i ON i.id = x.id JOIN billing_sellers s ON s.location_id = i.location_id JOIN patients p ON p.id = i.patient_id
    ORDER BY x.n
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
    UPDATE invoices SET status = 'issued', issued_at = v.at, issued_by = '00000000-0000-4000-8000-000000000003',
           number = v.invoice_prefix || CASE v.kind WHEN 'invoice' THEN '-INV-' ELSE '-CRN-' END || yr || '-' || lpad(seq::text, 6, '0'), series_year = yr, series_no = seq,
           buyer_name = v.buyer, buyer_national_id = v.national_id, qr = code, version = version + 1
    WHERE id = v.id;
  END LOOP;

  -- Ahmed paid by mada; Fatimah paid part in cash at the cashier's desk
  INSERT INTO payments (id, invoice_id, patient_id, kind, method, amount, reference, received_by, received_at, idempotency_key) VALUES
    ('00000000-0000-4019-8000-000000000101', '00000000-0000-4019-8000-000000000001', '00000000-0000-4000-9000-000000000007',
     'payment', 'mada', 250.00, 'MADA-000417', '00000000-0000-4000-8000-000000000050', now() - interval '3 days', 'demo-1'),
    ('00000000-0000-4019-8000-000000000102', '00000000-0000-4019-8000-000000000003', '00000000-0000-4000-9000-000000000008',
     'payment', 'cash', 100.00, NULL, '00000000-0000-4000-8000-000000000050', now() - interval '1 day', 'demo-2');
  PERFORM invoice_refresh_status(i) FROM unnest(ARRAY['00000000-0000-4019-8000-000000000001',
    '00000000-0000-4019-8000-000000000002', '00000000-0000-4019-8000-000000000003']::uuid[]) AS i;
END
$$;
