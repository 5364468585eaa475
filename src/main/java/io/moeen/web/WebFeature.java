package io.moeen.web;

import io.moeen.common.Deployment;
import io.moeen.common.Feature;
import io.moeen.common.FeatureContext;
import io.moeen.common.http.PageRoutes;

import java.util.List;

/**
 * The web clients (docs/web.md): the chat widget for a clinic's own website, and later the patient portal
 * and the staff console. Static files from the jar, served by the API's HTTP server; in the browser they
 * speak only the public contract, like any other client. Deploys no verticle.
 */
public final class WebFeature implements Feature {
  @Override
  public String name() {
    return "web";
  }

  @Override
  public List<Deployment> deployments(FeatureContext context) {
    return List.of();
  }

  /** A new one for every start: what it read belongs to that start's Vert.x. */
  @Override
  public List<PageRoutes> pages() {
    return List.of(new WebPages(WebFiles.ROOT));
  }
}
