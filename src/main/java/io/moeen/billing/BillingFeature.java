package io.moeen.billing;

import io.moeen.billing.documents.InvoiceDocumentsVerticle;
import io.moeen.billing.insurance.ClaimsVerticle;
import io.moeen.billing.insurance.CoverageVerticle;
import io.moeen.billing.invoices.InvoicesVerticle;
import io.moeen.billing.payments.PaymentsVerticle;
import io.moeen.billing.reports.BillingReportsVerticle;
import io.moeen.billing.sellers.SellersVerticle;
import io.moeen.common.Deployment;
import io.moeen.common.Feature;
import io.moeen.common.FeatureContext;

import java.util.List;

/** Invoices with Saudi VAT and their ZATCA QR, credit and debit notes, payments, refunds and the cash-up. */
public final class BillingFeature implements Feature {
  @Override
  public String name() {
    return "billing";
  }

  @Override
  public List<Deployment> deployments(FeatureContext ctx) {
    return List.of(
        Deployment.of(new SellersVerticle(ctx.pool())),
        Deployment.of(new InvoicesVerticle(ctx.pool(), ctx.messages(), ctx.clock())),
        Deployment.of(new InvoiceDocumentsVerticle(ctx.pool(), ctx.messages())),
        Deployment.of(new PaymentsVerticle(ctx.pool(), ctx.timeZone(), ctx.clock())),
        Deployment.of(new BillingReportsVerticle(ctx.pool(), ctx.timeZone(), ctx.clock())),
        Deployment.of(new CoverageVerticle(ctx.pool(), ctx.timeZone(), ctx.clock())),
        Deployment.of(new ClaimsVerticle(ctx.pool(), ctx.timeZone(), ctx.clock())));
  }
}
