package io.moeen.patients;

import io.moeen.common.Deployment;
import io.moeen.common.Feature;
import io.moeen.common.FeatureContext;

import java.util.List;

/** Patient records and family members, and the record behind a phone number. */
public final class PatientsFeature implements Feature {
  @Override
  public String name() {
    return "patients";
  }

  @Override
  public List<Deployment> deployments(FeatureContext ctx) {
    return List.of(
        Deployment.of(new PatientsVerticle(ctx.pool(), ctx.timeZone())),
        Deployment.of(new PatientContactsVerticle(ctx.pool())));
  }
}
