--liquibase formatted sql

--changeset moeen:048-billing-zatca-reporting
-- ZATCA phase 2, the part that talks to ZATCA (issue 19): the device's onboarding (compliance CSID, then the
-- production CSID whose certificate replaces the self-signed one; the private key stays in zatca_devices and is
-- never sent), and the reporting (simplified invoices) or clearance (standard invoices) of every stamped
-- document by a worker with retries and backoff. A document is claimed for a while (claimed_until) by one worker
-- (FOR UPDATE SKIP LOCKED), so two workers never submit the same invoice at once; it leaves pending_report once,
-- with ZATCA's answer kept in messages.
ALTER TABLE zatca_devices
  ADD COLUMN onboarding            varchar(16) NOT NULL DEFAULT 'simulated'
                                   CHECK (onboarding IN ('simulated', 'compliance', 'production')),
  ADD COLUMN compliance_request_id text,
  ADD COLUMN csid_token            text,
  ADD COLUMN csid_secret           text,
  ADD COLUMN onboarded_at          timestamptz,
  ADD CONSTRAINT zatca_devices_credentials CHECK ((csid_token IS NULL) = (csid_secret IS NULL));

ALTER TABLE zatca_documents
  ADD COLUMN flow            varchar(16) NOT NULL DEFAULT 'reporting' CHECK (flow IN ('reporting', 'clearance')),
  ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN claimed_until   timestamptz,
  ADD COLUMN zatca_status    text,
  ADD COLUMN messages        jsonb       NOT NULL DEFAULT '[]'::jsonb,
  ADD COLUMN cleared_xml     text,
  ADD COLUMN resolved_at     timestamptz;
-- a standard (B2B) invoice's type code name starts 01: it is cleared, not reported
UPDATE zatca_documents SET flow = 'clearance' WHERE xml LIKE '%<cbc:InvoiceTypeCode name="01%';
DROP INDEX zatca_documents_pending;
CREATE INDEX zatca_documents_due ON zatca_documents (next_attempt_at) WHERE status = 'pending_report';
CREATE INDEX zatca_documents_status ON zatca_documents (status, created_at);
