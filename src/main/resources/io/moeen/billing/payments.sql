-- Payments, refunds and the cash-up, in a transaction acting as the caller (payments have row-level security).

-- name: insert_payment
INSERT INTO payments (id, invoice_id, patient_id, kind, method, amount, reference, reason, received_by, received_at,
                      idempotency_key)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11);

-- name: paid_so_far
SELECT coalesce(sum(amount) FILTER (WHERE kind = 'payment'), 0) AS paid,
       coalesce(sum(amount) FILTER (WHERE kind = 'refund'), 0) AS refunded
FROM payments WHERE invoice_id = $1;

-- name: patient_due
-- what the patient still owes at the desk: the balance less what the insurer is expected to pay (changeset 049)
SELECT invoice_patient_due($1) AS due;

-- name: payment
SELECT x.id, x.invoice_id, i.number AS invoice_number, x.kind, x.method, x.amount, x.reference, x.reason,
       x.received_by, x.received_at, i.status AS invoice_status, invoice_balance(i.id) AS balance
FROM payments x JOIN invoices i ON i.id = x.invoice_id
WHERE x.id = $1;

-- name: payments_of
SELECT x.id, x.invoice_id, i.number AS invoice_number, x.kind, x.method, x.amount, x.reference, x.reason,
       x.received_by, x.received_at, i.status AS invoice_status, invoice_balance(i.id) AS balance
FROM payments x JOIN invoices i ON i.id = x.invoice_id
WHERE x.invoice_id = $1
ORDER BY x.received_at, x.id;

-- name: invoice_patient
SELECT patient_id FROM invoices WHERE id = $1;

-- name: cash_up
-- $1 cashier, $2..$3 the day in the clinic's zone as instants: what was taken and given back, by method.
SELECT method, kind, count(*) AS count, sum(amount) AS amount
FROM payments
WHERE received_by = $1 AND received_at >= $2 AND received_at < $3
GROUP BY method, kind;

-- name: idempotency_find
SELECT request_hash, state, response_status, response_body FROM idempotency_keys
WHERE scope = $1 AND key = $2 AND expires_at > now();

-- name: idempotency_forget_expired
DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND expires_at <= now();

-- name: idempotency_claim
-- A concurrent duplicate waits on this row and then fails with 23505; it then replays the stored answer.
INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ($1, $2, $3);

-- name: idempotency_complete
UPDATE idempotency_keys SET state = 'completed', response_status = $3, response_body = $4
WHERE scope = $1 AND key = $2;
