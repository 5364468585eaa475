package io.moeen.pharmacy;

import io.moeen.common.auth.Access;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.IdempotencyKeys;
import io.moeen.common.db.SessionContext.Actor;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Who acts on stock, and which day it is for them: the clinic's date decides what has expired. */
public final class StockActors {
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private StockActors() {
  }

  public static Actor of(RequestEnvelope request) {
    return new Actor(Access.principal(request), request.requestId(), request.clientIp());
  }

  /**
   * The request's {@code Idempotency-Key}, scoped to its operation and caller, with the hash of its path
   * parameters and body (a count's post names its count in the path); null when it carries none.
   */
  public static IdempotencyKeys.Keyed keyed(RequestEnvelope request) {
    String key = request.param(IDEMPOTENCY_KEY);
    if (key == null || key.isBlank()) {
      return null;
    }
    // the path's id and the body; not the other headers (a retry may ask in another language)
    return new IdempotencyKeys.Keyed(request.operation() + ":" + Access.principal(request).userId(), key,
        IdempotencyKeys.requestHash(new JsonObject().put("id", request.param("id")).put("body", request.body())));
  }

  /** Today in the clinic's zone: a batch whose expiry date is today or earlier is expired. */
  public static LocalDate today(Clock clock, ZoneId zone) {
    return LocalDate.ofInstant(clock.instant(), zone);
  }
}
