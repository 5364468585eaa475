package io.moeen.pharmacy;

import io.moeen.common.Deployment;
import io.moeen.common.Feature;
import io.moeen.common.FeatureContext;
import io.moeen.pharmacy.alerts.ExpirySweepVerticle;
import io.moeen.pharmacy.catalogue.CatalogueVerticle;
import io.moeen.pharmacy.counts.CountsVerticle;
import io.moeen.pharmacy.dispensing.DispensingVerticle;
import io.moeen.pharmacy.dispensing.ClinicalPrescriptionGate;
import io.moeen.pharmacy.reports.InventoryReportsVerticle;
import io.moeen.pharmacy.stock.StockVerticle;

import java.util.List;

/** Medicines and supplies in stock by batch and expiry: catalogue, moves, dispensing, counts, alerts, reports. */
public final class PharmacyFeature implements Feature {
  @Override
  public String name() {
    return "pharmacy";
  }

  @Override
  public List<Deployment> deployments(FeatureContext ctx) {
    return List.of(
        Deployment.of(new CatalogueVerticle(ctx.pool(), ctx.timeZone(), ctx.clock())),
        Deployment.of(new StockVerticle(ctx.pool(), ctx.timeZone(), ctx.clock())),
        Deployment.of(new DispensingVerticle(ctx.pool(), ctx.timeZone(), ctx.clock(), new ClinicalPrescriptionGate())),
        Deployment.of(new CountsVerticle(ctx.pool())),
        Deployment.of(new InventoryReportsVerticle(ctx.pool(), ctx.timeZone(), ctx.clock())),
        Deployment.of(new ExpirySweepVerticle(ctx.pool(), ctx.timeZone(), ctx.clock())));
  }
}
