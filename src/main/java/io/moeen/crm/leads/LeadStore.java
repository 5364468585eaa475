package io.moeen.crm.leads;

import io.moeen.common.db.ConstraintProblems;
import io.moeen.common.db.SessionContext;
import io.moeen.common.db.SessionContext.Actor;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.moeen.crm.activities.ActivityLog;
import io.moeen.crm.sla.LeadSla;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import static io.moeen.common.db.SqlRefusal.FOREIGN_KEY;
import static io.moeen.common.db.SqlRefusal.UNIQUE;

/** Leads in PostgreSQL, always as the acting principal (row-level security); SQL in leads.sql. */
public final class LeadStore {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/crm/leads.sql");
  /** The partial unique indexes on open leads' phone and e-mail. */
  private static final Predicate<String> OPEN_TWIN = constraint -> constraint.startsWith("crm_leads_open_");
  /** The leads' constraints and the problems they mean. */
  static final ConstraintProblems CONSTRAINTS = ConstraintProblems.table()
      .on(UNIQUE, OPEN_TWIN.and(constraint -> constraint.endsWith("email")), () -> openLeadExists("email"))
      .on(UNIQUE, OPEN_TWIN, () -> openLeadExists("phone"))
      .on(FOREIGN_KEY, constraint -> constraint.contains("interested_service"),
          () -> Problem.invalid("unknown_service", "interestedServiceId", Map.of("field", "interestedServiceId")));

  private final Pool pool;
  private final LeadSla sla;

  public LeadStore(Pool pool, LeadSla sla) {
    this.pool = pool;
    this.sla = sla;
  }

  /** The lead as the API shows it (with its SLA); 404 as {@link #find}. */
  public Future<JsonObject> view(SqlConnection conn, UUID id) {
    return find(conn, id).compose(row -> sla.rules(conn).map(rules -> LeadView.json(row, rules)));
  }

  /** The SLA settings and the moment, for showing several leads read in this transaction. */
  public Future<LeadSla.Rules> slaRules(SqlConnection conn) {
    return sla.rules(conn);
  }

  public Future<Void> verify() {
    return SQL.verify(pool).compose(done -> ActivityLog.verify(pool));
  }

  /** Work in one transaction as {@code actor}; database refusals this feature expects become problems. */
  public <T> Future<T> as(Actor actor, Function<SqlConnection, Future<T>> work) {
    return SessionContext.inTransaction(pool, actor, work).recover(CONSTRAINTS::recover);
  }

  /** Like {@link #as} but a twin's unique violation is left as it is, for the capture to retry. */
  <T> Future<T> raw(Actor actor, Function<SqlConnection, Future<T>> work) {
    return SessionContext.inTransaction(pool, actor, work);
  }

  /** The lead with its linked patient id; 404 {@code lead_not_found} when it does not exist or is not the caller's. */
  public Future<Row> find(SqlConnection conn, UUID id) {
    return conn.preparedQuery(SQL.get("lead")).execute(Tuple.of(id))
        .map(rows -> {
          if (rows.size() == 0) {
            throw notFound(id);
          }
          return rows.iterator().next();
        });
  }

  /** The lead locked for this transaction; 404 as {@link #find}. */
  public Future<Row> lock(SqlConnection conn, UUID id) {
    return conn.preparedQuery(SQL.get("lead_for_update")).execute(Tuple.of(id))
        .map(rows -> {
          if (rows.size() == 0) {
            throw notFound(id);
          }
          return rows.iterator().next();
        });
  }

  public Future<UUID> patientByContact(SqlConnection conn, LeadContact contact) {
    return conn.preparedQuery(SQL.get("patient_by_contact")).execute(Tuple.of(contact.phone(), contact.email()))
        .map(rows -> rows.iterator().next().getUUID("patient_id"));
  }

  public Future<Row> openLeadByContact(SqlConnection conn, LeadContact contact) {
    return conn.preparedQuery(SQL.get("open_lead_by_contact")).execute(Tuple.of(contact.phone(), contact.email()))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next());
  }

  Future<UUID> insert(SqlConnection conn, CaptureRequest r, UUID owner, Instant now) {
    return conn.preparedQuery(SQL.get("insert_lead")).execute(Tuple.from(new Object[] {
            r.fullName(), r.contact().phone(), r.contact().email(), r.preferredLanguage(), r.source(),
            r.utm().campaign(), r.utm().medium(), r.utm().source(), r.utm().content(), r.utm().term(),
            r.interestedServiceId(), r.interestedIn(), owner, r.note(), r.tags(), r.authorId(), utc(now)}))
        .map(rows -> rows.iterator().next().getUUID("id"));
  }

  public Future<Boolean> isMarketer(SqlConnection conn, UUID userId) {
    return conn.preparedQuery(SQL.get("is_marketer")).execute(Tuple.of(userId))
        .map(rows -> rows.iterator().next().getBoolean("marketer"));
  }

  /** An in-app notice to a staff member, e.g. {@code lead_assigned}; the key makes a retry harmless. */
  public Future<Void> notifyUser(SqlConnection conn, UUID userId, String eventType, JsonObject payload, Instant notBefore,
                                 String key) {
    return conn.preparedQuery(SQL.get("notify_user"))
        .execute(Tuple.of(userId, eventType, payload, utc(notBefore), key)).mapEmpty();
  }

  /** Tells the owner a lead is theirs now. */
  public Future<Void> notifyAssigned(SqlConnection conn, UUID leadId, UUID owner, String name, String phone, int version) {
    JsonObject payload = new JsonObject().put("leadId", leadId.toString()).put("leadName", name)
        .put("leadPhone", phone == null ? "" : phone);
    return notifyUser(conn, owner, "lead_assigned", payload, null, "lead:" + leadId + ":assigned:" + owner + ":" + version);
  }

  Future<Void> recordConsent(SqlConnection conn, UUID leadId, CaptureRequest r, Instant now) {
    CaptureRequest.Consent c = r.consent();
    if (c == null) {
      return Future.succeededFuture();
    }
    String consentSource = switch (r.source()) {
      case "web_form", "web_chat", "whatsapp" -> r.source();
      default -> "staff";
    };
    String locale = c.locale() == null ? r.preferredLanguage() : c.locale();
    return conn.preparedQuery(SQL.get("record_consent")).execute(Tuple.from(new Object[] {
            r.contact().phone(), r.contact().email(), c.channel(), c.optIn() ? "opt_in" : "opt_out", c.wording(),
            locale, consentSource, r.authorId(), utc(now)}))
        .compose(done -> conn.preparedQuery(SQL.get("set_consent"))
            .execute(Tuple.of(leadId, c.optIn(), c.channel(), c.wording(), utc(now))))
        .mapEmpty();
  }

  public Future<Void> touch(SqlConnection conn, UUID leadId, Instant now) {
    return conn.preparedQuery(SQL.get("touch")).execute(Tuple.of(leadId, utc(now))).mapEmpty();
  }

  /** As {@link #touch}, and the lead's first contact if it had none: a call, message or meeting was logged. */
  public Future<Void> touchContacted(SqlConnection conn, UUID leadId, Instant now) {
    return conn.preparedQuery(SQL.get("touch_contacted")).execute(Tuple.of(leadId, utc(now))).mapEmpty();
  }

  /** One page (or the export) of leads, newest first: one statement, see list_leads. */
  Future<java.util.List<Row>> list(SqlConnection conn, LeadQuery q, int limit) {
    Object[] args = {q.owner(), q.status(), q.source(), q.campaign(), q.tag(), utc(q.from()), utc(q.to()),
        q.after() == null ? null : utc(q.after().createdAt()), q.after() == null ? null : q.after().id(),
        q.unassigned(), limit, q.search(), q.phoneDigits()};
    return conn.preparedQuery(SQL.get("list_leads")).execute(Tuple.from(args))
        .map(rows -> {
          java.util.List<Row> list = new java.util.ArrayList<>();
          rows.forEach(list::add);
          return list;
        });
  }

  Future<Integer> update(SqlConnection conn, UUID id, LeadChange c) {
    return conn.preparedQuery(SQL.get("update_lead")).execute(Tuple.from(new Object[] {
            id, c.fullName(), c.phone(), c.email(), c.preferredLanguage(), c.interestedServiceId(), c.interestedIn(),
            c.tags(), c.notes(), c.ownerId()}))
        .map(rows -> rows.iterator().next().getInteger("version"));
  }

  Future<Integer> setStatus(SqlConnection conn, UUID id, String to, String reason, boolean contacts, Instant now) {
    return conn.preparedQuery(SQL.get("set_status")).execute(Tuple.of(id, to, reason, contacts, utc(now)))
        .map(rows -> rows.iterator().next().getInteger("version"));
  }

  Future<Void> closeMerged(SqlConnection conn, UUID merged, UUID survivor) {
    return conn.preparedQuery(SQL.get("close_merged")).execute(Tuple.of(merged, survivor)).mapEmpty();
  }

  Future<Void> absorb(SqlConnection conn, UUID survivor, UUID merged) {
    return conn.preparedQuery(SQL.get("absorb")).execute(Tuple.of(survivor, merged))
        .compose(done -> conn.preparedQuery(SQL.get("move_activities")).execute(Tuple.of(survivor, merged)))
        .mapEmpty();
  }

  public Future<String> whatsappProfileName(SqlConnection conn, String phone) {
    return conn.preparedQuery(SQL.get("whatsapp_profile_name")).execute(Tuple.of(phone))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("profile_name"));
  }

  public Future<UUID> openLeadOfPatient(SqlConnection conn, UUID patientId) {
    return conn.preparedQuery(SQL.get("open_lead_of_patient")).execute(Tuple.of(patientId))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getUUID("id"));
  }

  static Problem notFound(UUID id) {
    return Problem.notFound("lead_not_found", Map.of("id", id.toString()));
  }

  /** An open lead with the same phone or e-mail was inserted first: the capture may retry and attach to it. */
  static boolean isTwin(Throwable failure) {
    return UNIQUE.matches(failure, OPEN_TWIN);
  }

  private static Problem openLeadExists(String field) {
    return new Problem(ProblemKind.CONFLICT, "open_lead_exists", Map.of(), field);
  }

  public static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
