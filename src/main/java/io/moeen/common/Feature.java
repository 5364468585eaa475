package io.moeen.common;

import io.moeen.common.http.PageRoutes;

import java.util.List;

/**
 * A feature declares itself: its name (its package under {@code io.moeen}) and the verticles it deploys.
 * {@code Application} deploys the features in dependency order (docs/architecture.md), each one's
 * verticles in the order it lists them, and stops them in reverse.
 */
public interface Feature {
  /** The feature's package under {@code io.moeen}, e.g. {@code scheduling}. */
  String name();

  /** What to deploy, in order, built from what the application opened at start. */
  List<Deployment> deployments(FeatureContext context);

  /** What it serves to browsers outside the contract (none by default); the API mounts it. */
  default List<PageRoutes> pages() {
    return List.of();
  }
}
