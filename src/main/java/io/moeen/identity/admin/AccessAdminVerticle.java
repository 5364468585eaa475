package io.moeen.identity.admin;

import io.moeen.identity.PrincipalInvalidations;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.ServiceVerticle;
import io.moeen.common.db.SqlStatements;
import io.moeen.identity.IdentityAddresses;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

/**
 * Administration of access: roles and their permissions, accounts and their roles, role change
 * requests, and the audit log. The API has already checked each operation's permission; object
 * rules (protected role, last administrator, own request) are decided here.
 */
public final class AccessAdminVerticle extends ServiceVerticle {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/identity/admin/admin.sql");

  private final Pool pool;

  public AccessAdminVerticle(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<?> start() {
    // what changes a principal tells the API's principal cache, after commit and before the reply
    PrincipalInvalidations principals = new PrincipalInvalidations(vertx.eventBus());
    RoleCatalogue roles = new RoleCatalogue(pool, SQL, principals);
    UserAccounts users = new UserAccounts(pool, SQL, roles, principals);
    RoleChangeRequests requests = new RoleChangeRequests(pool, SQL, principals);
    AuditLog audit = new AuditLog(pool, SQL);

    serve(IdentityAddresses.PERMISSIONS_LIST, anyOf("roles.manage"), request -> roles.permissions(request).map(Reply::of));
    serve(IdentityAddresses.ROLES_LIST, anyOf("roles.manage"), request -> roles.roles(request).map(Reply::of));
    serve(IdentityAddresses.ROLES_CREATE, anyOf("roles.manage"), request -> roles.create(request).map(Reply::of));
    serve(IdentityAddresses.ROLE_PERMISSIONS_REPLACE, anyOf("roles.manage"), request -> roles.replacePermissions(request).map(Reply::of));
    serve(IdentityAddresses.ROLES_DELETE, anyOf("roles.manage"), request -> roles.delete(request).map(x -> Reply.empty()));

    serve(IdentityAddresses.USERS_LIST, anyOf("users.read.any"), request -> users.list(request).map(Reply::of));
    serve(IdentityAddresses.USERS_GET, anyOf("users.read.any"), request -> users.get(request).map(Reply::of));
    serve(IdentityAddresses.USERS_UPDATE, anyOf("users.write.any"), request -> users.update(request).map(Reply::of));
    serve(IdentityAddresses.USER_ROLES_GRANT, anyOf("roles.manage"), request -> users.grant(request).map(Reply::of));
    serve(IdentityAddresses.USER_ROLES_REVOKE, anyOf("roles.manage"), request -> users.revoke(request).map(Reply::of));

    serve(IdentityAddresses.ROLE_REQUESTS_CREATE, request -> requests.create(request).map(Reply::of));
    serve(IdentityAddresses.ROLE_REQUESTS_LIST, anyOf("role_requests.review"), request -> requests.list(request).map(Reply::of));
    serve(IdentityAddresses.ROLE_REQUESTS_LIST_MINE, request -> requests.mine(request).map(Reply::of));
    serve(IdentityAddresses.ROLE_REQUESTS_APPROVE, anyOf("role_requests.review"), request -> requests.approve(request).map(Reply::of));
    serve(IdentityAddresses.ROLE_REQUESTS_REJECT, anyOf("role_requests.review"), request -> requests.reject(request).map(Reply::of));

    serve(IdentityAddresses.AUDIT_LOGS_LIST, anyOf("audit_logs.read"), request -> audit.list(request).map(Reply::of));
    return SQL.verify(pool).compose(verified -> registered());
  }
}
