package io.moeen.billing.payments;

import io.moeen.billing.invoices.Money;
import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.SessionContext;
import io.moeen.common.db.SessionContext.Actor;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A cashier's day (midnight to midnight in the clinic's zone): what was taken and given back by method, and
 * what should be in the drawer (cash taken less cash refunded). A cashier sees their own day; reading another
 * cashier's needs billing.reports.read.
 */
final class CashUp {
  static final List<String> METHODS = List.of("cash", "card", "mada", "bank_transfer", "insurance");

  private final Pool pool;
  private final SqlStatements sql;
  private final ZoneId zone;
  private final Clock clock;

  CashUp(Pool pool, SqlStatements sql, ZoneId zone, Clock clock) {
    this.pool = pool;
    this.sql = sql;
    this.zone = zone;
    this.clock = clock;
  }

  Future<Reply> of(RequestEnvelope request) {
    Principal caller = Access.principal(request);
    UUID cashier = request.param("cashierId") == null ? caller.userId() : UUID.fromString(request.param("cashierId"));
    if (!cashier.equals(caller.userId()) && !caller.has("billing.reports.read")) {
      throw new Problem(ProblemKind.FORBIDDEN, "forbidden");
    }
    LocalDate day = day(request.param("date"));
    OffsetDateTime from = day.atStartOfDay(zone).toOffsetDateTime();
    OffsetDateTime to = day.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    Actor actor = new Actor(caller, request.requestId(), request.clientIp());
    return SessionContext.inTransaction(pool, actor, conn -> conn.preparedQuery(sql.get("cash_up"))
            .execute(Tuple.of(cashier, from, to)))
        .map(rows -> {
          Map<String, BigDecimal[]> byMethod = new LinkedHashMap<>();
          Map<String, Integer> counts = new LinkedHashMap<>();
          METHODS.forEach(m -> {
            byMethod.put(m, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            counts.put(m, 0);
          });
          for (Row row : rows) {
            BigDecimal[] sums = byMethod.get(row.getString("method"));
            sums["payment".equals(row.getString("kind")) ? 0 : 1] = row.getBigDecimal("amount");
            counts.merge(row.getString("method"), row.getLong("count").intValue(), Integer::sum);
          }
          JsonArray methods = new JsonArray();
          BigDecimal taken = BigDecimal.ZERO;
          BigDecimal refunded = BigDecimal.ZERO;
          for (var entry : byMethod.entrySet()) {
            BigDecimal[] sums = entry.getValue();
            taken = taken.add(sums[0]);
            refunded = refunded.add(sums[1]);
            methods.add(new JsonObject().put("method", entry.getKey()).put("count", counts.get(entry.getKey()))
                .put("taken", Money.text(sums[0])).put("refunded", Money.text(sums[1]))
                .put("net", Money.text(sums[0].subtract(sums[1]))));
          }
          BigDecimal[] cash = byMethod.get("cash");
          return Reply.of(new JsonObject()
              .put("cashierId", cashier.toString())
              .put("date", day.toString())
              .put("timeZone", zone.getId())
              .put("from", from.toString())
              .put("to", to.toString())
              .put("methods", methods)
              .put("taken", Money.text(taken))
              .put("refunded", Money.text(refunded))
              .put("net", Money.text(taken.subtract(refunded)))
              .put("expectedCashInDrawer", Money.text(cash[0].subtract(cash[1]))));
        });
  }

  private LocalDate day(String value) {
    if (value == null) {
      return LocalDate.now(clock.withZone(zone));
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw PaymentFailures.invalidDate(value);
    }
  }
}
