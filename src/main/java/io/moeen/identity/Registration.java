package io.moeen.identity;

import io.moeen.common.auth.Principal;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.SessionContext;
import io.moeen.common.db.SessionContext.Actor;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.UUID;

/**
 * Sign-up: a person becomes a patient. The account, its patient role and its patient record are
 * written in one transaction, the record as the new user (so row-level security and the audit
 * trail see who acted); the answer is a signed-in session.
 */
final class Registration {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/identity/accounts.sql");

  private final Vertx vertx;
  private final Pool pool;
  private final PasswordHasher hasher;
  private final PasswordPolicy policy;
  private final Sessions sessions;

  Registration(Vertx vertx, Pool pool, PasswordHasher hasher, PasswordPolicy policy, Sessions sessions) {
    this.vertx = vertx;
    this.pool = pool;
    this.hasher = hasher;
    this.policy = policy;
    this.sessions = sessions;
  }

  Future<JsonObject> register(RequestEnvelope request) {
    NewPatientAccount form = NewPatientAccount.from(request.bodyAsObject());
    policy.check(form.password(), "password", form.email(), form.phone());
    return pool.preparedQuery(SQL.get("account_exists")).execute(Tuple.of(form.email(), form.phone()))
        .compose(rows -> rows.iterator().next().getBoolean("taken")
            ? Future.failedFuture(new Problem(ProblemKind.CONFLICT, "account_exists"))
            : vertx.executeBlocking(() -> hasher.hash(form.password()), false))
        .compose(hash -> SessionContext.inTransaction(pool, Actor.anonymous(request.requestId(), request.clientIp()),
            conn -> SignupVerification.use(conn, request.bodyAsObject().getJsonArray("verificationIds"), form.phone(),
                    form.email())
                .compose(verified -> create(conn, form, hash, request, verified))))
        .recover(SqlFailures.CONSTRAINTS::recover);
  }

  private Future<JsonObject> create(SqlConnection conn, NewPatientAccount form, String hash, RequestEnvelope request,
                                    boolean[] verified) {
    UUID patientId = UUID.randomUUID();
    return conn.preparedQuery(SQL.get("insert_user")).execute(Tuple.from(new Object[] {form.email(), form.phone(), hash,
            form.firstNameAr(), form.lastNameAr(), form.firstNameEn(), form.lastNameEn(), form.language()}))
        .map(rows -> rows.iterator().next().getUUID("id"))
        .compose(userId -> SignupVerification.markUser(conn, userId, verified)
            .compose(x -> conn.preparedQuery(SQL.get("grant_patient_role")).execute(Tuple.of(userId)))
            .compose(x -> conn.preparedQuery(IdentityStore.SQL.get("principal")).execute(Tuple.of(userId, (Object) null)))
            .map(rows -> Principal.fromJson(rows.iterator().next().getJsonObject("principal")))
            // from here on the new patient is the one acting
            .compose(principal -> SessionContext.actAs(conn, new Actor(principal, request.requestId(), request.clientIp())))
            .compose(x -> conn.preparedQuery(SQL.get("insert_own_patient")).execute(Tuple.from(new Object[] {userId,
                form.firstNameAr(), form.lastNameAr(), form.firstNameEn(), form.lastNameEn(), form.dateOfBirth(),
                form.gender(), form.phone(), form.email(), form.language(), patientId})))
            .compose(x -> conn.preparedQuery(SQL.get("own_patient_record_number")).execute(Tuple.of(patientId)))
            .compose(rows -> {
              Row patient = rows.iterator().next();
              return sessions.issue(conn, userId, UUID.randomUUID(), request).map(issued -> issued.pair().copy()
                  .put("userId", userId.toString())
                  .put("patientId", patientId.toString())
                  .put("medicalRecordNumber", patient.getString("medical_record_number")));
            }));
  }
}
