package io.moeen.crm;

import io.moeen.common.Deployment;
import io.moeen.common.Feature;
import io.moeen.common.FeatureContext;
import io.moeen.crm.assignment.AssignmentVerticle;
import io.moeen.crm.assignment.MarketerRotation;
import io.moeen.crm.conversion.ConversionVerticle;
import io.moeen.crm.forms.WebFormsVerticle;
import io.moeen.crm.imports.LeadImportVerticle;
import io.moeen.crm.reports.ReportsVerticle;
import io.moeen.crm.sla.FirstContactVerticle;

import java.util.List;

/** Leads and their activities, assignment, conversion, web forms, imports, reports and the first-contact SLA. */
public final class CrmFeature implements Feature {
  @Override
  public String name() {
    return "crm";
  }

  @Override
  public List<Deployment> deployments(FeatureContext ctx) {
    return List.of(
        Deployment.of(new CrmVerticle(ctx.pool(), ctx.timeZone(), ctx.clock(), new MarketerRotation())),
        Deployment.of(new AssignmentVerticle(ctx.pool(), ctx.clock())),
        Deployment.of(new ConversionVerticle(ctx.pool(), ctx.clock())),
        Deployment.of(new WebFormsVerticle(ctx.pool(), ctx.store(), ctx.config().crm())),
        Deployment.of(new LeadImportVerticle(ctx.messages())),
        Deployment.of(new ReportsVerticle(ctx.pool(), ctx.timeZone(), ctx.clock())),
        Deployment.of(new FirstContactVerticle(ctx.pool(), ctx.timeZone(), ctx.config().crm().slaInterval(), ctx.clock())));
  }
}
