package io.moeen.common;

import io.moeen.common.http.PageRoutes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.List;

/**
 * A feature declares itself: its name (its package under {@code io.moeen}) and the verticles it deploys.
 * {@code Application} deploys the features side by side and the API last (docs/architecture.md), each
 * one's verticles in the order it lists them, and stops them in reverse dependency order.
 */
public interface Feature {
  /** The feature's package under {@code io.moeen}, e.g. {@code scheduling}. */
  String name();

  /**
   * Work that needs neither the database nor another feature (reading and parsing the feature's own
   * resources), started together with the database so the two overlap. What the future yields reaches
   * {@link #deployments} as {@link FeatureContext#prepared(Feature, Class)}. Nothing by default.
   */
  default Future<?> prepare(Vertx vertx) {
    return Future.succeededFuture();
  }

  /** What to deploy, in order, built from what the application opened at start. */
  List<Deployment> deployments(FeatureContext context);

  /** What it serves to browsers outside the contract (none by default); the API mounts it. */
  default List<PageRoutes> pages() {
    return List.of();
  }
}
