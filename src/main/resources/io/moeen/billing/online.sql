-- Paying online (changeset 061): checkouts, and the payment a gateway's webhook records once.

-- name: insert_checkout
INSERT INTO payment_checkouts (id, invoice_id, patient_id, amount, created_by) VALUES ($1, $2, $3, $4, $5);

-- name: checkout_created
UPDATE payment_checkouts SET gateway_checkout_id = $2, payment_url = $3 WHERE id = $1;

-- name: checkout_not_created
-- the gateway could not be reached or refused the checkout: it ends here, nothing was charged
UPDATE payment_checkouts SET status = 'failed', failure_code = 'gateway_unavailable', failure_message = $2,
       completed_at = now()
WHERE id = $1;

-- name: checkout
SELECT c.id, c.invoice_id, i.number AS invoice_number, c.patient_id, c.amount, c.currency, c.status,
       c.payment_url, c.gateway_payment_id, c.method, c.failure_code, c.failure_message, c.payment_id,
       c.created_at, c.completed_at, i.status AS invoice_status, invoice_balance(i.id) AS balance
FROM payment_checkouts c JOIN invoices i ON i.id = c.invoice_id
WHERE c.id = $1;

-- name: lock_checkout
-- the webhook's one queue: concurrent deliveries of one checkout's outcome wait here, one at a time
SELECT id, invoice_id, patient_id, amount, currency, status, gateway_payment_id, created_by
FROM payment_checkouts WHERE id = $1 FOR UPDATE;

-- name: patient_due
SELECT invoice_patient_due($1) AS due;

-- name: insert_payment
INSERT INTO payments (id, invoice_id, patient_id, kind, method, amount, reference, received_by, received_at,
                      idempotency_key, checkout_id)
VALUES ($1, $2, $3, 'payment', $4, $5, $6, $7, now(), $8, $9);

-- name: checkout_paid
UPDATE payment_checkouts SET status = 'paid', payment_id = $2, gateway_payment_id = $3, method = $4,
       failure_code = NULL, failure_message = NULL, completed_at = now()
WHERE id = $1;

-- name: checkout_ended
-- failed or cancelled at the gateway, or refused here (the invoice could no longer take it): no payment
UPDATE payment_checkouts SET status = $2, gateway_payment_id = coalesce($3, gateway_payment_id), failure_code = $4,
       failure_message = $5, completed_at = now()
WHERE id = $1;

-- name: payment_event
SELECT x.id, x.invoice_id, x.method, x.amount, i.status AS invoice_status
FROM payments x JOIN invoices i ON i.id = x.invoice_id WHERE x.id = $1;
