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

-- name: my_consents
-- $1 user: per channel, whether marketing may go to this account now, and the deciding event.
SELECT c.channel,
       has_marketing_consent(u.id, u.phone, u.email, c.channel) AS opted_in,
       (SELECT row_to_json(e) FROM (
          SELECT action, occurred_at, wording, locale FROM consent_events
          WHERE channel = c.channel
            AND (user_id = u.id OR (u.phone IS NOT NULL AND phone = u.phone) OR (u.email IS NOT NULL AND email = u.email))
          ORDER BY occurred_at DESC, action DESC LIMIT 1) e) AS latest
FROM users u CROSS JOIN (VALUES ('whatsapp'), ('sms'), ('email')) AS c (channel)
WHERE u.id = $1
ORDER BY c.channel;

-- name: account_contact
SELECT phone, email FROM users WHERE id = $1;
