--liquibase formatted sql

--changeset moeen:005-protected-role
-- The role that must always keep every permission it has and at least one active holder
-- (the administrators). A flag on the data, so code never compares role names.
ALTER TABLE roles ADD COLUMN is_protected boolean NOT NULL DEFAULT false;
UPDATE roles SET is_protected = true WHERE code = 'admin';

--changeset moeen:005-access-audit splitStatements:false
-- Changes to who may do what leave audit rows, written by the database so no code path can
-- forget them: role grants and revocations, role permission changes, roles created or deleted,
-- accounts activated or deactivated, role change requests. Who acted comes from app.user_id.
CREATE OR REPLACE FUNCTION audit_access_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  row_json jsonb := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
  entity   text;
  details  jsonb;
  old_json jsonb;
  new_json jsonb;
BEGIN
  IF TG_TABLE_NAME = 'user_roles' THEN
    entity := row_json ->> 'user_id';
    details := jsonb_build_object('role', (SELECT code FROM roles WHERE id = (row_json ->> 'role_id')::uuid),
                                  'grantedBy', row_json -> 'granted_by');
  ELSIF TG_TABLE_NAME = 'role_permissions' THEN
    entity := row_json ->> 'role_id';
    details := jsonb_build_object('role', (SELECT code FROM roles WHERE id = (row_json ->> 'role_id')::uuid),
                                  'permission', (SELECT code FROM permissions WHERE id = (row_json ->> 'permission_id')::uuid));
  ELSIF TG_TABLE_NAME = 'users' THEN
    -- only activation changes come here (see the trigger's WHEN); never a password hash
    entity := row_json ->> 'id';
    old_json := jsonb_build_object('is_active', OLD.is_active);
    new_json := jsonb_build_object('is_active', NEW.is_active);
  ELSE
    entity := row_json ->> 'id';
  END IF;
  IF details IS NOT NULL THEN
    IF TG_OP = 'DELETE' THEN old_json := details; ELSE new_json := details; END IF;
  ELSIF new_json IS NULL THEN
    old_json := CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN to_jsonb(OLD) END;
    new_json := CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN to_jsonb(NEW) END;
  END IF;
  INSERT INTO audit_logs (user_id, role, action, entity_type, entity_id, old_values, new_values, ip_address, request_id)
  VALUES (app_user_id(), app_setting('role'), lower(TG_OP), TG_TABLE_NAME, entity, old_json, new_json,
          app_setting('ip')::inet, app_setting('request_id'));
  RETURN NULL;
END;
$$;

CREATE TRIGGER user_roles_audit AFTER INSERT OR DELETE ON user_roles
  FOR EACH ROW EXECUTE FUNCTION audit_access_change();
CREATE TRIGGER role_permissions_audit AFTER INSERT OR DELETE ON role_permissions
  FOR EACH ROW EXECUTE FUNCTION audit_access_change();
CREATE TRIGGER roles_audit AFTER INSERT OR UPDATE OR DELETE ON roles
  FOR EACH ROW EXECUTE FUNCTION audit_access_change();
CREATE TRIGGER users_activation_audit AFTER UPDATE OF is_active ON users
  FOR EACH ROW WHEN (OLD.is_active IS DISTINCT FROM NEW.is_active) EXECUTE FUNCTION audit_access_change();
CREATE TRIGGER role_change_requests_audit AFTER INSERT OR UPDATE ON role_change_requests
  FOR EACH ROW EXECUTE FUNCTION audit_access_change();
