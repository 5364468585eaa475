--liquibase formatted sql

--changeset moeen:demo-034-pharmacy-suppliers context:demo
-- The demo suppliers (made records by changeset 033 from the catalogue's text) with their Arabic names, a
-- contact and a VAT number (fictitious, in the Saudi format), and a sale price per unit for every item.
-- When demo data is turned on after 033 ran (a database first migrated without it), the demo catalogue's
-- supplier text has no records yet: make them as 033 does (nothing to do otherwise).
INSERT INTO inventory_suppliers (name_ar, name_en)
SELECT min(i.supplier), min(i.supplier) FROM inventory_items i
WHERE i.supplier IS NOT NULL AND btrim(i.supplier) <> '' AND i.supplier_id IS NULL
  AND NOT EXISTS (SELECT 1 FROM inventory_suppliers s WHERE normalize_search_text(s.name_en) = normalize_search_text(i.supplier))
GROUP BY normalize_search_text(i.supplier);
UPDATE inventory_items i SET supplier_id = s.id FROM inventory_suppliers s
WHERE i.supplier_id IS NULL AND normalize_search_text(s.name_en) = normalize_search_text(i.supplier);
UPDATE inventory_suppliers s SET name_ar = v.name_ar, contact_name = v.contact, phone = v.phone,
       email = v.email, vat_number = v.vat
FROM (VALUES
  ('Nahdi Medical', 'النهدي الطبية', 'مكتب المشتريات', '+966126000101', 'orders@nahdi.example', '300000000100003'),
  ('SPIMACO', 'الدوائية (سبيماكو)', 'قسم المبيعات', '+966112000102', 'sales@spimaco.example', '300000000200003'),
  ('GSK Saudi', 'جلاكسو سميث كلاين السعودية', NULL, '+966126000103', NULL, '300000000300003'),
  ('Merck Saudi', 'ميرك السعودية', NULL, '+966112000104', NULL, '300000000400003'),
  ('Pfizer Saudi', 'فايزر السعودية', NULL, '+966126000105', NULL, '300000000500003'),
  ('MSD Saudi', 'إم إس دي السعودية', NULL, '+966112000106', NULL, '300000000600003'),
  ('Novartis Saudi', 'نوفارتس السعودية', NULL, NULL, NULL, '300000000700003'),
  ('Bayer Saudi', 'باير السعودية', NULL, NULL, NULL, '300000000800003'),
  ('Sanofi Saudi', 'سانوفي السعودية', NULL, NULL, NULL, '300000000900003'),
  ('AstraZeneca Saudi', 'أسترازينيكا السعودية', NULL, NULL, NULL, '300000001000003'),
  ('Takeda Saudi', 'تاكيدا السعودية', NULL, NULL, NULL, NULL),
  ('Janssen Saudi', 'يانسن السعودية', NULL, NULL, NULL, NULL),
  ('Tabuk Pharmaceuticals', 'تبوك للصناعات الدوائية', NULL, '+966144000113', NULL, '300000001300003'),
  ('Servier Saudi', 'سيرفييه السعودية', NULL, NULL, NULL, NULL),
  ('Jamjoom Pharma', 'جمجوم فارما', 'قسم المبيعات', '+966126000115', 'sales@jamjoom.example', '300000001500003'),
  ('Julphar', 'جلفار', NULL, NULL, NULL, NULL),
  ('LEO Pharma', 'ليو فارما', NULL, NULL, NULL, NULL),
  ('Roche Saudi', 'روش السعودية', NULL, NULL, NULL, NULL),
  ('3M Saudi', 'ثري إم السعودية', NULL, NULL, NULL, NULL),
  ('Dentsply Sirona', 'دنتسبلاي سيرونا', NULL, NULL, NULL, NULL),
  ('GC Corporation', 'جي سي', NULL, NULL, NULL, NULL),
  ('Saudi Dental Supplies', 'المستلزمات السعودية لطب الأسنان', 'أبو فهد', '+966112000122', 'orders@sds.example', '300000002200003'),
  ('Septodont', 'سبتودونت', NULL, NULL, NULL, NULL),
  ('Zhermack', 'زيرماك', NULL, NULL, NULL, NULL)
) AS v (name_en, name_ar, contact, phone, email, vat)
WHERE s.name_en = v.name_en;

-- One more, with a fixed id (tests and the permission matrix name it): the clinic's local wholesaler.
INSERT INTO inventory_suppliers (id, name_ar, name_en, contact_name, phone, email, vat_number) VALUES
  ('00000000-0000-4020-8000-000000000601', 'مستودع العليا للأدوية', 'Olaya Drug Store', 'أبو خالد', '+966114000601',
   'orders@olaya-drugs.example', '300000006010003');

-- A price a third over the average cost of what was received, to the halala.
UPDATE inventory_items i SET sale_price = round(c.cost * 1.35, 2)
FROM (SELECT item_id, avg(unit_cost) AS cost FROM inventory_batches GROUP BY item_id) c
WHERE c.item_id = i.id;

--changeset moeen:demo-034-pharmacy-prescription context:demo
-- Ready to dispense for pharmacy@moeen-clinic.example, beside the clinical demo's prescriptions (which the
-- queue also shows): Dr. Khalid's atorvastatin for Mohammed's hyperlipidaemia, a month at a time, two refills.
INSERT INTO prescriptions (id, patient_id, encounter_id, prescriber_id, drug_name, dose, route, frequency, duration_days,
                           quantity, refills, instructions, instructions_language, status, created_at)
SELECT '00000000-0000-4020-8000-000000000501', e.patient_id, e.id, d.user_id, 'Atorvastatin 20 mg tablet', '20 mg', 'oral',
       'once daily at night', 30, 30, 2, 'One tablet at bedtime.', 'en', 'active', e.ended_at + interval '1 minute'
FROM encounters e JOIN doctors d ON d.id = e.doctor_id
WHERE e.id = '00000000-0000-4018-8000-000000000004';
