-- Billing reports, read as the caller (accountants and supervisors see every patient's invoices).
-- Issued documents only; a credit note counts negative. $1..$2 the period as instants, $3 the clinic's zone.

-- name: revenue
-- $4 grouping: day (issue day in the clinic's zone), service (catalogue service, else the line's kind) or doctor
-- (the appointment's doctor; none without one).
SELECT CASE $4::text WHEN 'day' THEN to_char(i.issued_at AT TIME ZONE $3::text, 'YYYY-MM-DD')
                     WHEN 'service' THEN coalesce(l.service_id::text, l.source_kind)
                     ELSE coalesce(a.doctor_id::text, 'none') END AS key,
       max(CASE $4::text WHEN 'service' THEN s.name_ar WHEN 'doctor' THEN du.first_name_ar || ' ' || du.last_name_ar END) AS label_ar,
       max(CASE $4::text WHEN 'service' THEN s.name_en WHEN 'doctor' THEN du.first_name_en || ' ' || du.last_name_en END) AS label_en,
       count(DISTINCT i.id) AS documents,
       sum(CASE WHEN i.kind = 'credit_note' THEN -l.net ELSE l.net END) AS net,
       sum(CASE WHEN i.kind = 'credit_note' THEN -l.vat ELSE l.vat END) AS vat,
       sum(CASE WHEN i.kind = 'credit_note' THEN -l.total ELSE l.total END) AS total
FROM invoices i
JOIN invoice_lines l ON l.invoice_id = i.id
LEFT JOIN invoices o ON o.id = i.original_invoice_id
LEFT JOIN appointments a ON a.id = coalesce(i.appointment_id, o.appointment_id)
LEFT JOIN doctors d ON d.id = a.doctor_id
LEFT JOIN users du ON du.id = d.user_id
LEFT JOIN services s ON s.id = l.service_id
WHERE i.number IS NOT NULL AND i.issued_at >= $1 AND i.issued_at < $2
GROUP BY 1
ORDER BY 1;

-- name: revenue_by_method
-- What was collected, by payment method: payments less refunds received in the period.
SELECT method AS key, count(*) AS documents,
       sum(CASE WHEN kind = 'payment' THEN amount ELSE 0 END) AS taken,
       sum(CASE WHEN kind = 'refund' THEN amount ELSE 0 END) AS refunded,
       sum(CASE WHEN kind = 'payment' THEN amount ELSE -amount END) AS total
FROM payments
WHERE received_at >= $1 AND received_at < $2 AND $3::text IS NOT NULL
GROUP BY method
ORDER BY method;

-- name: vat_return
-- The VAT return's boxes: taxable amount and VAT by category (S standard, Z zero rated, E exempt, O out of
-- scope), sales (invoices and debit notes) and adjustments (credit notes) apart.
SELECT l.vat_category AS category,
       sum(CASE WHEN i.kind <> 'credit_note' THEN l.net ELSE 0 END) AS sales,
       sum(CASE WHEN i.kind <> 'credit_note' THEN l.vat ELSE 0 END) AS sales_vat,
       sum(CASE WHEN i.kind = 'credit_note' THEN l.net ELSE 0 END) AS adjustments,
       sum(CASE WHEN i.kind = 'credit_note' THEN l.vat ELSE 0 END) AS adjustments_vat
FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id
WHERE i.number IS NOT NULL AND i.issued_at >= $1 AND i.issued_at < $2 AND $3::text IS NOT NULL
GROUP BY l.vat_category
ORDER BY l.vat_category;

-- name: aging
-- What patients still owe on issued invoices, by age since issue on $1 (an instant; days in the clinic's zone $2).
SELECT bucket, count(*) AS invoices, sum(owed) AS owed
FROM (SELECT invoice_balance(i.id) AS owed,
             CASE WHEN d <= 30 THEN '0-30' WHEN d <= 60 THEN '31-60' WHEN d <= 90 THEN '61-90' ELSE '91+' END AS bucket
      FROM invoices i,
           LATERAL (SELECT ($1::timestamptz AT TIME ZONE $2::text)::date - (i.issued_at AT TIME ZONE $2::text)::date AS d) age
      WHERE i.kind = 'invoice' AND i.status IN ('issued', 'partially_paid')) open
WHERE owed > 0
GROUP BY bucket
ORDER BY bucket;
