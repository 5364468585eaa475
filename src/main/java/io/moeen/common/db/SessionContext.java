package io.moeen.common.db;

import io.moeen.common.auth.Principal;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.function.Function;

/**
 * Runs work in a transaction that first tells PostgreSQL who is acting, with
 * {@code set_config(..., true)} (local to the transaction): the row-level security policies and
 * the audit triggers read these settings. Every access to patient data goes through here.
 */
public final class SessionContext {
  private static final String SET = """
      SELECT set_config('app.user_id', $1, true),
             set_config('app.role', $2, true),
             set_config('app.patient_access', $3, true),
             set_config('app.audit_access', $4, true),
             set_config('app.request_id', $5, true),
             set_config('app.ip', $6, true),
             set_config('app.lead_access', $7, true)""";

  /**
   * Who acts, from where; {@code principal} is null for anonymous work (sign-up, login) and for
   * the system's own work ({@code system} true: web forms, the chatbot, timers), which may see
   * every lead but no patient record.
   */
  public record Actor(Principal principal, String requestId, String ip, boolean system) {
    public Actor(Principal principal, String requestId, String ip) {
      this(principal, requestId, ip, false);
    }

    public static Actor anonymous(String requestId, String ip) {
      return new Actor(null, requestId, ip, false);
    }

    public static Actor system(String requestId) {
      return new Actor(null, requestId, null, true);
    }
  }

  private SessionContext() {
  }

  public static <T> Future<T> inTransaction(Pool pool, Actor actor, Function<SqlConnection, Future<T>> work) {
    return pool.withTransaction(conn -> conn.preparedQuery(SET).execute(settings(actor))
        .compose(set -> work.apply(conn)));
  }

  /** Within an open transaction, act as {@code principal} from now on (e.g. right after sign-up). */
  public static Future<Void> actAs(SqlConnection conn, Actor actor) {
    return conn.preparedQuery(SET).execute(settings(actor)).mapEmpty();
  }

  private static Tuple settings(Actor actor) {
    Principal p = actor.principal();
    return Tuple.of(
        p == null ? "" : p.userId().toString(),
        p == null ? (actor.system() ? "system" : "anonymous") : p.primaryRole(),
        p != null && p.has("patients.read.any") ? "any" : "own",
        p != null && p.has("audit_logs.read") ? "any" : "none",
        actor.requestId() == null ? "" : actor.requestId(),
        actor.ip() == null ? "" : actor.ip(),
        leadAccess(actor));
  }

  private static String leadAccess(Actor actor) {
    Principal p = actor.principal();
    if (p == null) {
      return actor.system() ? "any" : "none";
    }
    return p.has("leads.read.all") ? "any" : p.has("leads.read") ? "own" : "none";
  }
}
