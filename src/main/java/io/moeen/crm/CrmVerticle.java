package io.moeen.crm;

import io.moeen.common.bus.ServiceVerticle;
import io.moeen.crm.leads.CaptureRequest;
import io.moeen.crm.leads.LeadAssigner;
import io.moeen.crm.leads.LeadCapture;
import io.moeen.crm.leads.LeadEvents;
import io.moeen.crm.leads.LeadStore;
import io.moeen.crm.leads.RoundRobinAssigner;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.ZoneId;

/** The CRM's leads and activities: capture with dedupe, the staff API, the pipeline, scoring, tasks. */
public final class CrmVerticle extends ServiceVerticle {
  public static final String CAPTURE = "crm.leads.capture";

  private final Pool pool;
  private final ZoneId zone;
  private final Clock clock;
  private final LeadAssigner assigner;

  public CrmVerticle(Pool pool, ZoneId zone, Clock clock) {
    this(pool, zone, clock, new RoundRobinAssigner());
  }

  public CrmVerticle(Pool pool, ZoneId zone, Clock clock, LeadAssigner assigner) {
    this.pool = pool;
    this.zone = zone;
    this.clock = clock;
    this.assigner = assigner;
  }

  @Override
  public Future<?> start() {
    LeadStore store = new LeadStore(pool);
    LeadEvents events = new LeadEvents(vertx);
    LeadCapture capture = new LeadCapture(store, assigner, events, clock);

    serveInternal(CAPTURE, json -> capture.capture(CaptureRequest.fromJson(json)).map(LeadCapture.Captured::toJson));
    return store.verify().compose(verified -> registered());
  }
}
