--liquibase formatted sql

--changeset moeen:045-billing-access
-- The cashier takes payments at the desk; reception drafts and issues; the accountant reads the reports.
-- Doctors hold no billing permission: they see no money.
INSERT INTO roles (code, name_ar, name_en, is_system) VALUES ('cashier', 'أمين الصندوق', 'Cashier', true);
INSERT INTO permissions (code, description_en, description_ar) VALUES
  ('billing.reports.read', 'Read billing reports, VAT totals and every cashier''s cash-up', 'الاطلاع على تقارير الفوترة وإجماليات الضريبة وتسويات جميع الصناديق'),
  ('billing.settings.manage', 'Manage the seller details printed on invoices (VAT number, address)', 'إدارة بيانات البائع في الفواتير (الرقم الضريبي والعنوان)');
INSERT INTO role_permissions (role_id, permission_id)
SELECT r.id, p.id FROM roles r JOIN permissions p ON
  (r.code = 'cashier' AND p.code IN ('patients.read.any', 'billing.read.any', 'billing.write.any', 'notifications.read.own'))
  OR (r.code = 'receptionist' AND p.code IN ('billing.write.any'))
  OR (r.code = 'accountant' AND p.code IN ('billing.reports.read', 'billing.settings.manage'))
  OR (r.code = 'supervisor' AND p.code IN ('billing.reports.read'))
  OR (r.code = 'admin' AND p.code IN ('billing.reports.read', 'billing.settings.manage'))
  -- a family member reads invoices only of patients who granted the scope billing.read (checked in code)
  OR (r.code = 'family_member' AND p.code IN ('billing.read.own'))
ON CONFLICT DO NOTHING;

--changeset moeen:045-billing-sellers
-- The seller as ZATCA knows it, per branch: legal name, VAT registration (15 digits, first and last 3),
-- commercial registration and the national address printed on invoices; prefix of the branch's numbers.
CREATE TABLE billing_sellers (
  location_id             uuid        PRIMARY KEY REFERENCES clinic_locations (id) ON DELETE CASCADE,
  name_ar                 text        NOT NULL CHECK (length(name_ar) BETWEEN 1 AND 200),
  name_en                 text        NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
  vat_number              char(15)    NOT NULL CONSTRAINT billing_sellers_vat_number CHECK (vat_number ~ '^3[0-9]{13}3$'),
  commercial_registration varchar(10) CHECK (commercial_registration ~ '^[0-9]{10}$'),
  street                  text,
  building_number         varchar(4)  CHECK (building_number ~ '^[0-9]{4}$'),
  district                text,
  city                    text,
  postal_code             varchar(5)  CHECK (postal_code ~ '^[0-9]{5}$'),
  invoice_prefix          varchar(12) NOT NULL CHECK (invoice_prefix ~ '^[A-Z0-9]{1,12}$'),
  created_at              timestamptz NOT NULL DEFAULT now(),
  updated_at              timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER billing_sellers_updated_at BEFORE UPDATE ON billing_sellers FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

--changeset moeen:045-billing-invoices
-- Invoices, credit notes and debit notes (kind). A note refers to the issued invoice it corrects.
-- Numbers are gapless per branch, kind and year (invoice_counters, taken in the issuing transaction).
CREATE TABLE invoices (
  id                  uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  kind                varchar(12) NOT NULL DEFAULT 'invoice' CHECK (kind IN ('invoice', 'credit_note', 'debit_note')),
  original_invoice_id uuid        REFERENCES invoices (id),
  note_reason         text        CHECK (length(note_reason) BETWEEN 1 AND 500),
  patient_id          uuid        NOT NULL REFERENCES patients (id),
  appointment_id      uuid        REFERENCES appointments (id),
  location_id         uuid        NOT NULL REFERENCES clinic_locations (id),
  status              varchar(16) NOT NULL DEFAULT 'draft'
                                  CHECK (status IN ('draft', 'issued', 'paid', 'partially_paid', 'cancelled')),
  number              varchar(40) UNIQUE,
  series_year         integer,
  series_no           integer     CHECK (series_no >= 1),
  issued_at           timestamptz,
  issued_by           uuid        REFERENCES users (id),
  -- the buyer as printed, copied from the patient at issue (the citizen zero rate needs name and national id)
  buyer_name          text,
  buyer_national_id   varchar(20),
  buyer_vat_number    char(15)    CONSTRAINT invoices_buyer_vat_number CHECK (buyer_vat_number ~ '^3[0-9]{13}3$'),
  currency            char(3)     NOT NULL DEFAULT 'SAR' CHECK (currency = 'SAR'),
  qr                  text,
  notes               text        CHECK (length(notes) <= 2000),
  created_by          uuid        REFERENCES users (id),
  cancelled_at        timestamptz,
  cancelled_by        uuid        REFERENCES users (id),
  version             integer     NOT NULL DEFAULT 1,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT invoices_note_refers CHECK ((kind = 'invoice') = (original_invoice_id IS NULL)),
  CONSTRAINT invoices_note_reason CHECK (kind = 'invoice' OR note_reason IS NOT NULL),
  CONSTRAINT invoices_number_when_issued CHECK ((number IS NULL) = (issued_at IS NULL)
    AND (number IS NULL) = (series_no IS NULL) AND (status <> 'draft' OR number IS NULL)
    AND (status IN ('draft', 'cancelled') OR number IS NOT NULL)),
  CONSTRAINT invoices_series_unique UNIQUE (location_id, kind, series_year, series_no)
);
CREATE INDEX invoices_patient ON invoices (patient_id, created_at DESC);
CREATE INDEX invoices_status ON invoices (status, issued_at);
CREATE INDEX invoices_original ON invoices (original_invoice_id) WHERE original_invoice_id IS NOT NULL;
-- completing an appointment drafts one invoice for it, once
CREATE UNIQUE INDEX invoices_one_per_appointment ON invoices (appointment_id)
  WHERE kind = 'invoice' AND appointment_id IS NOT NULL AND status <> 'cancelled';
CREATE TRIGGER invoices_updated_at BEFORE UPDATE ON invoices FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
CREATE TRIGGER invoices_audit AFTER INSERT OR UPDATE OR DELETE ON invoices FOR EACH ROW EXECUTE FUNCTION audit_row_change();

CREATE TABLE invoice_counters (
  location_id uuid        NOT NULL REFERENCES clinic_locations (id) ON DELETE CASCADE,
  kind        varchar(12) NOT NULL,
  year        integer     NOT NULL,
  last_no     integer     NOT NULL CHECK (last_no >= 1),
  PRIMARY KEY (location_id, kind, year)
);

-- Money is exact: numeric SAR with halalas; every derived amount is a generated column, rounded per line
-- (half away from zero, as ZATCA rounds), so nobody can type a total in.
-- source_kind/source_ref name what a line bills: a catalogue service, a stock item, free text; clinical
-- (procedure, encounter) and pharmacy (dispensed prescription) lines land with those features.
CREATE TABLE invoice_lines (
  invoice_id     uuid          NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
  line_no        integer       NOT NULL CHECK (line_no >= 1),
  source_kind    varchar(16)   NOT NULL CHECK (source_kind IN ('service', 'item', 'free_text', 'clinical', 'pharmacy')),
  source_ref     varchar(100),
  service_id     uuid          REFERENCES services (id),
  description_ar text          NOT NULL CHECK (length(description_ar) BETWEEN 1 AND 300),
  description_en text          NOT NULL CHECK (length(description_en) BETWEEN 1 AND 300),
  quantity       numeric(10,3) NOT NULL CONSTRAINT invoice_lines_quantity_positive CHECK (quantity > 0),
  unit_price     numeric(12,2) NOT NULL CONSTRAINT invoice_lines_price_not_negative CHECK (unit_price >= 0),
  discount       numeric(12,2) NOT NULL DEFAULT 0 CONSTRAINT invoice_lines_discount_not_negative CHECK (discount >= 0),
  -- ZATCA tax categories: S standard, Z zero rated, E exempt, O out of scope; rate in percent
  vat_category   char(1)       NOT NULL CHECK (vat_category IN ('S', 'Z', 'E', 'O')),
  vat_rate       numeric(5,2)  NOT NULL CHECK (vat_rate >= 0 AND vat_rate < 100),
  exemption_code varchar(20),
  gross          numeric(14,2) GENERATED ALWAYS AS (round(quantity * unit_price, 2)) STORED,
  net            numeric(14,2) GENERATED ALWAYS AS (round(quantity * unit_price, 2) - discount) STORED,
  vat            numeric(14,2) GENERATED ALWAYS AS (round((round(quantity * unit_price, 2) - discount) * vat_rate / 100, 2)) STORED,
  total          numeric(14,2) GENERATED ALWAYS AS (round(quantity * unit_price, 2) - discount
                                 + round((round(quantity * unit_price, 2) - discount) * vat_rate / 100, 2)) STORED,
  created_at     timestamptz   NOT NULL DEFAULT now(),
  CONSTRAINT invoice_lines_pkey PRIMARY KEY (invoice_id, line_no) DEFERRABLE INITIALLY IMMEDIATE,
  CONSTRAINT invoice_lines_discount_within_line CHECK (discount <= round(quantity * unit_price, 2)),
  CONSTRAINT invoice_lines_rate_matches_category CHECK ((vat_category = 'S') = (vat_rate > 0)),
  CONSTRAINT invoice_lines_exemption CHECK ((vat_category = 'S') = (exemption_code IS NULL))
);

CREATE TABLE payments (
  id              uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
  invoice_id      uuid          NOT NULL REFERENCES invoices (id),
  patient_id      uuid          NOT NULL REFERENCES patients (id),
  kind            varchar(8)    NOT NULL CHECK (kind IN ('payment', 'refund')),
  method          varchar(16)   NOT NULL CHECK (method IN ('cash', 'card', 'mada', 'bank_transfer', 'insurance')),
  amount          numeric(12,2) NOT NULL CONSTRAINT payments_amount_positive CHECK (amount > 0),
  reference       varchar(100),
  reason          text          CHECK (length(reason) <= 500),
  received_by     uuid          NOT NULL REFERENCES users (id),
  received_at     timestamptz   NOT NULL,
  idempotency_key varchar(200),
  created_at      timestamptz   NOT NULL DEFAULT now(),
  CONSTRAINT payments_reference_required CHECK (method = 'cash' OR reference IS NOT NULL)
);
CREATE INDEX payments_invoice ON payments (invoice_id);
CREATE INDEX payments_cashier_day ON payments (received_by, received_at);
CREATE TRIGGER payments_audit AFTER INSERT OR UPDATE OR DELETE ON payments FOR EACH ROW EXECUTE FUNCTION audit_row_change();

--changeset moeen:045-billing-rules splitStatements:false
-- The VAT a line carries: the standard rate (clinic.vat_rate) unless it is a healthcare service to a Saudi
-- citizen (national id starting with 1; 2 is an iqama): zero rated, VATEX-SA-HEA. One place for the rule.
CREATE OR REPLACE FUNCTION billing_vat_for(patient uuid, line_kind text)
RETURNS TABLE (vat_category char(1), vat_rate numeric, exemption_code varchar)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT CASE WHEN citizen THEN 'Z' ELSE 'S' END::char(1),
         CASE WHEN citizen THEN 0 ELSE rate END,
         CASE WHEN citizen THEN 'VATEX-SA-HEA' END::varchar
  FROM (SELECT coalesce((SELECT p.national_id LIKE '1%' FROM patients p WHERE p.id = patient), false)
                 AND line_kind IN ('service', 'clinical') AS citizen,
               coalesce((SELECT (s.value #>> '{}')::numeric * 100 FROM system_settings s WHERE s.key = 'clinic.vat_rate'), 15)
                 AS rate) r
$$;
REVOKE ALL ON FUNCTION billing_vat_for(uuid, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION billing_vat_for(uuid, text) TO moeen_app;

-- What the patient owes on an invoice: its total, plus issued debit notes, minus issued credit notes,
-- minus payments, plus refunds.
CREATE OR REPLACE FUNCTION invoice_balance(invoice uuid) RETURNS numeric
LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT sum(l.total) FROM invoice_lines l WHERE l.invoice_id = invoice), 0)
       + coalesce((SELECT sum(l.total) FROM invoices n JOIN invoice_lines l ON l.invoice_id = n.id
                   WHERE n.original_invoice_id = invoice AND n.kind = 'debit_note' AND n.number IS NOT NULL), 0)
       - coalesce((SELECT sum(l.total) FROM invoices n JOIN invoice_lines l ON l.invoice_id = n.id
                   WHERE n.original_invoice_id = invoice AND n.kind = 'credit_note' AND n.number IS NOT NULL), 0)
       - coalesce((SELECT sum(p.amount) FROM payments p WHERE p.invoice_id = invoice AND p.kind = 'payment'), 0)
       + coalesce((SELECT sum(p.amount) FROM payments p WHERE p.invoice_id = invoice AND p.kind = 'refund'), 0)
$$;

-- After a payment, refund or note: paid (nothing owed, something paid), cancelled (nothing owed, nothing
-- kept: fully credited), partially_paid, or issued. Drafts and notes keep their status.
CREATE OR REPLACE FUNCTION invoice_refresh_status(invoice uuid) RETURNS varchar
LANGUAGE plpgsql AS $$
DECLARE
  owed numeric := invoice_balance(invoice);
  kept numeric := coalesce((SELECT sum(CASE p.kind WHEN 'payment' THEN p.amount ELSE -p.amount END)
                            FROM payments p WHERE p.invoice_id = invoice), 0);
  target varchar;
BEGIN
  target := CASE WHEN owed = 0 AND kept > 0 THEN 'paid' WHEN owed = 0 THEN 'cancelled'
               WHEN kept > 0 THEN 'partially_paid' ELSE 'issued' END;
  UPDATE invoices SET status = target, version = version + 1
  WHERE id = invoice AND kind = 'invoice' AND number IS NOT NULL AND status <> target;
  RETURN target;
END;
$$;

-- Issued documents are never edited: lines only change on drafts, and an issued invoice changes only its
-- status (payments, notes), never what it says. The application says so first (409 invoice_not_draft).
CREATE OR REPLACE FUNCTION invoice_lines_on_drafts_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT i.status FROM invoices i WHERE i.id = coalesce(NEW.invoice_id, OLD.invoice_id)) <> 'draft' THEN
    RAISE EXCEPTION 'the lines of an issued invoice never change' USING ERRCODE = 'check_violation',
      CONSTRAINT = 'invoice_lines_draft_only';
  END IF;
  RETURN coalesce(NEW, OLD);
END;
$$;
CREATE TRIGGER invoice_lines_draft_only BEFORE INSERT OR UPDATE OR DELETE ON invoice_lines
  FOR EACH ROW EXECUTE FUNCTION invoice_lines_on_drafts_only();

CREATE OR REPLACE FUNCTION invoices_issued_are_final() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.number IS NOT NULL AND (to_jsonb(NEW) - ARRAY['status', 'version', 'updated_at', 'cancelled_at', 'cancelled_by'])
                              <> (to_jsonb(OLD) - ARRAY['status', 'version', 'updated_at', 'cancelled_at', 'cancelled_by']) THEN
    RAISE EXCEPTION 'an issued invoice is never edited' USING ERRCODE = 'check_violation',
      CONSTRAINT = 'invoices_issued_final';
  END IF;
  IF TG_OP = 'DELETE' AND OLD.status <> 'draft' THEN
    RAISE EXCEPTION 'an issued invoice is never deleted' USING ERRCODE = 'check_violation',
      CONSTRAINT = 'invoices_issued_final';
  END IF;
  RETURN coalesce(NEW, OLD);
END;
$$;
CREATE TRIGGER invoices_issued_final BEFORE UPDATE OR DELETE ON invoices
  FOR EACH ROW EXECUTE FUNCTION invoices_issued_are_final();

-- Completing an appointment drafts its invoice from the service's price (the billing verticle calls this on
-- scheduling's status event; the system actor may not read patients, so it runs as the owner). Once only.
CREATE OR REPLACE FUNCTION billing_draft_for_appointment(appointment uuid) RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  drafted uuid;
BEGIN
  INSERT INTO invoices (patient_id, appointment_id, location_id)
  SELECT a.patient_id, a.id, a.location_id FROM appointments a WHERE a.id = appointment AND a.status = 'completed'
  ON CONFLICT (appointment_id) WHERE kind = 'invoice' AND appointment_id IS NOT NULL AND status <> 'cancelled' DO NOTHING
  RETURNING id INTO drafted;
  IF drafted IS NULL THEN
    RETURN NULL;
  END IF;
  INSERT INTO invoice_lines (invoice_id, line_no, source_kind, source_ref, service_id, description_ar, description_en,
                             quantity, unit_price, vat_category, vat_rate, exemption_code)
  SELECT drafted, 1, 'service', s.id::text, s.id, s.name_ar, s.name_en, 1, s.price, v.vat_category, v.vat_rate,
         v.exemption_code
  FROM appointments a JOIN services s ON s.id = a.service_id, billing_vat_for(a.patient_id, 'service') v
  WHERE a.id = appointment;
  RETURN drafted;
END;
$$;
REVOKE ALL ON FUNCTION billing_draft_for_appointment(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION billing_draft_for_appointment(uuid) TO moeen_app;

--changeset moeen:045-billing-row-security
-- The second wall: staff who may see every patient see every invoice; others their own and their family's
-- (the billing.read scope is checked in code, Access.requirePatient).
ALTER TABLE invoices ENABLE ROW LEVEL SECURITY;
CREATE POLICY invoices_visible ON invoices USING (app_may_see_patient(patient_id)) WITH CHECK (app_may_see_patient(patient_id));
ALTER TABLE invoice_lines ENABLE ROW LEVEL SECURITY;
CREATE POLICY invoice_lines_visible ON invoice_lines
  USING (EXISTS (SELECT 1 FROM invoices i WHERE i.id = invoice_id))
  WITH CHECK (EXISTS (SELECT 1 FROM invoices i WHERE i.id = invoice_id));
ALTER TABLE payments ENABLE ROW LEVEL SECURITY;
CREATE POLICY payments_visible ON payments USING (app_may_see_patient(patient_id)) WITH CHECK (app_may_see_patient(patient_id));
