--liquibase formatted sql

--changeset moeen:033-pharmacy-suppliers
-- Suppliers as records (they were text on the item and on each receipt): names in Arabic and English, a
-- contact, and the VAT number their invoices carry (Saudi: 15 digits, first and last 3).
CREATE TABLE inventory_suppliers (
  id            uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  name_ar       text         NOT NULL CHECK (length(name_ar) BETWEEN 1 AND 200),
  name_en       text         NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
  contact_name  text         CHECK (length(contact_name) BETWEEN 1 AND 200),
  phone         varchar(20)  CHECK (phone ~ '^\+[1-9][0-9]{7,14}$'),
  email         varchar(254) CHECK (email ~ '^[^@\s]+@[^@\s]+$'),
  vat_number    varchar(15)  CONSTRAINT inventory_suppliers_vat_number CHECK (vat_number ~ '^3[0-9]{13}3$'),
  is_active     boolean      NOT NULL DEFAULT true,
  search_text   text         GENERATED ALWAYS AS (normalize_search_text(name_ar || ' ' || name_en || ' '
                               || coalesce(vat_number, ''))) STORED,
  created_at    timestamptz  NOT NULL DEFAULT now(),
  updated_at    timestamptz  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX inventory_suppliers_name ON inventory_suppliers (normalize_search_text(name_en));
CREATE INDEX inventory_suppliers_search ON inventory_suppliers USING gin (search_text gin_trgm_ops);
CREATE TRIGGER inventory_suppliers_updated_at BEFORE UPDATE ON inventory_suppliers FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
CREATE TRIGGER inventory_suppliers_audit AFTER INSERT OR UPDATE ON inventory_suppliers FOR EACH ROW EXECUTE FUNCTION audit_row_change();

-- Every supplier named so far becomes a record (its Arabic name the same text until someone corrects it).
INSERT INTO inventory_suppliers (name_ar, name_en)
SELECT min(s.name), min(s.name) FROM (SELECT supplier AS name FROM inventory_items UNION SELECT supplier FROM inventory_moves) s
WHERE s.name IS NOT NULL AND btrim(s.name) <> '' GROUP BY normalize_search_text(s.name);

ALTER TABLE inventory_items ADD COLUMN supplier_id uuid CONSTRAINT inventory_items_supplier REFERENCES inventory_suppliers (id);
UPDATE inventory_items i SET supplier_id = s.id FROM inventory_suppliers s
WHERE normalize_search_text(s.name_en) = normalize_search_text(i.supplier);
-- The old text column stays, unused by the service: demo data written against the older shape (030) may still
-- arrive later, when a database first migrated without demo data turns it on; 034 then makes its records.
COMMENT ON COLUMN inventory_items.supplier IS 'Superseded by supplier_id (033); read only by the demo''s catch-up in 034.';

-- A receipt names its supplier record; the text column stays for the history written before (append-only).
ALTER TABLE inventory_moves ADD COLUMN supplier_id uuid CONSTRAINT inventory_moves_supplier REFERENCES inventory_suppliers (id);
ALTER TABLE inventory_moves DISABLE TRIGGER inventory_moves_no_update;
UPDATE inventory_moves m SET supplier_id = s.id FROM inventory_suppliers s
WHERE normalize_search_text(s.name_en) = normalize_search_text(m.supplier);
ALTER TABLE inventory_moves ENABLE TRIGGER inventory_moves_no_update;
CREATE INDEX inventory_moves_supplier ON inventory_moves (supplier_id) WHERE supplier_id IS NOT NULL;

--changeset moeen:033-pharmacy-sale-price
-- What the clinic charges for one unit (SAR, before VAT): carried on the dispense event for billing.
ALTER TABLE inventory_items ADD COLUMN sale_price numeric(12,2) CHECK (sale_price >= 0);
