package io.moeen.billing;

import io.moeen.billing.documents.InvoiceDocumentsVerticle;
import io.moeen.billing.insurance.ClaimsVerticle;
import io.moeen.billing.insurance.CoverageVerticle;
import io.moeen.billing.invoices.InvoicesVerticle;
import io.moeen.billing.online.CheckoutsVerticle;
import io.moeen.billing.online.GatewayWebhookVerticle;
import io.moeen.billing.online.HttpPaymentGateway;
import io.moeen.billing.online.PaymentGateway;
import io.moeen.billing.payments.PaymentsVerticle;
import io.moeen.billing.reports.BillingReportsVerticle;
import io.moeen.billing.sellers.SellersVerticle;
import io.moeen.billing.zatca.HttpZatcaGateway;
import io.moeen.billing.zatca.ZatcaGateway;
import io.moeen.billing.zatca.ZatcaReporting;
import io.moeen.billing.zatca.ZatcaReportingVerticle;
import io.moeen.billing.zatca.ZatcaVerticle;
import io.moeen.common.Deployment;
import io.moeen.common.config.AppConfig;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
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
    AppConfig.Zatca config = ctx.config().zatca();
    java.util.function.Function<io.vertx.core.Vertx, ZatcaGateway> zatca = vertx -> config.baseUrl()
        .<ZatcaGateway>map(url -> new HttpZatcaGateway(vertx, url)).orElse(ZatcaGateway.NONE);
    // ZATCA's developer portal and simulation take the test template in the CSR; core takes the production one
    boolean production = config.baseUrl().map(url -> !url.contains("developer-portal") && !url.contains("simulation"))
        .orElse(false);
    AppConfig.PaymentGateway payments = ctx.config().paymentGateway();
    java.util.function.Function<io.vertx.core.Vertx, PaymentGateway> gateway = vertx -> payments.available()
        ? new HttpPaymentGateway(vertx, payments.baseUrl().orElseThrow(), payments.apiKey().orElseThrow())
        : PaymentGateway.NONE;
    return List.of(
        Deployment.of(new CheckoutsVerticle(ctx.pool(), ctx.messages(), gateway, payments.returnUrl())),
        Deployment.of(new GatewayWebhookVerticle(ctx.pool(), ctx.clock())),
        Deployment.of(new SellersVerticle(ctx.pool())),
        Deployment.of(new InvoicesVerticle(ctx.pool(), ctx.messages(), ctx.clock())),
        Deployment.of(new InvoiceDocumentsVerticle(ctx.pool(), ctx.messages())),
        Deployment.of(new PaymentsVerticle(ctx.pool(), ctx.timeZone(), ctx.clock())),
        Deployment.of(new BillingReportsVerticle(ctx.pool(), ctx.timeZone(), ctx.clock(), ctx.messages())),
        Deployment.of(new CoverageVerticle(ctx.pool(), ctx.timeZone(), ctx.clock())),
        Deployment.of(new ClaimsVerticle(ctx.pool(), ctx.timeZone(), ctx.clock())),
        Deployment.of(new ZatcaVerticle(ctx.pool(), zatca, ctx.messages(), ctx.clock(), ctx.timeZone(), production)),
        new Deployment(() -> new ZatcaReportingVerticle(vertx -> new ZatcaReporting(ctx.pool(), zatca.apply(vertx),
            config.retryBase()), config.interval()), new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)));
  }
}
