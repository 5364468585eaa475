package io.moeen.identity;

import io.moeen.common.Deployment;
import io.moeen.common.Feature;
import io.moeen.common.FeatureContext;
import io.moeen.identity.admin.AccessAdminVerticle;

import java.util.List;

/** Accounts, sign-in and sessions, then the administration of roles, users and the audit log. */
public final class IdentityFeature implements Feature {
  @Override
  public String name() {
    return "identity";
  }

  @Override
  public List<Deployment> deployments(FeatureContext ctx) {
    return List.of(
        Deployment.of(new IdentityVerticle(ctx.pool(), ctx.store(), ctx.tokens(), ctx.messages())),
        Deployment.of(new AccessAdminVerticle(ctx.pool())));
  }
}
