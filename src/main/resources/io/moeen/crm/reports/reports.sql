-- Reports over the leads created in [$1, $2) (instants: local midnights of the clinic zone),
-- as far as the caller may see leads (row-level security).

-- name: funnel_rows
-- Each lead with the furthest stage it reached: its current stage, or for a lost lead the furthest
-- stage a status change took it to (1 contacted … 4 converted; a first contact counts as contacted).
WITH reached AS (
  SELECT l.id, l.source, l.utm_campaign, l.status,
         greatest(
           CASE l.status WHEN 'contacted' THEN 1 WHEN 'qualified' THEN 2 WHEN 'booked' THEN 3
                         WHEN 'converted' THEN 4 ELSE 0 END,
           CASE WHEN l.first_contacted_at IS NOT NULL THEN 1 ELSE 0 END,
           coalesce((SELECT max(CASE a.to_status WHEN 'contacted' THEN 1 WHEN 'qualified' THEN 2
                                                 WHEN 'booked' THEN 3 WHEN 'converted' THEN 4 ELSE 0 END)
                     FROM crm_activities a WHERE a.lead_id = l.id AND a.type = 'status_change'), 0)) AS stage
  FROM crm_leads l
  WHERE l.created_at >= $1 AND l.created_at < $2 AND l.merged_into_id IS NULL
)
SELECT $3::text AS dimension,
       CASE $3::text WHEN 'source' THEN source WHEN 'campaign' THEN utm_campaign ELSE 'all' END AS value,
       count(*)::int AS leads,
       count(*) FILTER (WHERE stage >= 1)::int AS contacted,
       count(*) FILTER (WHERE stage >= 2)::int AS qualified,
       count(*) FILTER (WHERE stage >= 3)::int AS booked,
       count(*) FILTER (WHERE stage >= 4)::int AS converted,
       count(*) FILTER (WHERE status = 'lost')::int AS lost
FROM reached
GROUP BY 2
ORDER BY count(*) DESC, 2 NULLS LAST;

-- name: first_contact
-- Wall-clock minutes from arrival to the first contact, for leads contacted so far.
SELECT count(*)::int AS contacted,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_contacted_at - created_at) / 60) AS median_minutes,
       avg(extract(epoch FROM first_contacted_at - created_at) / 60) AS average_minutes
FROM crm_leads
WHERE created_at >= $1 AND created_at < $2 AND first_contacted_at IS NOT NULL AND merged_into_id IS NULL;

-- name: marketer_rows
-- Per marketer (everyone in crm_marketers, and anyone who owned or worked a lead in the range):
-- leads assigned (created in the range), activities they logged in the range by type, leads they
-- own that converted in the range.
WITH people AS (
  SELECT user_id FROM crm_marketers
  UNION SELECT owner_id FROM crm_leads WHERE owner_id IS NOT NULL AND created_at >= $1 AND created_at < $2
  UNION SELECT a.author_id FROM crm_activities a
        WHERE a.author_id IS NOT NULL AND a.created_at >= $1 AND a.created_at < $2 AND a.type <> 'system'
)
SELECT u.id AS user_id,
       concat_ws(' ', u.first_name_en, u.last_name_en) AS name_en,
       concat_ws(' ', u.first_name_ar, u.last_name_ar) AS name_ar,
       (SELECT count(*) FROM crm_leads l
        WHERE l.owner_id = u.id AND l.created_at >= $1 AND l.created_at < $2 AND l.merged_into_id IS NULL)::int AS leads_assigned,
       (SELECT coalesce(jsonb_object_agg(t.type, t.n), '{}'::jsonb) FROM (
          SELECT a.type, count(*) AS n FROM crm_activities a
          WHERE a.author_id = u.id AND a.created_at >= $1 AND a.created_at < $2 AND a.type <> 'system'
          GROUP BY a.type) t) AS activities,
       (SELECT count(*) FROM crm_leads l
        WHERE l.owner_id = u.id AND l.converted_at >= $1 AND l.converted_at < $2)::int AS conversions
FROM people p JOIN users u ON u.id = p.user_id
ORDER BY name_en, u.id;
