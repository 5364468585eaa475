package io.moeen.crm.reports;

import io.moeen.common.bus.Reply;
import io.moeen.common.bus.ServiceVerticle;
import io.moeen.common.db.SqlStatements;
import io.moeen.crm.CrmAddresses;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.ZoneId;

/** CRM reports: the funnel by stage, source and campaign, time to first contact, marketers' work. */
public final class ReportsVerticle extends ServiceVerticle {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/crm/reports/reports.sql");

  private final Pool pool;
  private final ZoneId zone;
  private final Clock clock;

  public ReportsVerticle(Pool pool, ZoneId zone, Clock clock) {
    this.pool = pool;
    this.zone = zone;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    CrmReport report = new CrmReport(pool, SQL, zone, clock);
    serve(CrmAddresses.REPORTS_SUMMARIZE, request -> report.summary(request).map(Reply::of));
    return SQL.verify(pool).compose(verified -> registered());
  }
}
