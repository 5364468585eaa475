package io.moeen.dental;

import io.moeen.common.bus.Reply;
import io.moeen.common.bus.ServiceVerticle;
import io.moeen.common.i18n.Messages;
import io.moeen.common.i18n.SupportedLocale;
import io.moeen.dental.chart.ChartPictures;
import io.moeen.dental.chart.ChartSvg;
import io.moeen.dental.chart.DentalCharts;
import io.moeen.dental.chart.DentalRecords;
import io.moeen.dental.images.DentalImages;
import io.moeen.dental.plan.DentalPlans;
import io.moeen.dental.plan.PlanBooking;
import io.moeen.dental.plan.PlanSteps;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.ZoneId;

import static io.moeen.dental.DentalAccess.ASSIST;
import static io.moeen.dental.DentalAccess.READ_CARE;
import static io.moeen.dental.DentalAccess.READ_OWN;
import static io.moeen.dental.DentalAccess.WRITE_CARE;

/** The dental chart (versions, any past date, differences, SVG), dental records per encounter, treatment plans and teeth images. */
public final class DentalVerticle extends ServiceVerticle {
  private final Pool pool;
  private final ZoneId zone;
  private final Clock clock;
  private final Messages messages;
  private final SupportedLocale defaultLocale;

  public DentalVerticle(Pool pool, ZoneId zone, Clock clock, Messages messages, SupportedLocale defaultLocale) {
    this.pool = pool;
    this.zone = zone;
    this.clock = clock;
    this.messages = messages;
    this.defaultLocale = defaultLocale;
  }

  @Override
  public Future<?> start() {
    DentalStore store = new DentalStore(pool);
    DentalCharts charts = new DentalCharts(store, zone, clock);
    ChartPictures pictures = new ChartPictures(store, new ChartSvg(messages), zone, clock, defaultLocale);
    DentalRecords records = new DentalRecords(store);
    DentalPlans plans = new DentalPlans(store);
    PlanSteps steps = new PlanSteps(store);
    PlanBooking booking = new PlanBooking(store, vertx, messages, defaultLocale);
    DentalImages images = new DentalImages(store);

    serve(DentalAddresses.CHARTS_GET, anyOf(READ_CARE, ASSIST, READ_OWN), r -> charts.chart(r).map(Reply::of));
    serve(DentalAddresses.CHARTS_CHANGE, anyOf(WRITE_CARE, ASSIST), r -> charts.change(r).map(Reply::of));
    serve(DentalAddresses.CHARTS_HISTORY, anyOf(READ_CARE, ASSIST, READ_OWN), r -> charts.history(r).map(Reply::of));
    serve(DentalAddresses.CHARTS_DIFF, anyOf(READ_CARE, ASSIST, READ_OWN), r -> charts.diff(r).map(Reply::of));
    serve(DentalAddresses.CHARTS_SVG, anyOf(READ_CARE, ASSIST, READ_OWN), pictures::picture);
    serve(DentalAddresses.RECORDS_ADD, anyOf(WRITE_CARE), r -> records.add(r).map(Reply::of));
    serve(DentalAddresses.RECORDS_LIST, anyOf(READ_CARE, ASSIST, READ_OWN), r -> records.list(r).map(Reply::of));
    serve(DentalAddresses.PLANS_CREATE, anyOf(WRITE_CARE), r -> plans.create(r).map(Reply::of));
    serve(DentalAddresses.PLANS_LIST, anyOf(READ_CARE, ASSIST, READ_OWN), r -> plans.list(r).map(Reply::of));
    serve(DentalAddresses.PLANS_GET, anyOf(READ_CARE, ASSIST, READ_OWN), r -> plans.get(r).map(Reply::of));
    serve(DentalAddresses.PLANS_ADD_STEPS, anyOf(WRITE_CARE), r -> plans.addSteps(r).map(Reply::of));
    serve(DentalAddresses.PLANS_CHANGE_STATUS, anyOf(WRITE_CARE), r -> plans.changeStatus(r).map(Reply::of));
    serve(DentalAddresses.PLANS_BOOK, anyOf(WRITE_CARE), r -> booking.book(r).map(Reply::of));
    serve(DentalAddresses.PLAN_STEPS_COMPLETE, anyOf(WRITE_CARE), r -> steps.complete(r).map(Reply::of));
    serve(DentalAddresses.PLAN_STEPS_CANCEL, anyOf(WRITE_CARE), r -> steps.cancel(r).map(Reply::of));
    serve(DentalAddresses.IMAGES_UPLOAD, anyOf(WRITE_CARE, ASSIST), r -> images.upload(r).map(Reply::of));
    serve(DentalAddresses.IMAGES_LIST, anyOf(READ_CARE, ASSIST, READ_OWN), r -> images.list(r).map(Reply::of));
    serve(DentalAddresses.IMAGES_DOWNLOAD, anyOf(READ_CARE, ASSIST, READ_OWN), images::download);
    return store.verify().compose(verified -> registered());
  }
}
