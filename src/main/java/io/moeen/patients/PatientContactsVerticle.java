package io.moeen.patients;

import io.moeen.common.auth.Principal;
import io.moeen.common.bus.ServiceVerticle;
import io.moeen.common.db.SessionContext;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.errors.Problem;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@value PatientsAddresses#CONTACTS_ENSURE} (internal): the patient record a chat contact's phone number links to, created
 * when there is none. The phone number (E.164) is the link: the oldest active record with that
 * number wins. Request {@code {phone, name?, locale, source: chatbot|whatsapp, requestId?}} →
 * {@code {patientId, created}}. The caller's principal acts (it needs {@code patients.read.any}).
 */
public final class PatientContactsVerticle extends ServiceVerticle {
  private static final SqlStatements SQL = SqlStatements.load("io/moeen/patients/contacts.sql");
  private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");
  private static final Pattern ARABIC = Pattern.compile("\\p{InArabic}");

  private final Pool pool;

  public PatientContactsVerticle(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<?> start() {
    serveInternal(PatientsAddresses.CONTACTS_ENSURE, this::ensure);
    return SQL.verify(pool).compose(verified -> registered());
  }

  private Future<JsonObject> ensure(JsonObject request) {
    String phone = request.getString("phone");
    if (phone == null || !E164.matcher(phone).matches()) {
      return Future.failedFuture(Problem.invalid("invalid_phone", "phone", Map.of()));
    }
    Principal actingFor = Principal.fromJson(request.getJsonObject("principal"));
    if (!actingFor.has("patients.read.any")) {
      return Future.failedFuture(new Problem(io.moeen.common.errors.ProblemKind.FORBIDDEN, "forbidden"));
    }
    String name = Optional.ofNullable(request.getString("name")).map(String::strip).filter(n -> !n.isEmpty())
        .orElse(phone);
    boolean arabic = ARABIC.matcher(name).find();
    String locale = "en".equals(request.getString("locale")) ? "en" : "ar";
    String source = Set.of("chatbot", "whatsapp", "web").contains(request.getString("source"))
        ? request.getString("source") : "chatbot";
    SessionContext.Actor actor = new SessionContext.Actor(actingFor, request.getString("requestId"), null);
    return SessionContext.inTransaction(pool, actor, conn -> conn.preparedQuery(SQL.get("lock_phone")).execute(Tuple.of(phone))
        .compose(locked -> conn.preparedQuery(SQL.get("by_phone")).execute(Tuple.of(phone)))
        .compose(rows -> rows.size() > 0
            ? Future.succeededFuture(new JsonObject().put("patientId", rows.iterator().next().getUUID("id").toString())
                .put("created", false))
            : conn.preparedQuery(SQL.get("insert")).execute(Tuple.tuple()
                    .addString(arabic ? name : null).addString(arabic ? null : name).addString(phone)
                    .addString(locale).addUUID(actingFor.userId()).addString(source))
                .map(inserted -> new JsonObject()
                    .put("patientId", inserted.iterator().next().getUUID("id").toString()).put("created", true))));
  }

}
