package io.moeen.pharmacy;

import io.moeen.common.auth.Access;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.SessionContext.Actor;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Who acts on stock, and which day it is for them: the clinic's date decides what has expired. */
public final class StockActors {
  private StockActors() {
  }

  public static Actor of(RequestEnvelope request) {
    return new Actor(Access.principal(request), request.requestId(), request.clientIp());
  }

  /** Today in the clinic's zone: a batch whose expiry date is today or earlier is expired. */
  public static LocalDate today(Clock clock, ZoneId zone) {
    return LocalDate.ofInstant(clock.instant(), zone);
  }
}
