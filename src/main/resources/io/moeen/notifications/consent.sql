-- Marketing consent (consent_events is append-only). Runs as moeen_app.

-- name: opt_out
-- $1 user, $2 phone, $3 e-mail, $4 channel, $5 source, $6 recorded by. Records the opt-out and
-- fails the contact's pending marketing rows on that channel (reason 'opted_out') in one step.
SELECT record_marketing_opt_out($1, $2, $3, $4, $5, $6) AS stopped;

-- name: opt_in
-- $1 user, $2 phone, $3 e-mail, $4 channel, $5 wording shown, $6 its locale, $7 source, $8 recorded by
INSERT INTO consent_events (user_id, phone, email, channel, action, wording, locale, source, recorded_by)
VALUES ($1, $2, lower($3), $4, 'opt_in', $5, $6, $7, $8)
RETURNING occurred_at;
