package io.moeen.common;

import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;

import java.util.function.Supplier;

/** One verticle deployment of a feature: how to make the verticle, and with which options (instances). */
public record Deployment(Supplier<? extends Deployable> verticle, DeploymentOptions options) {
  /** One instance of an already built verticle, with default options. */
  public static Deployment of(Deployable verticle) {
    return new Deployment(() -> verticle, new DeploymentOptions());
  }
}
