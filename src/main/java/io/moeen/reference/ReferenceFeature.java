package io.moeen.reference;

import io.moeen.common.Deployment;
import io.moeen.common.Feature;
import io.moeen.common.FeatureContext;

import java.util.List;

/** Settings, languages, interface texts and calendar conversion: what every client asks first. */
public final class ReferenceFeature implements Feature {
  @Override
  public String name() {
    return "reference";
  }

  @Override
  public List<Deployment> deployments(FeatureContext ctx) {
    return List.of(Deployment.of(new ReferenceVerticle(ctx.pool(), ctx.messages(), ctx.defaultLocale(), ctx.timeZone())));
  }
}
