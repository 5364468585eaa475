--liquibase formatted sql

--changeset moeen:049-insurance-access
-- Insurance (issue 19): the desk sees coverage and eligibility; the accountant and the administrator manage payers,
-- plans, coverage, pre-authorisations and claims; a patient sees their own coverage; marketers and doctors nothing.
INSERT INTO permissions (code, description_en, description_ar) VALUES
  ('insurance.read.any', 'See every patient''s insurance coverage, eligibility and the insurer''s share of invoices',
   'الاطلاع على التغطية التأمينية لجميع المرضى وأهليتهم وحصة شركة التأمين من الفواتير'),
  ('insurance.read.own', 'See one''s own insurance coverage', 'الاطلاع على التغطية التأمينية الخاصة بالمريض'),
  ('insurance.manage', 'Manage insurers, plans, coverage, pre-authorisations and insurance claims',
   'إدارة شركات التأمين والخطط والتغطيات والموافقات المسبقة والمطالبات');
INSERT INTO role_permissions (role_id, permission_id)
SELECT r.id, p.id FROM roles r JOIN permissions p ON
  (r.code IN ('cashier', 'receptionist', 'supervisor') AND p.code IN ('insurance.read.any'))
  OR (r.code IN ('accountant', 'admin') AND p.code IN ('insurance.read.any', 'insurance.manage'))
  OR (r.code = 'patient' AND p.code IN ('insurance.read.own'))
ON CONFLICT DO NOTHING;

--changeset moeen:049-insurance-payers
-- Insurers (payers) with their Saudi identifiers (CCHI licence, NPHIES id: optional), plans, and the plan's rules
-- per service category (a catalogue category, or pharmacy, supplies, procedure, other; 'all' for the rest).
CREATE TABLE insurance_payers (
  id         uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  code       varchar(30) NOT NULL CONSTRAINT insurance_payers_code_unique UNIQUE CHECK (code ~ '^[a-z][a-z0-9_]{1,29}$'),
  name_ar    text        NOT NULL CHECK (length(name_ar) BETWEEN 1 AND 200),
  name_en    text        NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
  cchi_id    varchar(30),
  nphies_id  varchar(60),
  is_active  boolean     NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER insurance_payers_updated_at BEFORE UPDATE ON insurance_payers FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
CREATE TRIGGER insurance_payers_audit AFTER INSERT OR UPDATE OR DELETE ON insurance_payers FOR EACH ROW EXECUTE FUNCTION audit_row_change();

CREATE TABLE insurance_plans (
  id         uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  payer_id   uuid        NOT NULL REFERENCES insurance_payers (id),
  code       varchar(30) NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9_-]{0,29}$'),
  name_ar    text        NOT NULL CHECK (length(name_ar) BETWEEN 1 AND 200),
  name_en    text        NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
  is_active  boolean     NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT insurance_plans_code_unique UNIQUE (payer_id, code)
);
CREATE TRIGGER insurance_plans_updated_at BEFORE UPDATE ON insurance_plans FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
CREATE TRIGGER insurance_plans_audit AFTER INSERT OR UPDATE OR DELETE ON insurance_plans FOR EACH ROW EXECUTE FUNCTION audit_row_change();

CREATE TABLE insurance_plan_rules (
  plan_id          uuid          NOT NULL REFERENCES insurance_plans (id) ON DELETE CASCADE,
  category         varchar(30)   NOT NULL,
  covered_percent  numeric(5,2)  NOT NULL CHECK (covered_percent BETWEEN 0 AND 100),
  copay_amount     numeric(12,2) CHECK (copay_amount >= 0),
  copay_percent    numeric(5,2)  CHECK (copay_percent BETWEEN 0 AND 100),
  annual_limit     numeric(12,2) CHECK (annual_limit >= 0),
  preauth_required boolean       NOT NULL DEFAULT false,
  PRIMARY KEY (plan_id, category),
  CONSTRAINT insurance_plan_rules_one_copay CHECK (copay_amount IS NULL OR copay_percent IS NULL)
);

--changeset moeen:049-insurance-coverage
-- A patient's coverage: the plan, policy and member numbers, class, validity (days in the clinic's zone, both
-- inclusive) and a priority (1 is primary). Eligibility on a day: the active coverage with the lowest priority.
CREATE TABLE patient_coverages (
  id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id    uuid        NOT NULL REFERENCES patients (id),
  plan_id       uuid        NOT NULL REFERENCES insurance_plans (id),
  policy_number varchar(50) NOT NULL CHECK (length(policy_number) >= 1),
  member_number varchar(50) NOT NULL CHECK (length(member_number) >= 1),
  class         varchar(20),
  valid_from    date        NOT NULL,
  valid_to      date        NOT NULL,
  priority      integer     NOT NULL DEFAULT 1 CHECK (priority BETWEEN 1 AND 9),
  created_by    uuid        REFERENCES users (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT patient_coverages_dates CHECK (valid_to >= valid_from),
  CONSTRAINT patient_coverages_member_unique UNIQUE (plan_id, member_number)
);
CREATE INDEX patient_coverages_patient ON patient_coverages (patient_id, priority);
CREATE TRIGGER patient_coverages_updated_at BEFORE UPDATE ON patient_coverages FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
CREATE TRIGGER patient_coverages_audit AFTER INSERT OR UPDATE OR DELETE ON patient_coverages FOR EACH ROW EXECUTE FUNCTION audit_row_change();

-- Pre-authorisation per service where the plan's rule asks for it: requested, then approved (until a day) or rejected.
CREATE TABLE insurance_preauthorisations (
  id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id      uuid        NOT NULL REFERENCES patients (id),
  coverage_id     uuid        NOT NULL REFERENCES patient_coverages (id),
  service_id      uuid        NOT NULL REFERENCES services (id),
  status          varchar(10) NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'approved', 'rejected')),
  payer_reference varchar(100),
  valid_until     date,
  reason          text        CHECK (length(reason) <= 500),
  note            text        CHECK (length(note) <= 1000),
  requested_by    uuid        REFERENCES users (id),
  requested_at    timestamptz NOT NULL DEFAULT now(),
  decided_by      uuid        REFERENCES users (id),
  decided_at      timestamptz,
  CONSTRAINT insurance_preauthorisations_approved CHECK (status <> 'approved' OR valid_until IS NOT NULL),
  CONSTRAINT insurance_preauthorisations_rejected CHECK (status <> 'rejected' OR reason IS NOT NULL)
);
CREATE INDEX insurance_preauthorisations_patient ON insurance_preauthorisations (patient_id, service_id);
CREATE TRIGGER insurance_preauthorisations_audit AFTER INSERT OR UPDATE OR DELETE ON insurance_preauthorisations FOR EACH ROW EXECUTE FUNCTION audit_row_change();

--changeset moeen:049-insurance-shares
-- The patient/insurer split of an issued invoice, per line, written once when it is issued (never edited, as the
-- invoice). patient_share + insurer_share = the line's total, to the halala.
CREATE TABLE invoice_insurance_shares (
  invoice_id    uuid          NOT NULL REFERENCES invoices (id),
  line_no       integer       NOT NULL,
  coverage_id   uuid          NOT NULL REFERENCES patient_coverages (id),
  service_date  date          NOT NULL,
  category      varchar(30)   NOT NULL,
  outcome       varchar(20)   NOT NULL CHECK (outcome IN ('covered', 'not_covered', 'preauth_missing', 'limit_reached')),
  line_total    numeric(14,2) NOT NULL,
  insurer_share numeric(14,2) NOT NULL CHECK (insurer_share >= 0),
  patient_share numeric(14,2) NOT NULL CHECK (patient_share >= 0),
  PRIMARY KEY (invoice_id, line_no),
  CONSTRAINT invoice_insurance_shares_add_up CHECK (insurer_share + patient_share = line_total)
);
CREATE INDEX invoice_insurance_shares_limit ON invoice_insurance_shares (coverage_id, category, service_date);

--changeset moeen:049-insurance-claims
-- One claim per issued invoice (the insurer's share): draft → submitted → accepted | partially_accepted | rejected
-- → paid; a rejected or partially accepted claim may be submitted again (submissions counts).
CREATE TABLE insurance_claims (
  id               uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
  invoice_id       uuid          NOT NULL REFERENCES invoices (id) CONSTRAINT insurance_claims_one_per_invoice UNIQUE,
  patient_id       uuid          NOT NULL REFERENCES patients (id),
  coverage_id      uuid          NOT NULL REFERENCES patient_coverages (id),
  payer_id         uuid          NOT NULL REFERENCES insurance_payers (id),
  status           varchar(20)   NOT NULL DEFAULT 'draft'
                                 CHECK (status IN ('draft', 'submitted', 'accepted', 'partially_accepted', 'rejected', 'paid')),
  claimed_amount   numeric(14,2) NOT NULL CHECK (claimed_amount > 0),
  approved_amount  numeric(14,2) CHECK (approved_amount >= 0),
  payer_reference  varchar(100),
  rejection_reason text          CHECK (length(rejection_reason) BETWEEN 1 AND 1000),
  submissions      integer       NOT NULL DEFAULT 0,
  submitted_at     timestamptz,
  adjudicated_at   timestamptz,
  paid_at          timestamptz,
  created_by       uuid          REFERENCES users (id),
  version          integer       NOT NULL DEFAULT 1,
  created_at       timestamptz   NOT NULL DEFAULT now(),
  updated_at       timestamptz   NOT NULL DEFAULT now(),
  CONSTRAINT insurance_claims_approved_within CHECK (approved_amount IS NULL OR approved_amount <= claimed_amount)
);
CREATE INDEX insurance_claims_status ON insurance_claims (payer_id, status);
CREATE TRIGGER insurance_claims_updated_at BEFORE UPDATE ON insurance_claims FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
CREATE TRIGGER insurance_claims_audit AFTER INSERT OR UPDATE OR DELETE ON insurance_claims FOR EACH ROW EXECUTE FUNCTION audit_row_change();

--changeset moeen:049-insurance-rules splitStatements:false
-- The category a line is covered under: a catalogue service's category; pharmacy, supplies (stock items),
-- procedure (clinical) or other (free text).
CREATE OR REPLACE FUNCTION insurance_line_category(kind text, service uuid) RETURNS varchar
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT CASE kind WHEN 'service' THEN coalesce((SELECT s.category FROM services s WHERE s.id = service), 'other')
                   WHEN 'pharmacy' THEN 'pharmacy' WHEN 'item' THEN 'supplies' WHEN 'clinical' THEN 'procedure'
                   ELSE 'other' END::varchar
$$;

-- The coverage that pays on a day: active on that day, the lowest priority number (the primary), then the oldest.
CREATE OR REPLACE FUNCTION insurance_coverage_on(patient uuid, day date) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT c.id FROM patient_coverages c JOIN insurance_plans p ON p.id = c.plan_id JOIN insurance_payers y ON y.id = p.payer_id
  WHERE c.patient_id = patient AND day BETWEEN c.valid_from AND c.valid_to AND p.is_active AND y.is_active
  ORDER BY c.priority, c.created_at, c.id LIMIT 1
$$;

-- The split, run once when an invoice is issued (trigger below), as the owner (the coverage tables may be hidden
-- from the issuing role). The service date is the appointment's day, else the issue day, in the branch's zone.
-- Per line (docs/billing.md, "Insurance"): covered = round(total × covered % / 100, 2); co-pay = the fixed amount
-- (at most the covered part) or round(covered × co-pay % / 100, 2); insurer = covered − co-pay, cut to what is left
-- of the rule's annual limit in the service date's year; patient = total − insurer. round() is half away from zero.
-- The coverage row is locked: two invoices issued at once for one coverage queue, so a limit is never spent twice.
CREATE OR REPLACE FUNCTION insurance_split_invoice(invoice uuid) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_inv record;
  v_day date;
  v_coverage uuid;
  v_plan uuid;
  l record;
  r record;
  v_category varchar;
  v_covered numeric;
  v_copay numeric;
  v_insurer numeric;
  v_used numeric;
  v_outcome varchar;
  v_written integer := 0;
BEGIN
  SELECT i.id, i.patient_id, i.issued_at, i.kind, loc.time_zone,
         (SELECT a.starts_at FROM appointments a WHERE a.id = i.appointment_id) AS visit_at
  INTO v_inv FROM invoices i JOIN clinic_locations loc ON loc.id = i.location_id WHERE i.id = invoice;
  IF v_inv.id IS NULL OR v_inv.kind <> 'invoice' OR EXISTS (SELECT 1 FROM invoice_insurance_shares s WHERE s.invoice_id = invoice) THEN
    RETURN 0;
  END IF;
  v_day := (coalesce(v_inv.visit_at, v_inv.issued_at, now()) AT TIME ZONE v_inv.time_zone)::date;
  v_coverage := insurance_coverage_on(v_inv.patient_id, v_day);
  IF v_coverage IS NULL THEN
    RETURN 0;
  END IF;
  SELECT c.plan_id INTO v_plan FROM patient_coverages c WHERE c.id = v_coverage FOR UPDATE;
  FOR l IN SELECT x.line_no, x.source_kind, x.service_id, x.total FROM invoice_lines x WHERE x.invoice_id = invoice ORDER BY x.line_no LOOP
    v_category := insurance_line_category(l.source_kind, l.service_id);
    SELECT * INTO r FROM insurance_plan_rules pr WHERE pr.plan_id = v_plan AND pr.category IN (v_category, 'all')
    ORDER BY (pr.category = 'all') LIMIT 1;
    v_insurer := 0;
    IF r.plan_id IS NULL OR r.covered_percent = 0 THEN
      v_outcome := 'not_covered';
    ELSIF r.preauth_required AND NOT EXISTS (
        SELECT 1 FROM insurance_preauthorisations a WHERE a.coverage_id = v_coverage AND a.service_id = l.service_id
          AND a.status = 'approved' AND a.valid_until >= v_day) THEN
      v_outcome := 'preauth_missing';
    ELSE
      v_covered := round(l.total * r.covered_percent / 100, 2);
      v_copay := CASE WHEN r.copay_amount IS NOT NULL THEN least(r.copay_amount, v_covered)
                    WHEN r.copay_percent IS NOT NULL THEN round(v_covered * r.copay_percent / 100, 2) ELSE 0 END;
      v_insurer := v_covered - v_copay;
      v_outcome := 'covered';
      IF r.annual_limit IS NOT NULL THEN
        SELECT coalesce(sum(s.insurer_share), 0) INTO v_used FROM invoice_insurance_shares s
        WHERE s.coverage_id = v_coverage AND s.category = r.category
          AND s.service_date >= date_trunc('year', v_day)::date AND s.service_date < (date_trunc('year', v_day) + interval '1 year')::date;
        IF v_insurer > greatest(r.annual_limit - v_used, 0) THEN
          v_insurer := greatest(r.annual_limit - v_used, 0);
          v_outcome := 'limit_reached';
        END IF;
      END IF;
    END IF;
    INSERT INTO invoice_insurance_shares (invoice_id, line_no, coverage_id, service_date, category, outcome, line_total,
                                          insurer_share, patient_share)
    VALUES (invoice, l.line_no, v_coverage, v_day, coalesce(r.category, v_category), v_outcome, l.total, v_insurer, l.total - v_insurer);
    v_written := v_written + 1;
  END LOOP;
  RETURN v_written;
END;
$$;
REVOKE ALL ON FUNCTION insurance_split_invoice(uuid) FROM PUBLIC;

-- The trigger's function runs as the owner too: the issuing role may not call the split itself.
CREATE OR REPLACE FUNCTION invoices_split_for_insurance() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM insurance_split_invoice(NEW.id);
  RETURN NULL;
END;
$$;
CREATE TRIGGER invoices_insurance_split AFTER UPDATE OF status ON invoices
  FOR EACH ROW WHEN (OLD.status = 'draft' AND NEW.status = 'issued' AND NEW.kind = 'invoice')
  EXECUTE FUNCTION invoices_split_for_insurance();

-- What the insurer is still expected to pay on an invoice: its share (the approved amount once the claim is
-- accepted in full or in part; nothing after a rejection, until it is submitted again) less what it remitted.
CREATE OR REPLACE FUNCTION invoice_insurer_expected(invoice uuid) RETURNS numeric
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT greatest(
    CASE (SELECT c.status FROM insurance_claims c WHERE c.invoice_id = invoice)
      WHEN 'rejected' THEN 0
      WHEN 'accepted' THEN (SELECT c.approved_amount FROM insurance_claims c WHERE c.invoice_id = invoice)
      WHEN 'partially_accepted' THEN (SELECT c.approved_amount FROM insurance_claims c WHERE c.invoice_id = invoice)
      WHEN 'paid' THEN (SELECT c.approved_amount FROM insurance_claims c WHERE c.invoice_id = invoice)
      ELSE coalesce((SELECT sum(s.insurer_share) FROM invoice_insurance_shares s WHERE s.invoice_id = invoice), 0)
    END
    - coalesce((SELECT sum(CASE p.kind WHEN 'payment' THEN p.amount ELSE -p.amount END) FROM payments p
                WHERE p.invoice_id = invoice AND p.method = 'insurance'), 0), 0)
$$;

-- What the patient still owes at the desk: what is owed less what the insurer is expected to pay.
CREATE OR REPLACE FUNCTION invoice_patient_due(invoice uuid) RETURNS numeric
LANGUAGE sql STABLE AS $$
  SELECT greatest(invoice_balance(invoice) - invoice_insurer_expected(invoice), 0)
$$;

--changeset moeen:049-insurance-row-security
-- Coverage, pre-authorisations, shares and claims follow the patient, as invoices do.
ALTER TABLE patient_coverages ENABLE ROW LEVEL SECURITY;
CREATE POLICY patient_coverages_visible ON patient_coverages USING (app_may_see_patient(patient_id)) WITH CHECK (app_may_see_patient(patient_id));
ALTER TABLE insurance_preauthorisations ENABLE ROW LEVEL SECURITY;
CREATE POLICY insurance_preauthorisations_visible ON insurance_preauthorisations USING (app_may_see_patient(patient_id)) WITH CHECK (app_may_see_patient(patient_id));
ALTER TABLE insurance_claims ENABLE ROW LEVEL SECURITY;
CREATE POLICY insurance_claims_visible ON insurance_claims USING (app_may_see_patient(patient_id)) WITH CHECK (app_may_see_patient(patient_id));
ALTER TABLE invoice_insurance_shares ENABLE ROW LEVEL SECURITY;
CREATE POLICY invoice_insurance_shares_visible ON invoice_insurance_shares
  USING (EXISTS (SELECT 1 FROM invoices i WHERE i.id = invoice_id))
  WITH CHECK (EXISTS (SELECT 1 FROM invoices i WHERE i.id = invoice_id));
