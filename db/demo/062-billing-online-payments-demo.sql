--liquibase formatted sql

--changeset moeen:demo-062-billing-online-payments context:demo
-- An online payment Ahmed started on his (since paid) invoice and cancelled on the gateway's page: nothing was
-- charged, the checkout keeps why. The demo has no gateway configured: the portal's "Pay now" says online payment is
-- not set up (README, "Paying online", shows how to try it against the gateway stand-in).
INSERT INTO payment_checkouts (id, invoice_id, patient_id, amount, status, gateway_checkout_id, payment_url,
                               failure_code, failure_message, created_by, created_at, completed_at) VALUES
  ('00000000-0000-4019-8000-0000000006c1', '00000000-0000-4019-8000-000000000001', '00000000-0000-4000-9000-000000000007',
   10.00, 'cancelled', 'demo-checkout-1', 'https://gateway.example/pay/demo-checkout-1', 'cancelled',
   'Canceled by the payer', '00000000-0000-4000-8000-000000000007', now() - interval '3 days',
   now() - interval '3 days' + interval '2 minutes');
