-- SQL of cleaning tasks: created by discharges and transfers (per bed) or scheduled (per room).

-- name: tasks
-- $1 status or null, $2 limit; open ones by due time, others newest first. No patient data here.
SELECT ct.id, ct.room_id, r.code AS room_code, ct.bed_id, b.code AS bed_code, ct.kind, ct.status, ct.due_at,
       ct.repeat_daily, ct.notes, ct.created_at, ct.completed_at, ct.completed_by, ct.overdue_notified_at,
       w.code AS ward_code, w.name_ar AS ward_name_ar, w.name_en AS ward_name_en
FROM cleaning_tasks ct
JOIN hospital_rooms r ON r.room_id = ct.room_id
JOIN hospital_wards w ON w.id = r.ward_id
LEFT JOIN beds b ON b.id = ct.bed_id
WHERE $1::text IS NULL OR ct.status = $1
ORDER BY (ct.status = 'open') DESC, CASE WHEN ct.status = 'open' THEN ct.due_at END, ct.completed_at DESC NULLS LAST, ct.id
LIMIT $2;

-- name: task
SELECT ct.id, ct.room_id, r.code AS room_code, ct.bed_id, b.code AS bed_code, ct.kind, ct.status, ct.due_at,
       ct.repeat_daily, ct.notes, ct.created_at, ct.completed_at, ct.completed_by, ct.overdue_notified_at,
       w.code AS ward_code, w.name_ar AS ward_name_ar, w.name_en AS ward_name_en
FROM cleaning_tasks ct
JOIN hospital_rooms r ON r.room_id = ct.room_id
JOIN hospital_wards w ON w.id = r.ward_id
LEFT JOIN beds b ON b.id = ct.bed_id
WHERE ct.id = $1;

-- name: task_for_update
SELECT id, room_id, bed_id, kind, status, due_at, repeat_daily, created_at FROM cleaning_tasks WHERE id = $1 FOR UPDATE;

-- name: insert_task
INSERT INTO cleaning_tasks (room_id, bed_id, kind, due_at, repeat_daily, notes, created_by, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id;

-- name: complete_task
UPDATE cleaning_tasks SET status = 'done', completed_at = $2, completed_by = $3, notes = coalesce($4, notes) WHERE id = $1;

-- name: due_minutes
SELECT coalesce((SELECT value #>> '{}' FROM system_settings WHERE key = 'hospital.cleaning_due_minutes'), '60')::integer AS minutes;

-- name: hospital_room
SELECT room_id FROM hospital_rooms WHERE room_id = $1;

-- name: overdue
-- Open tasks past due and not yet reported, claimed so two sweeps never report one twice.
SELECT ct.id, ct.due_at, r.code AS room_code, b.code AS bed_code
FROM cleaning_tasks ct JOIN hospital_rooms r ON r.room_id = ct.room_id LEFT JOIN beds b ON b.id = ct.bed_id
WHERE ct.status = 'open' AND ct.due_at < $1 AND ct.overdue_notified_at IS NULL
ORDER BY ct.due_at LIMIT 100
FOR UPDATE OF ct SKIP LOCKED;

-- name: notify_supervisors
-- One in-app notice per active holder of cleaning.supervise, in their language; the key makes it once only.
INSERT INTO notifications (recipient_user_id, channel, event_type, locale, payload, priority, idempotency_key)
SELECT u.id, 'in_app', 'cleaning_task_overdue', u.language_preference, $2::jsonb, 'urgent',
       'cleaning:' || $1::uuid::text || ':overdue:' || u.id::text
FROM users u
WHERE u.is_active AND EXISTS (SELECT 1 FROM user_roles ur JOIN role_permissions rp ON rp.role_id = ur.role_id
                              JOIN permissions p ON p.id = rp.permission_id
                              WHERE ur.user_id = u.id AND p.code = 'cleaning.supervise')
ON CONFLICT (idempotency_key) DO NOTHING;

-- name: mark_reported
UPDATE cleaning_tasks SET overdue_notified_at = $2 WHERE id = $1;

-- name: calendar
-- Every task due in [$1, $2) (room $3 or all), and the days an open daily round will come back on: it is
-- created again 24 hours after its due time once done, so an open one at due D also stands for D + k days
-- ("planned"). Rooms, beds and tasks only, no patient.
SELECT ct.id, ct.room_id, r.code AS room_code, ct.bed_id, b.code AS bed_code, ct.kind, ct.status, ct.due_at,
       ct.repeat_daily, ct.notes, ct.created_at, ct.completed_at, ct.completed_by, ct.overdue_notified_at,
       w.code AS ward_code, w.name_ar AS ward_name_ar, w.name_en AS ward_name_en,
       occ.at AS occurs_at, occ.planned
FROM cleaning_tasks ct
JOIN hospital_rooms r ON r.room_id = ct.room_id
JOIN hospital_wards w ON w.id = r.ward_id
LEFT JOIN beds b ON b.id = ct.bed_id
CROSS JOIN LATERAL (
  SELECT ct.due_at AS at, false AS planned
  UNION ALL
  SELECT ct.due_at + k * interval '24 hours', true
  FROM generate_series(greatest(1, ceil(extract(epoch FROM $1::timestamptz - ct.due_at) / 86400)::integer),
                       floor(extract(epoch FROM $2::timestamptz - ct.due_at) / 86400)::integer) k
  WHERE ct.repeat_daily AND ct.status = 'open'
) occ
WHERE ((ct.due_at >= $1 AND ct.due_at < $2) OR (ct.repeat_daily AND ct.status = 'open' AND ct.due_at < $2))
  AND occ.at >= $1 AND occ.at < $2
  AND ($3::uuid IS NULL OR ct.room_id = $3)
ORDER BY occ.at, r.code, ct.id;
