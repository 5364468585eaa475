package io.moeen.dental;

import io.moeen.common.Deployment;
import io.moeen.common.Feature;
import io.moeen.common.FeatureContext;

import java.util.List;

/** Dentistry: the FDI chart with its versions and SVG, and dental records per encounter. */
public final class DentalFeature implements Feature {
  @Override
  public String name() {
    return "dental";
  }

  @Override
  public List<Deployment> deployments(FeatureContext ctx) {
    return List.of(Deployment.of(new DentalVerticle(ctx.pool(), ctx.timeZone(), ctx.clock(), ctx.messages(), ctx.defaultLocale())));
  }
}
