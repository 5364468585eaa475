package io.moeen.hospital.cleaning;

import io.moeen.hospital.ClinicTimes;
import io.moeen.hospital.HospitalDatabase;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;

/**
 * Finds open cleaning tasks past their due time and tells every holder of {@code cleaning.supervise} once, through
 * the notifications outbox (an in-app notice, written in the same transaction that marks the task reported).
 */
public final class OverdueSweep {
  private final HospitalDatabase db;
  private final ClinicTimes times;

  public OverdueSweep(HospitalDatabase db, ClinicTimes times) {
    this.db = db;
    this.times = times;
  }

  /** How many overdue tasks were reported in this round. */
  public Future<Integer> run() {
    OffsetDateTime now = times.now();
    return db.asSystem("cleaning-overdue-sweep", conn -> conn.preparedQuery(CleaningTasks.SQL.get("overdue"))
        .execute(Tuple.of(now))
        .compose(rows -> {
          Future<?> chain = Future.succeededFuture();
          int count = 0;
          for (Row task : rows) {
            count++;
            JsonObject payload = new JsonObject().put("taskId", task.getUUID("id").toString())
                .put("roomCode", task.getString("room_code"))
                .put("bedCode", task.getString("bed_code") == null ? "none" : task.getString("bed_code"))
                .put("dueAt", task.getOffsetDateTime("due_at").toInstant().toString());
            chain = chain.compose(ok -> conn.preparedQuery(CleaningTasks.SQL.get("notify_supervisors"))
                    .execute(Tuple.of(task.getUUID("id"), payload)))
                .compose(ok -> conn.preparedQuery(CleaningTasks.SQL.get("mark_reported")).execute(Tuple.of(task.getUUID("id"), now)));
          }
          int total = count;
          return chain.map(ok -> total);
        }));
  }
}
