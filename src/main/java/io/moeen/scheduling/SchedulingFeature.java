package io.moeen.scheduling;

import io.moeen.common.Deployment;
import io.moeen.common.Feature;
import io.moeen.common.FeatureContext;
import io.moeen.scheduling.appointments.AppointmentsVerticle;
import io.moeen.scheduling.booking.BookingVerticle;
import io.moeen.scheduling.catalogue.CatalogueVerticle;
import io.moeen.scheduling.slots.SlotsVerticle;

import java.util.List;

/** The catalogue, free slots, booking and the appointment lifecycle. */
public final class SchedulingFeature implements Feature {
  @Override
  public String name() {
    return "scheduling";
  }

  @Override
  public List<Deployment> deployments(FeatureContext ctx) {
    return List.of(
        Deployment.of(new CatalogueVerticle(ctx.pool())),
        Deployment.of(new SlotsVerticle(ctx.pool(), ctx.timeZone(), ctx.clock())),
        Deployment.of(new BookingVerticle(ctx.pool(), ctx.clock())),
        Deployment.of(new AppointmentsVerticle(ctx.pool(), ctx.messages())));
  }
}
