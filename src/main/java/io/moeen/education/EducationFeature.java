package io.moeen.education;

import io.moeen.common.Deployment;
import io.moeen.common.Feature;
import io.moeen.common.FeatureContext;

import java.util.List;

/** Patient education: materials (articles, video links, PDFs) and their assignments to patients. */
public final class EducationFeature implements Feature {
  @Override
  public String name() {
    return "education";
  }

  @Override
  public List<Deployment> deployments(FeatureContext ctx) {
    return List.of(Deployment.of(new EducationVerticle(ctx.pool(), ctx.timeZone(), ctx.clock())));
  }
}
