package io.moeen.identity;

/**
 * Every event-bus address of the identity feature, and the only place they are written: the addresses it
 * serves (contract operations, named by the contract's {@code x-moeen-address}, and internal requests)
 * and the events it publishes. Each is {@code <feature>.<resource>.<verb>}; docs/architecture.md lists them.
 * <p>Accounts, sign-in, sessions, two-factor, roles and permissions, role change requests and the audit log.
 */
public final class IdentityAddresses {
  // Contract operations (see contract/identity.yaml).
  /** Internal, request/reply {@code {userId, sessionId?}} → the principal or null; the API resolves every secured call here. */
  public static final String PRINCIPAL_RESOLVE = "identity.principal.resolve";
  /** Event, no reply: {@code {userId}}, {@code {sessionId}} or {@code {all: true}} — cached principals are stale. */
  public static final String PRINCIPALS_INVALIDATED = "identity.principals.invalidated";
  public static final String AUTH_LOGIN = "identity.auth.login";
  public static final String AUTH_LOGIN_TWO_FACTOR = "identity.auth.login_two_factor";
  public static final String AUTH_REFRESH = "identity.auth.refresh";
  public static final String AUTH_LOGOUT = "identity.auth.logout";
  public static final String AUTH_REGISTER = "identity.auth.register";
  public static final String SIGNUP_CODES_REQUEST = "identity.signup_codes.request";
  public static final String SIGNUP_CODES_VERIFY = "identity.signup_codes.verify";
  public static final String PASSWORD_RESET_REQUEST = "identity.password_reset.request";
  public static final String PASSWORD_RESET_CONFIRM = "identity.password_reset.confirm";
  public static final String ME_GET = "identity.me.get";
  public static final String ME_UPDATE = "identity.me.update";
  public static final String ME_CHANGE_PASSWORD = "identity.me.change_password";
  public static final String TWO_FACTOR_START = "identity.two_factor.start";
  public static final String TWO_FACTOR_CONFIRM = "identity.two_factor.confirm";
  public static final String TWO_FACTOR_DISABLE = "identity.two_factor.disable";
  public static final String PERMISSIONS_LIST = "identity.permissions.list";
  public static final String ROLES_LIST = "identity.roles.list";
  public static final String ROLES_CREATE = "identity.roles.create";
  public static final String ROLE_PERMISSIONS_REPLACE = "identity.role_permissions.replace";
  public static final String ROLES_DELETE = "identity.roles.delete";
  public static final String USERS_LIST = "identity.users.list";
  public static final String USERS_GET = "identity.users.get";
  public static final String USERS_UPDATE = "identity.users.update";
  public static final String USER_ROLES_GRANT = "identity.user_roles.grant";
  public static final String USER_ROLES_REVOKE = "identity.user_roles.revoke";
  public static final String ROLE_REQUESTS_CREATE = "identity.role_requests.create";
  public static final String ROLE_REQUESTS_LIST = "identity.role_requests.list";
  public static final String ROLE_REQUESTS_LIST_MINE = "identity.role_requests.list_mine";
  public static final String ROLE_REQUESTS_APPROVE = "identity.role_requests.approve";
  public static final String ROLE_REQUESTS_REJECT = "identity.role_requests.reject";
  public static final String AUDIT_LOGS_LIST = "identity.audit_logs.list";

  private IdentityAddresses() {
  }
}
