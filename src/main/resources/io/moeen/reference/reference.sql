-- SQL of the reference feature: settings, languages.

-- name: public_settings
-- $1 requested locale, $2 default locale; a localized value falls back to the default locale, then to the raw value
SELECT s.key,
       s.value,
       s.is_localized,
       COALESCE(requested.value, fallback.value) AS translated
FROM system_settings s
LEFT JOIN translations requested
       ON requested.entity_type = 'system_setting' AND requested.entity_id = s.key
      AND requested.field = 'value' AND requested.locale = $1
LEFT JOIN translations fallback
       ON fallback.entity_type = 'system_setting' AND fallback.entity_id = s.key
      AND fallback.field = 'value' AND fallback.locale = $2
WHERE s.is_public
ORDER BY s.key;

-- name: active_languages
SELECT code, name_en, name_native, direction
FROM languages
WHERE is_active
ORDER BY sort_order, code;
