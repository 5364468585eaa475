-- pgbench script: the statements of one POST /v1/pharmacy/dispenses (dispensing.sql in
-- src/main/resources/io/moeen/pharmacy, written out by hand; keep in step), sent as the service sends
-- them: the key's replay check in its own transaction; BEGIN; the session settings (SessionContext); the key's claim; the store; the items; the dispense, its line and
-- the FEFO pick with its moves (whose trigger keeps the balances); the key's answer stored; COMMIT; then the two reads of the
-- answer. One line of 1–3 units of a random generated item (PharmacyBench seeds them), as the demo
-- pharmacist. The one extra round trip is the dispense id (the service makes it in Java). As the
-- service's role:
--   PGOPTIONS='-c role=moeen_app' pgbench -n -M prepared -f bench/sql/dispense.sql -D items=5000 -c 8 -j 2 -T 10 ...
\set n random(1, :items)
\set q random(1, 3)
SELECT gen_random_uuid() AS did, ('00000000-0000-4020-b000-' || lpad(:n::text, 12, '0')) AS item \gset
BEGIN;
SELECT set_config('app.user_id', '00000000-0000-4000-8000-000000000020', true), set_config('app.role', 'pharmacist', true), set_config('app.patient_access', 'any', true), set_config('app.audit_access', 'none', true), set_config('app.request_id', 'bench', true), set_config('app.ip', '127.0.0.1', true), set_config('app.lead_access', 'none', true);
SELECT request_hash, state, response_status, response_body FROM idempotency_keys WHERE scope = 'pharmacy.dispense.bench' AND key = :did::text AND expires_at > now();
COMMIT;
BEGIN;
SELECT set_config('app.user_id', '00000000-0000-4000-8000-000000000020', true), set_config('app.role', 'pharmacist', true), set_config('app.patient_access', 'any', true), set_config('app.audit_access', 'none', true), set_config('app.request_id', 'bench', true), set_config('app.ip', '127.0.0.1', true), set_config('app.lead_access', 'none', true);
DELETE FROM idempotency_keys WHERE scope = 'pharmacy.dispense.bench' AND key = :did::text AND expires_at <= now();
INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ('pharmacy.dispense.bench', :did::text, md5(:did::text));
SELECT id, is_active FROM inventory_stores WHERE id = '00000000-0000-4020-8000-000000000001';
SELECT id, whole_units, is_active, is_prescription_only, is_controlled, generic_name_ar, generic_name_en, strength FROM inventory_items WHERE id = ANY(ARRAY[:item::uuid]);
INSERT INTO inventory_dispenses (id, store_id, patient_id, customer_name, external_prescription, notes, collector_name, collector_id_number, dispensed_by, dispensed_at) VALUES (:did::uuid, '00000000-0000-4020-8000-000000000001', NULL, 'bench', NULL, NULL, NULL, NULL, '00000000-0000-4000-8000-000000000020', now());
INSERT INTO inventory_dispense_lines (dispense_id, item_id, quantity, prescription_id) VALUES (:did::uuid, :item::uuid, :q, NULL);
WITH lot AS ( SELECT id, quantity, unit_cost, expiry_date, received_at FROM inventory_batches WHERE store_id = '00000000-0000-4020-8000-000000000001' AND item_id = :item::uuid AND quantity > 0 AND expiry_date > current_date ORDER BY expiry_date, received_at, id FOR UPDATE ), ranked AS ( SELECT id, quantity, unit_cost, expiry_date, received_at, coalesce(sum(quantity) OVER (ORDER BY expiry_date, received_at, id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before FROM lot ), picks AS ( SELECT id, least(quantity, :q::numeric - before) AS take, unit_cost FROM ranked WHERE before < :q::numeric ) INSERT INTO inventory_moves (kind, store_id, item_id, batch_id, quantity, unit_cost, dispense_id, actor_id) SELECT 'dispense', '00000000-0000-4020-8000-000000000001', :item::uuid, id, -take, unit_cost, :did::uuid, '00000000-0000-4000-8000-000000000020' FROM picks RETURNING batch_id, -quantity AS taken, unit_cost;
UPDATE idempotency_keys SET state = 'completed', response_status = 201, response_body = jsonb_build_object('id', :did::text) WHERE scope = 'pharmacy.dispense.bench' AND key = :did::text;
COMMIT;
SELECT d.id, d.store_id, d.patient_id, d.customer_name, d.external_prescription, d.notes, d.collector_name, d.collector_id_number, d.dispensed_by, d.dispensed_at, s.location_id, s.name_ar AS store_name_ar, s.name_en AS store_name_en FROM inventory_dispenses d JOIN inventory_stores s ON s.id = d.store_id WHERE d.id = :did::uuid;
SELECT m.item_id, m.batch_id, -m.quantity AS quantity, m.unit_cost, b.lot_number, b.expiry_date, i.code, i.kind, i.generic_name_ar, i.generic_name_en, i.strength, i.unit, i.sale_price, l.prescription_id, (SELECT r.encounter_id FROM prescriptions r WHERE r.id = l.prescription_id) AS encounter_id, EXISTS (SELECT 1 FROM inventory_allergy_overrides o WHERE o.dispense_id = m.dispense_id AND o.item_id = m.item_id) AS allergy_overridden FROM inventory_moves m JOIN inventory_batches b ON b.id = m.batch_id JOIN inventory_items i ON i.id = m.item_id JOIN inventory_dispense_lines l ON l.dispense_id = m.dispense_id AND l.item_id = m.item_id WHERE m.dispense_id = :did::uuid AND m.kind = 'dispense' ORDER BY i.code, b.expiry_date, m.seq;
