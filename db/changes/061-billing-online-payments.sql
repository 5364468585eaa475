--liquibase formatted sql

--changeset moeen:061-billing-online-payments-access
-- Paying one's own invoices online through the card/mada gateway (docs/billing.md, "Paying online"). The patient
-- pays their own; a family member a patient's only when the patient granted BOTH scopes billing.read and billing.pay
-- (checked in code, Access.mayActOnPatient). Staff take card and mada at the desk as before (billing.write.any).
INSERT INTO permissions (code, description_en, description_ar) VALUES
  ('billing.pay.own', 'Pay one''s own invoices (or a family member''s, with their consent) online by card or mada',
   'دفع فواتيره (أو فواتير فرد من عائلته بإذنه) إلكترونيًا بالبطاقة أو مدى');
INSERT INTO role_permissions (role_id, permission_id)
SELECT r.id, p.id FROM roles r JOIN permissions p ON p.code = 'billing.pay.own'
WHERE r.code IN ('patient', 'family_member')
ON CONFLICT DO NOTHING;

--changeset moeen:061-billing-payment-checkouts
-- A checkout: what the payer was sent to the gateway to pay (the patient's share owed when it was made, SAR), and
-- how it ended. The payment it leads to is written ONCE: the checkout row is locked while a webhook is handled,
-- gateway_payment_id is unique, and payments.checkout_id is unique (the second wall).
CREATE TABLE payment_checkouts (
  id                  uuid          PRIMARY KEY,
  invoice_id          uuid          NOT NULL REFERENCES invoices (id),
  patient_id          uuid          NOT NULL REFERENCES patients (id),
  amount              numeric(12,2) NOT NULL CONSTRAINT payment_checkouts_amount_positive CHECK (amount > 0),
  currency            char(3)       NOT NULL DEFAULT 'SAR' CHECK (currency = 'SAR'),
  status              varchar(12)   NOT NULL DEFAULT 'initiated'
                      CHECK (status IN ('initiated', 'paid', 'failed', 'cancelled', 'refused')),
  gateway_checkout_id varchar(100)  UNIQUE,
  payment_url         text,
  gateway_payment_id  varchar(100)  UNIQUE,
  method              varchar(8)    CHECK (method IN ('card', 'mada')),
  failure_code        varchar(60),
  failure_message     text          CHECK (length(failure_message) <= 500),
  payment_id          uuid          UNIQUE REFERENCES payments (id),
  created_by          uuid          NOT NULL REFERENCES users (id),
  created_at          timestamptz   NOT NULL DEFAULT now(),
  completed_at        timestamptz,
  CONSTRAINT payment_checkouts_paid_has_payment CHECK ((status = 'paid') = (payment_id IS NOT NULL))
);
CREATE INDEX payment_checkouts_invoice ON payment_checkouts (invoice_id, created_at);
ALTER TABLE payment_checkouts ENABLE ROW LEVEL SECURITY;
CREATE POLICY payment_checkouts_visible ON payment_checkouts
  USING (app_may_see_patient(patient_id)) WITH CHECK (app_may_see_patient(patient_id));
CREATE TRIGGER payment_checkouts_audit AFTER INSERT OR UPDATE OR DELETE ON payment_checkouts
  FOR EACH ROW EXECUTE FUNCTION audit_row_change();

ALTER TABLE payments ADD COLUMN checkout_id uuid CONSTRAINT payments_one_per_checkout UNIQUE REFERENCES payment_checkouts (id);
