package io.moeen.crm.assignment;

import io.moeen.common.bus.Reply;
import io.moeen.common.bus.ServiceVerticle;
import io.moeen.crm.CrmAddresses;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.time.Clock;

/** The marketers in the round-robin (list, add or change) and supervisors' reassignment of leads. */
public final class AssignmentVerticle extends ServiceVerticle {
  private final Pool pool;
  private final Clock clock;

  public AssignmentVerticle(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    Marketers marketers = new Marketers(pool);
    Reassignment reassignment = new Reassignment(pool, clock);
    serve(CrmAddresses.MARKETERS_LIST, request -> marketers.list(request).map(Reply::of));
    serve(CrmAddresses.MARKETERS_SAVE, request -> marketers.save(request).map(Reply::of));
    serve(CrmAddresses.LEADS_REASSIGN, request -> reassignment.reassign(request).map(Reply::of));
    return MarketerRotation.SQL.verify(pool).compose(verified -> registered());
  }
}
