--liquibase formatted sql

--changeset moeen:017-record-marketing-opt-out splitStatements:false
-- An opt-out is honoured at once: the event is recorded and, in the same transaction, every
-- pending marketing message to that contact on that channel fails with reason 'opted_out'.
-- One function so every path (the person's own settings, a WhatsApp "STOP", staff) does the same.
-- Answers how many pending messages it stopped.
CREATE OR REPLACE FUNCTION record_marketing_opt_out(p_user uuid, p_phone text, p_email text, p_channel text,
                                                    p_source text, p_recorded_by uuid)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  stopped integer;
BEGIN
  INSERT INTO consent_events (user_id, phone, email, channel, action, source, recorded_by)
  VALUES (p_user, p_phone, lower(p_email), p_channel, 'opt_out', p_source, p_recorded_by);
  UPDATE notifications n SET status = 'failed', last_error = 'opted_out', claimed_at = NULL
  WHERE n.status = 'pending' AND n.priority = 'marketing' AND n.channel = p_channel
    AND ((p_user IS NOT NULL AND n.recipient_user_id = p_user)
         OR (p_phone IS NOT NULL AND n.recipient_phone = p_phone)
         OR (p_email IS NOT NULL AND n.recipient_email = lower(p_email))
         OR n.recipient_user_id IN (SELECT u.id FROM users u
                                    WHERE (p_phone IS NOT NULL AND u.phone = p_phone)
                                       OR (p_email IS NOT NULL AND u.email = lower(p_email))));
  GET DIAGNOSTICS stopped = ROW_COUNT;
  RETURN stopped;
END;
$$;
