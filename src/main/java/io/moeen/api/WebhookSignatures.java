package io.moeen.api;

import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * For operations marked {@code x-moeen-signature: <scheme>}: the provider's
 * {@code X-Hub-Signature-256: sha256=<hex>} must be the HMAC-SHA256 of the raw body bytes, exactly
 * as received, with the scheme's secret; compared in constant time. It runs on the operation's
 * own route after the body is read and before anything parses it, so an unsigned request is 401 {@code invalid_signature}
 * whatever it holds, and nothing behind the API sees it. A scheme with no secret configured
 * refuses every request.
 */
final class WebhookSignatures implements Handler<RoutingContext> {
  static final String HEADER = "X-Hub-Signature-256";
  private static final String PREFIX = "sha256=";
  private static final Logger LOG = LoggerFactory.getLogger(WebhookSignatures.class);

  private final Vertx vertx;
  private final String scheme;
  private final String secret;

  /** For the route of one operation that declares {@code scheme}; {@code secret} null refuses everything. */
  WebhookSignatures(Vertx vertx, String scheme, String secret) {
    this.vertx = vertx;
    this.scheme = scheme;
    this.secret = secret;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader(HEADER);
    Buffer body = ctx.body().buffer();
    byte[] bytes = body == null ? new byte[0] : body.getBytes();
    if (secret == null) {
      refuse(ctx, "no secret configured for " + scheme + " signatures");
      return;
    }
    // hashing stays off the event loop, however large the (limited) body
    vertx.executeBlocking(() -> matches(secret, bytes, header), false)
        .onSuccess(ok -> {
          if (ok) {
            ctx.next();
          } else {
            refuse(ctx, header == null ? "no " + HEADER + " header" : "signature does not match the body");
          }
        })
        .onFailure(ctx::fail);
  }

  /** Whether {@code header} is {@code sha256=} and the hex HMAC-SHA256 of {@code body} under {@code secret}. */
  static boolean matches(String secret, byte[] body, String header) {
    if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return false;
    }
    byte[] claimed;
    try {
      claimed = HexFormat.of().parseHex(header.substring(PREFIX.length()).trim());
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(hmac(secret, body), claimed);
  }

  static byte[] hmac(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static void refuse(RoutingContext ctx, String why) {
    try (var ignored = MDC.putCloseable("requestId", RequestAttributes.requestId(ctx))) {
      LOG.warn("webhook refused: {}", why);
    }
    ctx.fail(new Problem(ProblemKind.UNAUTHENTICATED, "invalid_signature"));
  }
}
