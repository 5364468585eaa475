--liquibase formatted sql

--changeset moeen:demo-030-pharmacy-accounts context:demo
-- The demo pharmacist and store keeper (password MoeenDemo#2026, as every demo account).
INSERT INTO users (id, email, phone, password_hash, first_name_ar, last_name_ar, first_name_en, last_name_en, language_preference) VALUES
  ('00000000-0000-4000-8000-000000000020', 'pharmacy@moeen-clinic.example', '+966500000020', '$argon2id$v=19$m=19456,t=2,p=1$c6BjGer142PnBd2dMpuQfw$IFw82EVhiUWFVrC4vgSRpIkBNMOLC6hKI7rf0AOR4NI', 'هند', 'الصيدلي', 'Hind', 'Al-Saydali', 'ar'),
  ('00000000-0000-4000-8000-000000000021', 'store@moeen-clinic.example', '+966500000021', '$argon2id$v=19$m=19456,t=2,p=1$c6BjGer142PnBd2dMpuQfw$IFw82EVhiUWFVrC4vgSRpIkBNMOLC6hKI7rf0AOR4NI', 'ماجد', 'الخازن', 'Majed', 'Al-Khazin', 'ar');
INSERT INTO user_roles (user_id, role_id) SELECT u.id, r.id FROM (VALUES
  ('00000000-0000-4000-8000-000000000020'::uuid, 'pharmacist'),
  ('00000000-0000-4000-8000-000000000021'::uuid, 'store_keeper')
) AS u(id, role) JOIN roles r ON r.code = u.role;

--changeset moeen:demo-030-pharmacy-catalogue context:demo
-- The Olaya branch's pharmacy and its dental store room.
INSERT INTO inventory_stores (id, location_id, kind, name_ar, name_en) VALUES
  ('00000000-0000-4020-8000-000000000001', '00000000-0000-4000-c100-000000000001', 'pharmacy', 'صيدلية فرع العليا', 'Olaya pharmacy'),
  ('00000000-0000-4020-8000-000000000002', '00000000-0000-4000-c100-000000000001', 'store_room', 'مستودع الأسنان - العليا', 'Olaya dental store room');

-- About fifty common medicines and a dozen dental supplies. n numbers the ids (…4020-8000-0000000001nn);
-- plan: ok (plenty), near (one batch within the expiry warning), low (at or below the reorder level).
INSERT INTO inventory_items (id, code, kind, generic_name_ar, generic_name_en, brand_name_ar, brand_name_en, strength, form,
                             route, atc_code, is_prescription_only, is_controlled, unit, pack_size, supplier)
SELECT ('00000000-0000-4020-8000-000000000' || lpad((100 + n)::text, 3, '0'))::uuid, code, kind, gar, gen, bar, ben, strength,
       form, route, atc, rx, ctl, unit, pack, supplier
FROM (VALUES
  (1, 'PARA-500', 'medicine', 'باراسيتامول', 'Paracetamol', 'بنادول', 'Panadol', '500 mg', 'tablet', 'oral', 'N02BE01', false, false, 'tablet', 24, 'Nahdi Medical', 'ok'),
  (2, 'IBU-400', 'medicine', 'إيبوبروفين', 'Ibuprofen', 'بروفين', 'Brufen', '400 mg', 'tablet', 'oral', 'M01AE01', false, false, 'tablet', 30, 'Nahdi Medical', 'near'),
  (3, 'AMOX-500', 'medicine', 'أموكسيسيلين', 'Amoxicillin', 'أموكسيل', 'Amoxil', '500 mg', 'capsule', 'oral', 'J01CA04', true, false, 'capsule', 20, 'SPIMACO', 'ok'),
  (4, 'AMCL-625', 'medicine', 'أموكسيسيلين وحمض الكلافولانيك', 'Amoxicillin/clavulanic acid', 'أوجمنتين', 'Augmentin', '625 mg', 'tablet', 'oral', 'J01CR02', true, false, 'tablet', 14, 'GSK Saudi', 'low'),
  (5, 'OMEP-20', 'medicine', 'أوميبرازول', 'Omeprazole', 'لوسك', 'Losec', '20 mg', 'capsule', 'oral', 'A02BC01', true, false, 'capsule', 14, 'SPIMACO', 'ok'),
  (6, 'SALB-100', 'medicine', 'سالبوتامول', 'Salbutamol', 'فنتولين', 'Ventolin', '100 mcg/dose', 'inhaler', 'inhalation', 'R03AC02', true, false, 'inhaler', 1, 'GSK Saudi', 'low'),
  (7, 'METF-500', 'medicine', 'ميتفورمين', 'Metformin', 'جلوكوفاج', 'Glucophage', '500 mg', 'tablet', 'oral', 'A10BA02', true, false, 'tablet', 50, 'Merck Saudi', 'ok'),
  (8, 'AMLO-5', 'medicine', 'أملوديبين', 'Amlodipine', 'نورفاسك', 'Norvasc', '5 mg', 'tablet', 'oral', 'C08CA01', true, false, 'tablet', 30, 'Pfizer Saudi', 'ok'),
  (9, 'ATOR-20', 'medicine', 'أتورفاستاتين', 'Atorvastatin', 'ليبيتور', 'Lipitor', '20 mg', 'tablet', 'oral', 'C10AA05', true, false, 'tablet', 30, 'Pfizer Saudi', 'near'),
  (10, 'LOSA-50', 'medicine', 'لوسارتان', 'Losartan', 'كوزار', 'Cozaar', '50 mg', 'tablet', 'oral', 'C09CA01', true, false, 'tablet', 28, 'MSD Saudi', 'ok'),
  (11, 'AZIT-250', 'medicine', 'أزيثرومايسين', 'Azithromycin', 'زيثروماكس', 'Zithromax', '250 mg', 'capsule', 'oral', 'J01FA10', true, false, 'capsule', 6, 'Pfizer Saudi', 'ok'),
  (12, 'CETI-10', 'medicine', 'سيتيريزين', 'Cetirizine', 'زيرتك', 'Zyrtec', '10 mg', 'tablet', 'oral', 'R06AE07', false, false, 'tablet', 20, 'Nahdi Medical', 'ok'),
  (13, 'LORA-10', 'medicine', 'لوراتادين', 'Loratadine', 'كلاريتين', 'Claritine', '10 mg', 'tablet', 'oral', 'R06AX13', false, false, 'tablet', 20, 'Nahdi Medical', 'near'),
  (14, 'DICL-50', 'medicine', 'ديكلوفيناك الصوديوم', 'Diclofenac sodium', 'فولتارين', 'Voltaren', '50 mg', 'tablet', 'oral', 'M01AB05', true, false, 'tablet', 20, 'Novartis Saudi', 'ok'),
  (15, 'CIPR-500', 'medicine', 'سيبروفلوكساسين', 'Ciprofloxacin', 'سيبروباي', 'Ciprobay', '500 mg', 'tablet', 'oral', 'J01MA02', true, false, 'tablet', 10, 'Bayer Saudi', 'ok'),
  (16, 'METR-500', 'medicine', 'ميترونيدازول', 'Metronidazole', 'فلاجيل', 'Flagyl', '500 mg', 'tablet', 'oral', 'P01AB01', true, false, 'tablet', 20, 'Sanofi Saudi', 'ok'),
  (17, 'ESOM-40', 'medicine', 'إيزوميبرازول', 'Esomeprazole', 'نيكسيوم', 'Nexium', '40 mg', 'tablet', 'oral', 'A02BC05', true, false, 'tablet', 14, 'AstraZeneca Saudi', 'ok'),
  (18, 'PANT-40', 'medicine', 'بانتوبرازول', 'Pantoprazole', 'كونترولوك', 'Controloc', '40 mg', 'tablet', 'oral', 'A02BC02', true, false, 'tablet', 14, 'Takeda Saudi', 'ok'),
  (19, 'FAMO-20', 'medicine', 'فاموتيدين', 'Famotidine', 'بيبسيد', 'Pepcid', '20 mg', 'tablet', 'oral', 'A02BA03', false, false, 'tablet', 20, 'Nahdi Medical', 'ok'),
  (20, 'LOPE-2', 'medicine', 'لوبيراميد', 'Loperamide', 'إيموديوم', 'Imodium', '2 mg', 'capsule', 'oral', 'A07DA03', false, false, 'capsule', 6, 'Janssen Saudi', 'ok'),
  (21, 'DOMP-10', 'medicine', 'دومبيريدون', 'Domperidone', 'موتيليوم', 'Motilium', '10 mg', 'tablet', 'oral', 'A03FA03', true, false, 'tablet', 30, 'Janssen Saudi', 'ok'),
  (22, 'INSG-100', 'medicine', 'إنسولين جلارجين', 'Insulin glargine', 'لانتوس', 'Lantus', '100 IU/ml', 'pen', 'subcutaneous', 'A10AE04', true, false, 'pen', 5, 'Sanofi Saudi', 'low'),
  (23, 'LEVO-50', 'medicine', 'ليفوثيروكسين', 'Levothyroxine', 'يوثيروكس', 'Euthyrox', '50 mcg', 'tablet', 'oral', 'H03AA01', true, false, 'tablet', 100, 'Merck Saudi', 'ok'),
  (24, 'PRED-5', 'medicine', 'بريدنيزولون', 'Prednisolone', NULL, NULL, '5 mg', 'tablet', 'oral', 'H02AB06', true, false, 'tablet', 30, 'SPIMACO', 'ok'),
  (25, 'MONT-10', 'medicine', 'مونتيلوكاست', 'Montelukast', 'سينجولير', 'Singulair', '10 mg', 'tablet', 'oral', 'R03DC03', true, false, 'tablet', 28, 'MSD Saudi', 'ok'),
  (26, 'FLUT-50', 'medicine', 'فلوتيكازون', 'Fluticasone', 'فليكسونيز', 'Flixonase', '50 mcg/spray', 'nasal spray', 'nasal', 'R01AD08', true, false, 'bottle', 1, 'GSK Saudi', 'ok'),
  (27, 'CLOP-75', 'medicine', 'كلوبيدوغريل', 'Clopidogrel', 'بلافيكس', 'Plavix', '75 mg', 'tablet', 'oral', 'B01AC04', true, false, 'tablet', 28, 'Sanofi Saudi', 'ok'),
  (28, 'ASPI-81', 'medicine', 'أسبرين', 'Aspirin', 'أسبوسيد', 'Aspocid', '81 mg', 'tablet', 'oral', 'B01AC06', false, false, 'tablet', 30, 'SPIMACO', 'near'),
  (29, 'BISO-5', 'medicine', 'بيسوبرولول', 'Bisoprolol', 'كونكور', 'Concor', '5 mg', 'tablet', 'oral', 'C07AB07', true, false, 'tablet', 30, 'Merck Saudi', 'ok'),
  (30, 'ENAL-10', 'medicine', 'إنالابريل', 'Enalapril', 'رينيتك', 'Renitec', '10 mg', 'tablet', 'oral', 'C09AA02', true, false, 'tablet', 20, 'MSD Saudi', 'ok'),
  (31, 'HCTZ-25', 'medicine', 'هيدروكلوروثيازيد', 'Hydrochlorothiazide', NULL, NULL, '25 mg', 'tablet', 'oral', 'C03AA03', true, false, 'tablet', 30, 'SPIMACO', 'ok'),
  (32, 'FURO-40', 'medicine', 'فوروسيميد', 'Furosemide', 'لازكس', 'Lasix', '40 mg', 'tablet', 'oral', 'C03CA01', true, false, 'tablet', 20, 'Sanofi Saudi', 'ok'),
  (33, 'WARF-5', 'medicine', 'وارفارين', 'Warfarin', 'ماريفان', 'Marevan', '5 mg', 'tablet', 'oral', 'B01AA03', true, false, 'tablet', 100, 'Tabuk Pharmaceuticals', 'low'),
  (34, 'GLIC-80', 'medicine', 'جليكلازيد', 'Gliclazide', 'دياميكرون', 'Diamicron', '80 mg', 'tablet', 'oral', 'A10BB09', true, false, 'tablet', 60, 'Servier Saudi', 'ok'),
  (35, 'SITA-100', 'medicine', 'سيتاجليبتين', 'Sitagliptin', 'جانوفيا', 'Januvia', '100 mg', 'tablet', 'oral', 'A10BH01', true, false, 'tablet', 28, 'MSD Saudi', 'ok'),
  (36, 'VITD-50K', 'medicine', 'فيتامين د٣ (كوليكالسيفيرول)', 'Vitamin D3 (colecalciferol)', NULL, NULL, '50000 IU', 'capsule', 'oral', 'A11CC05', false, false, 'capsule', 4, 'Jamjoom Pharma', 'ok'),
  (37, 'FOLI-5', 'medicine', 'حمض الفوليك', 'Folic acid', NULL, NULL, '5 mg', 'tablet', 'oral', 'B03BB01', false, false, 'tablet', 30, 'Jamjoom Pharma', 'ok'),
  (38, 'FESO-200', 'medicine', 'كبريتات الحديدوز', 'Ferrous sulfate', NULL, NULL, '200 mg', 'tablet', 'oral', 'B03AA07', false, false, 'tablet', 30, 'Jamjoom Pharma', 'ok'),
  (39, 'ORS-SACH', 'medicine', 'أملاح الإماهة الفموية', 'Oral rehydration salts', NULL, NULL, '20.5 g', 'sachet', 'oral', 'A07CA', false, false, 'sachet', 10, 'SPIMACO', 'ok'),
  (40, 'PARA-SYR', 'medicine', 'باراسيتامول شراب', 'Paracetamol syrup', 'أدول', 'Adol', '120 mg/5 ml', 'syrup', 'oral', 'N02BE01', false, false, 'bottle', 1, 'Julphar', 'near'),
  (41, 'IBU-SUSP', 'medicine', 'إيبوبروفين معلّق', 'Ibuprofen suspension', NULL, NULL, '100 mg/5 ml', 'suspension', 'oral', 'M01AE01', false, false, 'bottle', 1, 'Julphar', 'ok'),
  (42, 'AMOX-SUSP', 'medicine', 'أموكسيسيلين معلّق', 'Amoxicillin suspension', NULL, NULL, '250 mg/5 ml', 'suspension', 'oral', 'J01CA04', true, false, 'bottle', 1, 'SPIMACO', 'ok'),
  (43, 'CHLX-MW', 'medicine', 'كلورهيكسيدين غسول للفم', 'Chlorhexidine mouthwash', NULL, NULL, '0.12%', 'mouthwash', 'oral', 'A01AB03', false, false, 'bottle', 1, 'Jamjoom Pharma', 'ok'),
  (44, 'LIDO-ADR', 'medicine', 'ليدوكايين ٢٪ مع الأدرينالين', 'Lidocaine 2% with adrenaline', NULL, NULL, '2%', 'cartridge', 'dental injection', 'N01BB52', true, false, 'cartridge', 50, 'Septodont', 'ok'),
  (45, 'ARTI-ADR', 'medicine', 'أرتيكايين ٤٪ مع الأدرينالين', 'Articaine 4% with adrenaline', 'سبتانيست', 'Septanest', '4%', 'cartridge', 'dental injection', 'N01BB58', true, false, 'cartridge', 50, 'Septodont', 'low'),
  (46, 'TRAM-50', 'medicine', 'ترامادول', 'Tramadol', NULL, NULL, '50 mg', 'capsule', 'oral', 'N02AX02', true, true, 'capsule', 20, 'SPIMACO', 'ok'),
  (47, 'DIAZ-5', 'medicine', 'ديازيبام', 'Diazepam', 'فاليوم', 'Valium', '5 mg', 'tablet', 'oral', 'N05BA01', true, true, 'tablet', 20, 'Roche Saudi', 'ok'),
  (48, 'HYDC-CRM', 'medicine', 'هيدروكورتيزون كريم', 'Hydrocortisone cream', NULL, NULL, '1%', 'cream', 'topical', 'D07AA02', false, false, 'tube', 1, 'Jamjoom Pharma', 'ok'),
  (49, 'FUSI-CRM', 'medicine', 'حمض الفوسيديك كريم', 'Fusidic acid cream', 'فيوسيدين', 'Fucidin', '2%', 'cream', 'topical', 'D06AX01', true, false, 'tube', 1, 'LEO Pharma', 'ok'),
  (50, 'CLOT-CRM', 'medicine', 'كلوتريمازول كريم', 'Clotrimazole cream', 'كانستين', 'Canesten', '1%', 'cream', 'topical', 'D01AC01', false, false, 'tube', 1, 'Bayer Saudi', 'ok'),
  (51, 'MEFE-500', 'medicine', 'حمض الميفيناميك', 'Mefenamic acid', 'بونستان', 'Ponstan', '500 mg', 'tablet', 'oral', 'M01AG01', true, false, 'tablet', 20, 'Pfizer Saudi', 'ok'),
  (52, 'XYLO-NAS', 'medicine', 'زايلوميتازولين', 'Xylometazoline', 'أوترفين', 'Otrivin', '0.1%', 'nasal drops', 'nasal', 'R01AA07', false, false, 'bottle', 1, 'Novartis Saudi', 'ok'),
  (61, 'GLOV-NIT-M', 'supply', 'قفازات فحص نتريل (مقاس متوسط)', 'Nitrile examination gloves (M)', NULL, NULL, NULL, NULL, NULL, NULL, false, false, 'piece', 100, 'Saudi Dental Supplies', 'low'),
  (62, 'MASK-SURG', 'supply', 'كمامات طبية', 'Surgical face masks', NULL, NULL, NULL, NULL, NULL, NULL, false, false, 'piece', 50, 'Saudi Dental Supplies', 'ok'),
  (63, 'COMP-A2', 'supply', 'حشوة كومبوزيت لون A2', 'Composite resin A2', NULL, NULL, '4 g', 'syringe', NULL, NULL, false, false, 'syringe', 1, 'Dentsply Sirona', 'ok'),
  (64, 'GIC-KIT', 'supply', 'إسمنت الزجاج الأيونومري', 'Glass ionomer cement', NULL, NULL, NULL, 'kit', NULL, NULL, false, false, 'kit', 1, 'GC Corporation', 'near'),
  (65, 'ALGI-500', 'supply', 'ألجينات طبعات الأسنان', 'Alginate impression material', NULL, NULL, '500 g', 'bag', NULL, NULL, false, false, 'bag', 1, 'Zhermack', 'ok'),
  (66, 'COTT-ROLL', 'supply', 'لفائف القطن', 'Cotton rolls', NULL, NULL, NULL, NULL, NULL, NULL, false, false, 'piece', 1000, 'Saudi Dental Supplies', 'ok'),
  (67, 'SALI-EJ', 'supply', 'شفاطات اللعاب', 'Saliva ejectors', NULL, NULL, NULL, NULL, NULL, NULL, false, false, 'piece', 100, 'Saudi Dental Supplies', 'low'),
  (68, 'KFIL-25', 'supply', 'مبارد علاج العصب (K-file رقم ٢٥)', 'Endodontic K-files #25', NULL, NULL, '25 mm', NULL, NULL, NULL, false, false, 'piece', 6, 'Dentsply Sirona', 'ok'),
  (69, 'GUTT-PT', 'supply', 'أقماع الغوتا بيركا', 'Gutta-percha points', NULL, NULL, NULL, NULL, NULL, NULL, false, false, 'piece', 120, 'Dentsply Sirona', 'ok'),
  (70, 'NEED-27G', 'supply', 'إبر تخدير الأسنان 27G', 'Dental needles 27G', NULL, NULL, '27G', NULL, NULL, NULL, false, false, 'piece', 100, 'Septodont', 'ok'),
  (71, 'STER-POUCH', 'supply', 'أكياس التعقيم', 'Sterilization pouches', NULL, NULL, NULL, NULL, NULL, NULL, false, false, 'piece', 200, 'Saudi Dental Supplies', 'ok'),
  (72, 'BOND-5ML', 'supply', 'مادة الربط السنية', 'Dental bonding agent', NULL, NULL, '5 ml', 'bottle', NULL, NULL, false, false, 'bottle', 1, '3M Saudi', 'near')
) AS v (n, code, kind, gar, gen, bar, ben, strength, form, route, atc, rx, ctl, unit, pack, supplier, plan);

--changeset moeen:demo-030-pharmacy-stock context:demo
-- Reorder levels first (so receiving at or below them raises the demo's low-stock alerts), then
-- every batch received by the store keeper through moves, as the service would.
CREATE TEMPORARY TABLE demo_stock AS
SELECT i.id AS item_id, ('00000000-0000-4020-8000-00000000000' || CASE WHEN i.kind = 'supply' OR i.code IN ('LIDO-ADR', 'ARTI-ADR') THEN '2' ELSE '1' END)::uuid AS store_id,
       CASE WHEN i.unit IN ('tablet', 'capsule', 'piece') THEN 100 ELSE 10 END AS reorder_level,
       CASE WHEN i.code IN ('IBU-400', 'ATOR-20', 'LORA-10', 'ASPI-81', 'PARA-SYR', 'GIC-KIT', 'BOND-5ML') THEN 'near'
            WHEN i.code IN ('AMCL-625', 'SALB-100', 'INSG-100', 'WARF-5', 'ARTI-ADR', 'GLOV-NIT-M', 'SALI-EJ') THEN 'low'
            ELSE 'ok' END AS plan,
       row_number() OVER (ORDER BY i.code) AS k
FROM inventory_items i WHERE i.id::text LIKE '00000000-0000-4020-8000-%';

INSERT INTO inventory_stock_levels (store_id, item_id, reorder_level, reorder_quantity)
SELECT store_id, item_id, reorder_level, reorder_level * 3 FROM demo_stock;

-- ok: two batches, plenty; near: a batch within the 90-day warning, then a later one; low: one
-- batch at (or half of) the reorder level.
INSERT INTO inventory_batches (id, store_id, item_id, lot_number, expiry_date, unit_cost, received_at)
SELECT gen_random_uuid(), d.store_id, d.item_id, b.lot, b.expiry, b.cost, now() - interval '30 days'
FROM demo_stock d
CROSS JOIN LATERAL (VALUES
  ('L' || lpad(d.k::text, 3, '0') || 'A', current_date + CASE d.plan WHEN 'near' THEN 40 + (d.k % 40)::int ELSE 200 + (d.k * 7 % 300)::int END,
   round((0.35 + (d.k % 9) * 0.4)::numeric, 2)),
  ('L' || lpad(d.k::text, 3, '0') || 'B', current_date + 540 + (d.k % 60)::int, round((0.40 + (d.k % 9) * 0.4)::numeric, 2))
) AS b (lot, expiry, cost)
WHERE d.plan <> 'low' OR b.lot LIKE '%A';

INSERT INTO inventory_moves (kind, store_id, item_id, batch_id, quantity, unit_cost, reference, supplier, actor_id, created_at)
SELECT 'receive', b.store_id, b.item_id, b.id,
       CASE WHEN d.plan = 'low' THEN CASE WHEN d.k % 2 = 0 THEN d.reorder_level ELSE d.reorder_level / 2 END
            WHEN b.lot_number LIKE '%A' THEN d.reorder_level * 2 ELSE d.reorder_level * 4 END,
       b.unit_cost, 'PO-DEMO-' || lpad(d.k::text, 4, '0'), i.supplier, '00000000-0000-4000-8000-000000000021', b.received_at
FROM inventory_batches b JOIN demo_stock d ON d.item_id = b.item_id AND d.store_id = b.store_id
JOIN inventory_items i ON i.id = b.item_id
ORDER BY b.store_id, b.item_id, b.lot_number;

SELECT inventory_expiry_sweep(current_date, NULL);
DROP TABLE demo_stock;

-- The demo's alerts arrive already delivered to the inbox (and by e-mail to no one): a fresh
-- start shows them, and no dispatcher round has demo rows to send.
DELETE FROM notifications WHERE event_type IN ('inventory_low_stock', 'inventory_expiry_warning') AND channel <> 'in_app';
UPDATE notifications SET status = 'delivered', delivered_at = now()
WHERE event_type IN ('inventory_low_stock', 'inventory_expiry_warning');
