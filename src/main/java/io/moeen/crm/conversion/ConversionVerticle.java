package io.moeen.crm.conversion;

import io.moeen.common.bus.Reply;
import io.moeen.common.bus.ServiceVerticle;
import io.moeen.common.db.SqlStatements;
import io.moeen.crm.CrmAddresses;
import io.moeen.crm.leads.LeadEvents;
import io.moeen.scheduling.SchedulingAddresses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/** Lead → patient, and the visits that move a lead to booked and converted. */
public final class ConversionVerticle extends ServiceVerticle {
  private static final Logger LOG = LoggerFactory.getLogger(ConversionVerticle.class);

  static final SqlStatements SQL = SqlStatements.load("io/moeen/crm/conversion/conversion.sql");

  private final Pool pool;
  private final Clock clock;

  public ConversionVerticle(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    LeadConversion conversion = new LeadConversion(pool, SQL, clock);
    VisitProgress visits = new VisitProgress(pool, SQL, new LeadEvents(vertx), clock);
    serve(CrmAddresses.LEADS_CONVERT, request -> conversion.convert(request).map(Reply::of));
    var booked = vertx.eventBus().<JsonObject>consumer(SchedulingAddresses.APPOINTMENTS_BOOKED, message -> visits.booked(message.body())
        .onFailure(e -> LOG.error("Moving leads on after a booking failed", e)));
    var changed = vertx.eventBus().<JsonObject>consumer(SchedulingAddresses.APPOINTMENTS_STATUS_CHANGED, message -> visits.statusChanged(message.body())
        .onFailure(e -> LOG.error("Moving leads on after a visit failed", e)));
    return SQL.verify(pool).compose(verified -> Future.all(booked.completion(), changed.completion()))
        .compose(done -> registered());
  }
}
