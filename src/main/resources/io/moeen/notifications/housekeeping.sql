-- Periodic clean-up run beside the outbox dispatcher. Runs as moeen_app.

-- name: purge_expired_idempotency_keys
-- $1 now, $2 batch size. Small batches keep each DELETE's locks short; the caller repeats until
-- a batch comes back short.
DELETE FROM idempotency_keys
WHERE (scope, key) IN (SELECT scope, key FROM idempotency_keys WHERE expires_at < $1 LIMIT $2);
