-- SQL of staff profiles (people who are not doctors).

-- name: staff
-- $1 job or null, $2 id or null
SELECT s.id, s.user_id, s.first_name_ar, s.last_name_ar, s.first_name_en, s.last_name_en, s.job, s.department_id,
       s.shift, s.phone, s.is_active, u.email AS user_email
FROM staff_profiles s LEFT JOIN users u ON u.id = s.user_id
WHERE ($1::text IS NULL OR s.job = $1) AND ($2::uuid IS NULL OR s.id = $2)
ORDER BY s.job, s.first_name_en, s.id;

-- name: insert_staff
INSERT INTO staff_profiles (user_id, first_name_ar, last_name_ar, first_name_en, last_name_en, job, department_id, shift, phone)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id;

-- name: update_staff
UPDATE staff_profiles SET
  user_id = CASE WHEN $10 THEN $2 ELSE user_id END,
  first_name_ar = coalesce($3, first_name_ar), last_name_ar = coalesce($4, last_name_ar),
  first_name_en = coalesce($5, first_name_en), last_name_en = coalesce($6, last_name_en),
  job = coalesce($7, job), department_id = CASE WHEN $11 THEN $8 ELSE department_id END,
  shift = coalesce($9, shift), is_active = coalesce($12, is_active), phone = coalesce($13, phone)
WHERE id = $1 RETURNING id;
