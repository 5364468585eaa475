--liquibase formatted sql

--changeset moeen:046-billing-zatca
-- ZATCA phase 2. One e-invoicing device (EGS unit) per branch: its key, its certificate, and the head of its
-- chain (the last invoice counter ICV and that invoice's hash, the next one's PIH). Issuing locks the device's
-- row in the issuing transaction, so the chain follows the order in which invoices commit and has no gaps.
-- The key is kept here for the simulation; a real onboarding keeps it in a key store (docs/billing.md).
CREATE TABLE zatca_devices (
  location_id uuid        PRIMARY KEY REFERENCES clinic_locations (id) ON DELETE CASCADE,
  serial      text        NOT NULL,
  private_key text        NOT NULL,
  certificate text        NOT NULL,
  simulated   boolean     NOT NULL DEFAULT true,
  last_icv    bigint      NOT NULL DEFAULT 0 CHECK (last_icv >= 0),
  last_hash   text        NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER zatca_devices_updated_at BEFORE UPDATE ON zatca_devices FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- Every issued invoice or note as an e-invoice: counter, previous hash, its hash, signature, phase 2 QR, the
-- signed XML, and where it stands with ZATCA (pending_report until reported or cleared).
CREATE TABLE zatca_documents (
  invoice_id   uuid        PRIMARY KEY REFERENCES invoices (id),
  location_id  uuid        NOT NULL REFERENCES zatca_devices (location_id),
  icv          bigint      NOT NULL CHECK (icv >= 1),
  pih          text        NOT NULL,
  hash         text        NOT NULL,
  signature    text        NOT NULL,
  qr           text        NOT NULL,
  xml          text        NOT NULL,
  status       varchar(16) NOT NULL DEFAULT 'pending_report'
                           CHECK (status IN ('pending_report', 'reported', 'cleared', 'rejected')),
  attempts     integer     NOT NULL DEFAULT 0,
  last_error   text,
  submitted_at timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT zatca_documents_chain UNIQUE (location_id, icv)
);
CREATE INDEX zatca_documents_pending ON zatca_documents (created_at) WHERE status = 'pending_report';
ALTER TABLE zatca_documents ENABLE ROW LEVEL SECURITY;
CREATE POLICY zatca_documents_visible ON zatca_documents
  USING (EXISTS (SELECT 1 FROM invoices i WHERE i.id = invoice_id))
  WITH CHECK (EXISTS (SELECT 1 FROM invoices i WHERE i.id = invoice_id));
