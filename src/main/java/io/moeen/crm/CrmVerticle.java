package io.moeen.crm;

import io.moeen.common.bus.ServiceVerticle;
import io.moeen.crm.activities.CrmTasks;
import io.moeen.crm.activities.LeadActivities;
import io.moeen.crm.leads.CaptureRequest;
import io.moeen.crm.leads.LeadAssigner;
import io.moeen.crm.leads.LeadCapture;
import io.moeen.crm.leads.LeadEvents;
import io.moeen.crm.leads.LeadList;
import io.moeen.crm.leads.LeadMerge;
import io.moeen.crm.leads.LeadStore;
import io.moeen.crm.sla.LeadSla;
import io.moeen.crm.leads.LeadTransitions;
import io.moeen.crm.leads.RoundRobinAssigner;
import io.moeen.crm.leads.StaffLeads;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.ZoneId;

/** The CRM's leads and activities: capture with dedupe, the staff API, the pipeline, scoring, tasks. */
public final class CrmVerticle extends ServiceVerticle {
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
    LeadStore store = new LeadStore(pool, new LeadSla(zone, clock));
    LeadEvents events = new LeadEvents(vertx);
    LeadCapture capture = new LeadCapture(store, assigner, events, clock);

    StaffLeads leads = new StaffLeads(store, capture, clock);
    LeadList list = new LeadList(store, zone);
    LeadTransitions transitions = new LeadTransitions(store, events, clock);
    LeadMerge merge = new LeadMerge(store, clock);
    LeadActivities activities = new LeadActivities(store, clock);
    CrmTasks tasks = new CrmTasks(store, capture, activities, clock);

    serveInternal(CrmAddresses.LEADS_CAPTURE, json -> capture.capture(CaptureRequest.fromJson(json)).map(LeadCapture.Captured::toJson));
    serveInternal(CrmAddresses.TASKS_CREATE, tasks::create);
    serve(CrmAddresses.LEADS_CREATE, leads::create);
    serve(CrmAddresses.LEADS_LIST, list::list);
    serve(CrmAddresses.LEADS_EXPORT, list::export);
    serve(CrmAddresses.LEADS_GET, leads::get);
    serve(CrmAddresses.LEADS_UPDATE, leads::update);
    serve(CrmAddresses.LEADS_TRANSITION, transitions::transition);
    serve(CrmAddresses.LEADS_MERGE, merge::merge);
    serve(CrmAddresses.ACTIVITIES_LIST, activities::timeline);
    serve(CrmAddresses.ACTIVITIES_ADD, activities::add);
    serve(CrmAddresses.ACTIVITIES_COMPLETE, activities::complete);
    return store.verify().compose(verified -> registered());
  }
}
