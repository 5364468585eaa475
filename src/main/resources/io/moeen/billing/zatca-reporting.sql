-- ZATCA phase 2 with ZATCA: reporting and clearance by the worker, the device's onboarding, what the staff read.

-- name: claim_due
-- A batch of due documents of onboarded devices, in chain order, claimed for $2 seconds: a document another worker
-- holds is skipped (SKIP LOCKED) and one it claimed is not due again until its claim ends.
UPDATE zatca_documents d SET claimed_until = now() + make_interval(secs => $2), attempts = d.attempts + 1
FROM zatca_devices v
WHERE v.location_id = d.location_id AND d.invoice_id IN (
  SELECT c.invoice_id FROM zatca_documents c JOIN zatca_devices cv ON cv.location_id = c.location_id
  WHERE c.status = 'pending_report' AND c.next_attempt_at <= now()
    AND (c.claimed_until IS NULL OR c.claimed_until < now()) AND cv.onboarding = 'production'
  ORDER BY c.location_id, c.icv LIMIT $1 FOR UPDATE OF c SKIP LOCKED)
RETURNING d.invoice_id, d.hash, d.xml, d.flow, d.attempts, v.csid_token, v.csid_secret;

-- name: record_outcome
UPDATE zatca_documents SET status = $2, zatca_status = $3, messages = $4, cleared_xml = $5, claimed_until = NULL,
  last_error = NULL, submitted_at = now(), resolved_at = now()
WHERE invoice_id = $1 AND status = 'pending_report';

-- name: record_retry
UPDATE zatca_documents SET claimed_until = NULL, zatca_status = $2, messages = $3, last_error = $4,
  submitted_at = now(), next_attempt_at = now() + make_interval(secs => $5)
WHERE invoice_id = $1 AND status = 'pending_report';

-- name: documents
SELECT d.invoice_id, i.number, i.kind, d.location_id, d.icv, d.flow, d.status, d.attempts, d.last_error,
       d.zatca_status, d.messages, d.submitted_at, d.resolved_at, d.created_at, d.next_attempt_at
FROM zatca_documents d JOIN invoices i ON i.id = d.invoice_id
WHERE ($1::text IS NULL OR d.status = $1) AND ($2::uuid IS NULL OR d.invoice_id = $2)
ORDER BY d.created_at DESC, d.icv DESC LIMIT $3;

-- name: device
SELECT v.location_id, v.serial, v.certificate, v.simulated, v.onboarding, v.last_icv, v.onboarded_at, v.created_at,
       (SELECT coalesce(jsonb_object_agg(s.status, s.n), '{}'::jsonb)
        FROM (SELECT status, count(*) AS n FROM zatca_documents WHERE location_id = v.location_id GROUP BY status) s)
         AS counts
FROM zatca_devices v WHERE v.location_id = $1;

-- name: device_keys
SELECT serial, private_key, certificate FROM zatca_devices WHERE location_id = $1;

-- name: save_compliance
UPDATE zatca_devices SET onboarding = 'compliance', compliance_request_id = $3, csid_token = $4, csid_secret = $5
WHERE location_id = $1 AND private_key = $2;

-- name: save_production
UPDATE zatca_devices SET onboarding = 'production', simulated = false, certificate = $3, csid_token = $4,
  csid_secret = $5, onboarded_at = now()
WHERE location_id = $1 AND private_key = $2;
