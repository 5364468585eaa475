-- Insurance: payers, plans, coverage, eligibility, pre-authorisations, the invoice's split and claims
-- (changeset 049). Every statement runs in a transaction acting as the caller; coverage, pre-authorisations,
-- shares and claims have row-level security by patient. Each view is one json column, `item`; money as text
-- with two decimals.

-- name: payers
SELECT json_build_object('id', y.id, 'code', y.code, 'nameAr', y.name_ar, 'nameEn', y.name_en,
         'name', CASE WHEN $1 = 'ar' THEN y.name_ar ELSE y.name_en END, 'cchiId', y.cchi_id, 'nphiesId', y.nphies_id,
         'active', y.is_active) AS item
FROM insurance_payers y ORDER BY y.name_en, y.id;

-- name: payer
SELECT json_build_object('id', y.id, 'code', y.code, 'nameAr', y.name_ar, 'nameEn', y.name_en,
         'name', CASE WHEN $2 = 'ar' THEN y.name_ar ELSE y.name_en END, 'cchiId', y.cchi_id, 'nphiesId', y.nphies_id,
         'active', y.is_active) AS item
FROM insurance_payers y WHERE y.id = $1;

-- name: payer_insert
INSERT INTO insurance_payers (id, code, name_ar, name_en, cchi_id, nphies_id) VALUES ($1, $2, $3, $4, $5, $6);

-- name: plans
-- $1 payer (null: all), $2 language
SELECT json_build_object('id', p.id, 'payerId', p.payer_id, 'payerName', CASE WHEN $2 = 'ar' THEN y.name_ar ELSE y.name_en END,
         'code', p.code, 'nameAr', p.name_ar, 'nameEn', p.name_en, 'name', CASE WHEN $2 = 'ar' THEN p.name_ar ELSE p.name_en END,
         'active', p.is_active,
         'rules', coalesce((SELECT json_agg(json_build_object('category', r.category,
                    'coveredPercent', r.covered_percent::float8, 'copayAmount', r.copay_amount::text,
                    'copayPercent', r.copay_percent::float8, 'annualLimit', r.annual_limit::text,
                    'preauthRequired', r.preauth_required) ORDER BY r.category)
                    FROM insurance_plan_rules r WHERE r.plan_id = p.id), '[]'::json)) AS item
FROM insurance_plans p JOIN insurance_payers y ON y.id = p.payer_id
WHERE ($1::uuid IS NULL OR p.payer_id = $1::uuid) AND ($3::uuid IS NULL OR p.id = $3::uuid)
ORDER BY y.name_en, p.name_en, p.id;

-- name: plan_insert
INSERT INTO insurance_plans (id, payer_id, code, name_ar, name_en) VALUES ($1, $2, $3, $4, $5);

-- name: rule_insert
INSERT INTO insurance_plan_rules (plan_id, category, covered_percent, copay_amount, copay_percent, annual_limit, preauth_required)
VALUES ($1, $2, $3, $4, $5, $6, $7);

-- name: patient_exists
SELECT p.id FROM patients p WHERE p.id = $1;

-- name: coverages
-- $1 patient, $2 language, $3 coverage (null: all of the patient's)
SELECT json_build_object('id', c.id, 'patientId', c.patient_id, 'planId', c.plan_id,
         'planName', CASE WHEN $2 = 'ar' THEN p.name_ar ELSE p.name_en END, 'payerId', y.id,
         'payerName', CASE WHEN $2 = 'ar' THEN y.name_ar ELSE y.name_en END,
         'policyNumber', c.policy_number, 'memberNumber', c.member_number, 'class', c.class,
         'validFrom', c.valid_from, 'validTo', c.valid_to, 'priority', c.priority) AS item
FROM patient_coverages c JOIN insurance_plans p ON p.id = c.plan_id JOIN insurance_payers y ON y.id = p.payer_id
WHERE c.patient_id = $1 AND ($3::uuid IS NULL OR c.id = $3::uuid)
ORDER BY c.priority, c.valid_from DESC, c.id;

-- name: coverage_insert
INSERT INTO patient_coverages (id, patient_id, plan_id, policy_number, member_number, class, valid_from, valid_to, priority, created_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10);

-- name: eligibility
-- $1 patient, $2 day, $3 service (may be null): the coverage that pays that day and, for a service, its rule and
-- whether an approved pre-authorisation covers it.
SELECT c.id AS coverage_id, s.id AS service_id, s.category AS service_category, r.category AS rule_category,
       r.covered_percent, r.copay_amount, r.copay_percent, r.annual_limit, r.preauth_required,
       EXISTS (SELECT 1 FROM insurance_preauthorisations a WHERE a.coverage_id = c.id AND a.service_id = s.id
               AND a.status = 'approved' AND a.valid_until >= $2::date) AS preauthorised,
       (SELECT coalesce(sum(x.insurer_share), 0) FROM invoice_insurance_shares x
        WHERE x.coverage_id = c.id AND x.category = r.category
          AND x.service_date >= date_trunc('year', $2::date)::date
          AND x.service_date < (date_trunc('year', $2::date) + interval '1 year')::date) AS used
FROM patient_coverages c
LEFT JOIN services s ON s.id = $3::uuid
LEFT JOIN LATERAL (SELECT * FROM insurance_plan_rules pr
                   WHERE pr.plan_id = c.plan_id AND pr.category IN (coalesce(s.category, 'all'), 'all')
                   ORDER BY (pr.category = 'all') LIMIT 1) r ON true
WHERE c.id = insurance_coverage_on($1, $2::date);

-- name: service_exists
SELECT id FROM services WHERE id = $1;

-- name: preauth_insert
-- $1 id, $2 patient, $3 coverage (must be the patient's), $4 service, $5 note, $6 by; no row: not the patient's coverage
INSERT INTO insurance_preauthorisations (id, patient_id, coverage_id, service_id, note, requested_by)
SELECT $1, c.patient_id, c.id, $4, $5, $6 FROM patient_coverages c WHERE c.id = $3 AND c.patient_id = $2
RETURNING id;

-- name: preauths
-- $1 patient (null: any), $2 language, $3 pre-authorisation (null: all)
SELECT a.patient_id, json_build_object('id', a.id, 'patientId', a.patient_id, 'coverageId', a.coverage_id,
         'serviceId', a.service_id, 'serviceName', CASE WHEN $2 = 'ar' THEN s.name_ar ELSE s.name_en END,
         'status', a.status, 'payerReference', a.payer_reference, 'validUntil', a.valid_until, 'reason', a.reason,
         'note', a.note, 'requestedAt', a.requested_at, 'decidedAt', a.decided_at) AS item
FROM insurance_preauthorisations a JOIN services s ON s.id = a.service_id
WHERE ($1::uuid IS NULL OR a.patient_id = $1::uuid) AND ($3::uuid IS NULL OR a.id = $3::uuid)
ORDER BY a.requested_at DESC, a.id;

-- name: preauth_decide
-- Only a requested one is decided; no row: it was decided already (or is not visible).
UPDATE insurance_preauthorisations SET status = $2, payer_reference = $3, valid_until = $4, reason = $5,
       decided_by = $6, decided_at = now()
WHERE id = $1 AND status = 'requested'
RETURNING id;

-- name: preauth_status
SELECT status FROM insurance_preauthorisations WHERE id = $1;

-- name: invoice_patient
SELECT i.patient_id, i.status, i.kind, i.number FROM invoices i WHERE i.id = $1;

-- name: shares
-- $1 invoice: the split per line (no rows: the patient had no coverage on the service date)
SELECT x.line_no, x.coverage_id, x.service_date, x.category, x.outcome, x.line_total, x.insurer_share, x.patient_share,
       l.description_ar, l.description_en
FROM invoice_insurance_shares x JOIN invoice_lines l ON l.invoice_id = x.invoice_id AND l.line_no = x.line_no
WHERE x.invoice_id = $1 ORDER BY x.line_no;

-- name: dues
SELECT invoice_balance($1) AS balance, invoice_insurer_expected($1) AS insurer_expected, invoice_patient_due($1) AS patient_due;

-- name: claim_of_invoice
SELECT id FROM insurance_claims WHERE invoice_id = $1;

-- name: claim_insert
-- $1 id, $2 invoice, $3 by: the insurer's share of the invoice's split, under the coverage it was split with
INSERT INTO insurance_claims (id, invoice_id, patient_id, coverage_id, payer_id, claimed_amount, created_by)
SELECT $1, i.id, i.patient_id, s.coverage_id, p.payer_id, s.amount, $3
FROM invoices i
CROSS JOIN LATERAL (SELECT min(x.coverage_id::text)::uuid AS coverage_id, sum(x.insurer_share) AS amount
                    FROM invoice_insurance_shares x WHERE x.invoice_id = i.id) s
JOIN patient_coverages c ON c.id = s.coverage_id
JOIN insurance_plans p ON p.id = c.plan_id
WHERE i.id = $2 AND s.amount > 0
RETURNING id;

-- name: claim_lock
SELECT c.id, c.invoice_id, c.status, c.claimed_amount, c.approved_amount, c.patient_id,
       coalesce((SELECT sum(CASE p.kind WHEN 'payment' THEN p.amount ELSE -p.amount END) FROM payments p
                 WHERE p.invoice_id = c.invoice_id AND p.method = 'insurance'), 0) AS remitted
FROM insurance_claims c WHERE c.id = $1 FOR UPDATE;

-- name: claim_submit
UPDATE insurance_claims SET status = 'submitted', submissions = submissions + 1, submitted_at = $2,
       approved_amount = NULL, rejection_reason = NULL, adjudicated_at = NULL, version = version + 1
WHERE id = $1;

-- name: claim_adjudicate
UPDATE insurance_claims SET status = $2, approved_amount = $3, rejection_reason = $4,
       payer_reference = coalesce($5, payer_reference), adjudicated_at = $6, version = version + 1
WHERE id = $1;

-- name: claim_paid
UPDATE insurance_claims SET status = 'paid', paid_at = $2, version = version + 1 WHERE id = $1;

-- name: remittance_insert
-- the insurer's money, recorded as billing records every payment: method insurance, its remittance reference
INSERT INTO payments (id, invoice_id, patient_id, kind, method, amount, reference, received_by, received_at)
VALUES ($1, $2, $3, 'payment', 'insurance', $4, $5, $6, $7);

-- name: refresh_status
SELECT invoice_refresh_status($1) AS status;

-- name: claims
-- $1 claim (null: a list), $2 status, $3 payer, $4 language, $5 limit
SELECT c.patient_id, json_build_object('id', c.id, 'invoiceId', c.invoice_id, 'invoiceNumber', i.number,
         'patientId', c.patient_id,
         'patientName', CASE WHEN $4 = 'ar' THEN concat_ws(' ', pt.first_name_ar, pt.last_name_ar)
                             ELSE concat_ws(' ', pt.first_name_en, pt.last_name_en) END,
         'coverageId', c.coverage_id, 'memberNumber', cv.member_number, 'payerId', c.payer_id,
         'payerName', CASE WHEN $4 = 'ar' THEN y.name_ar ELSE y.name_en END, 'status', c.status,
         'claimedAmount', c.claimed_amount::text, 'approvedAmount', c.approved_amount::text,
         'remittedAmount', coalesce((SELECT sum(CASE p.kind WHEN 'payment' THEN p.amount ELSE -p.amount END) FROM payments p
                                     WHERE p.invoice_id = c.invoice_id AND p.method = 'insurance'), 0)::numeric(14,2)::text,
         'payerReference', c.payer_reference, 'rejectionReason', c.rejection_reason, 'submissions', c.submissions,
         'submittedAt', c.submitted_at, 'adjudicatedAt', c.adjudicated_at, 'paidAt', c.paid_at, 'version', c.version,
         'createdAt', c.created_at) AS item
FROM insurance_claims c
JOIN invoices i ON i.id = c.invoice_id
JOIN patients pt ON pt.id = c.patient_id
JOIN patient_coverages cv ON cv.id = c.coverage_id
JOIN insurance_payers y ON y.id = c.payer_id
WHERE ($1::uuid IS NULL OR c.id = $1::uuid) AND ($2::text IS NULL OR c.status = $2::text)
  AND ($3::uuid IS NULL OR c.payer_id = $3::uuid)
ORDER BY c.created_at DESC, c.id
LIMIT $5;

-- name: claims_report
-- $1..$2 claims created in the period (instants), $3 language: by payer and status
SELECT y.id AS payer_id, CASE WHEN $3 = 'ar' THEN y.name_ar ELSE y.name_en END AS payer_name, c.status,
       count(*) AS claims, sum(c.claimed_amount) AS claimed, coalesce(sum(c.approved_amount), 0) AS approved,
       coalesce(sum((SELECT sum(CASE p.kind WHEN 'payment' THEN p.amount ELSE -p.amount END) FROM payments p
                     WHERE p.invoice_id = c.invoice_id AND p.method = 'insurance')), 0) AS remitted
FROM insurance_claims c JOIN insurance_payers y ON y.id = c.payer_id
WHERE c.created_at >= $1 AND c.created_at < $2
GROUP BY y.id, y.name_ar, y.name_en, c.status
ORDER BY payer_name, c.status;

-- name: fhir_source
-- $1 claim: every fact the FHIR Claim carries
SELECT json_build_object(
  'claim', json_build_object('id', c.id, 'status', c.status, 'claimed', c.claimed_amount::text, 'createdAt', c.created_at,
                             'invoiceNumber', i.number, 'issuedAt', i.issued_at),
  'patient', json_build_object('id', pt.id, 'mrn', pt.medical_record_number, 'nationalId', pt.national_id,
                               'firstAr', pt.first_name_ar, 'lastAr', pt.last_name_ar, 'firstEn', pt.first_name_en,
                               'lastEn', pt.last_name_en, 'gender', pt.gender, 'birthDate', pt.date_of_birth),
  'coverage', json_build_object('id', cv.id, 'policyNumber', cv.policy_number, 'memberNumber', cv.member_number,
                                'class', cv.class, 'validFrom', cv.valid_from, 'validTo', cv.valid_to, 'priority', cv.priority,
                                'planCode', pl.code, 'planName', pl.name_en),
  'payer', json_build_object('id', y.id, 'code', y.code, 'nameAr', y.name_ar, 'nameEn', y.name_en, 'cchiId', y.cchi_id,
                             'nphiesId', y.nphies_id),
  'provider', json_build_object('id', i.location_id, 'nameAr', s.name_ar, 'nameEn', s.name_en, 'vatNumber', s.vat_number,
                                'cr', s.commercial_registration),
  'items', coalesce((SELECT json_agg(json_build_object('lineNo', l.line_no, 'sourceKind', l.source_kind,
                       'serviceCode', sv.code, 'category', x.category, 'descriptionEn', l.description_en,
                       'descriptionAr', l.description_ar, 'quantity', l.quantity::text, 'unitPrice', l.unit_price::text,
                       'net', l.net::text, 'vat', l.vat::text, 'total', l.total::text, 'insurerShare', x.insurer_share::text,
                       'patientShare', x.patient_share::text, 'serviceDate', x.service_date, 'teeth', l.teeth)
                       ORDER BY l.line_no)
                     FROM invoice_insurance_shares x JOIN invoice_lines l ON l.invoice_id = x.invoice_id AND l.line_no = x.line_no
                     LEFT JOIN services sv ON sv.id = l.service_id
                     WHERE x.invoice_id = c.invoice_id), '[]'::json)) AS item
FROM insurance_claims c
JOIN invoices i ON i.id = c.invoice_id
JOIN patients pt ON pt.id = c.patient_id
JOIN patient_coverages cv ON cv.id = c.coverage_id
JOIN insurance_plans pl ON pl.id = cv.plan_id
JOIN insurance_payers y ON y.id = c.payer_id
LEFT JOIN billing_sellers s ON s.location_id = i.location_id
WHERE c.id = $1;
