package io.moeen.clinical;

import io.moeen.common.Deployment;
import io.moeen.common.Feature;
import io.moeen.common.FeatureContext;

import java.util.List;

/** The visit itself: encounters, notes, diagnoses, vitals and lab results, allergies and prescriptions. */
public final class ClinicalFeature implements Feature {
  @Override
  public String name() {
    return "clinical";
  }

  @Override
  public List<Deployment> deployments(FeatureContext ctx) {
    return List.of(Deployment.of(new ClinicalVerticle(ctx.pool(), ctx.timeZone(), ctx.clock(), ctx.config().dataDir().resolve("files"))));
  }
}
