package io.moeen.billing.online;

import io.vertx.core.Future;

/**
 * The card/mada payment gateway as Moeen uses it, shaped like the Saudi hosted-payment gateways (Moyasar, HyperPay,
 * Tap): a checkout is created for an amount in halalas and answers the gateway's hosted payment page; the outcome
 * comes back later to {@code POST /v1/payments/gateway/webhook}, signed (checked by the API before anything reads it).
 * A call that could not reach the gateway, or that it refused, fails.
 */
public interface PaymentGateway {
  /**
   * What is asked: {@code checkoutId} is ours (sent as the gateway's idempotency key and in its metadata, and it comes
   * back in the webhook), the amount in halalas, the currency, a description, and where the payer is sent back.
   */
  record CheckoutRequest(String checkoutId, String invoiceId, String invoiceNumber, long amountHalalas, String currency,
                         String description, String callbackUrl) {
  }

  /** The gateway's checkout: its id and the hosted payment page the payer is sent to. */
  record Created(String gatewayCheckoutId, String paymentUrl) {
  }

  /** Whether a gateway is configured; when not, online payment is unavailable. */
  boolean configured();

  /** {@code POST /v1/checkouts}: a hosted checkout for the amount. */
  Future<Created> createCheckout(CheckoutRequest request);

  /** What an unconfigured server has: nothing is created, {@link #configured()} is false. */
  PaymentGateway NONE = new PaymentGateway() {
    @Override
    public boolean configured() {
      return false;
    }

    @Override
    public Future<Created> createCheckout(CheckoutRequest request) {
      return Future.failedFuture(new IllegalStateException("no payment gateway is configured"));
    }
  };
}
