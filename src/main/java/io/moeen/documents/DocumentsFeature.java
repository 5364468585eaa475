package io.moeen.documents;

import io.moeen.common.Deployment;
import io.moeen.common.Feature;
import io.moeen.common.FeatureContext;

import java.util.List;

/** Document templates, documents rendered from them for a patient (PDF), and the printed prescription. */
public final class DocumentsFeature implements Feature {
  @Override
  public String name() {
    return "documents";
  }

  @Override
  public List<Deployment> deployments(FeatureContext ctx) {
    return List.of(Deployment.of(new DocumentsVerticle(ctx.pool(), ctx.messages(), ctx.timeZone(), ctx.clock(),
        ctx.config().dataDir().resolve("files"))));
  }
}
