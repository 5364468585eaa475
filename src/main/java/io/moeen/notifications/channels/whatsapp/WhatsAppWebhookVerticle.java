package io.moeen.notifications.channels.whatsapp;

import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.bus.ServiceVerticle;
import io.moeen.common.config.AppConfig;
import io.moeen.common.db.SessionContext;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.moeen.common.i18n.Messages;
import io.moeen.common.i18n.SupportedLocale;
import io.moeen.notifications.NotificationsAddresses;
import io.moeen.notifications.dispatch.DispatchVerticle;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Cloud API webhook, behind the API's signature check ({@code x-moeen-signature: whatsapp}).
 * Verification answers the challenge when the verify token matches. A delivery is recorded in one
 * short transaction — statuses onto the outbox rows, each message id once, the contact's 24-hour
 * window, opt-outs — then acknowledged; only after the commit is each new message sent on, channel-neutral, to
 * {@value NotificationsAddresses#INBOUND_RECEIVED} (the chatbot consumes it), so an acknowledged message is never
 * lost and never handed on twice. This adapter knows nothing of who answers.
 */
public final class WhatsAppWebhookVerticle extends ServiceVerticle {
  private final Pool pool;
  private final AppConfig.WhatsApp config;
  private final Messages messages;
  private final Clock clock;

  public WhatsAppWebhookVerticle(Pool pool, AppConfig.WhatsApp config, Messages messages, Clock clock) {
    this.pool = pool;
    this.config = config;
    this.messages = messages;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    servePublic(NotificationsAddresses.WHATSAPP_WEBHOOK_VERIFY, this::verify);
    servePublic(NotificationsAddresses.WHATSAPP_WEBHOOK_RECEIVE, this::receive);
    return WhatsAppChannel.SQL.verify(pool).compose(v -> registered());
  }

  /** Meta's subscription check: {@code hub.mode=subscribe} and our verify token → the challenge, as text. */
  private Future<Reply> verify(RequestEnvelope request) {
    String token = request.param("hub.verify_token");
    boolean ok = "subscribe".equals(request.param("hub.mode")) && token != null
        && config.verifyToken().map(expected -> MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))).orElse(false);
    if (!ok) {
      return Future.failedFuture(new Problem(ProblemKind.FORBIDDEN, "webhook_verification_failed"));
    }
    String challenge = request.param("hub.challenge");
    return Future.succeededFuture(Reply.of(challenge == null ? "" : challenge)
        .withHeader("Content-Type", "text/plain; charset=utf-8"));
  }

  private Future<Reply> receive(RequestEnvelope request) {
    Instant now = clock.instant();
    WebhookBatch batch = WebhookBatch.parse(request.bodyAsObject(), config.phoneNumberId(), now);
    List<WebhookBatch.Inbound> fresh = new ArrayList<>();
    boolean[] optedOut = {false};
    return SessionContext.inTransaction(pool, SessionContext.Actor.system(request.requestId()), conn -> {
          Future<Void> chain = Future.succeededFuture();
          for (WebhookBatch.StatusChange status : batch.statuses()) {
            chain = chain.compose(v -> run(conn, "record_status",
                Tuple.of(status.providerMessageId(), status.status(), status.error())));
          }
          for (WebhookBatch.Inbound message : batch.messages()) {
            chain = chain.compose(v -> record(conn, message, now)).map(isNew -> {
              if (isNew && OptOutWords.isOptOut(message.text())) {
                optedOut[0] = true;
              } else if (isNew) {
                fresh.add(message);
              }
              return null;
            });
          }
          return chain;
        })
        .map(committed -> {
          fresh.forEach(message -> vertx.eventBus().send(NotificationsAddresses.INBOUND_RECEIVED, message.toJson()));
          if (optedOut[0]) {
            vertx.eventBus().send(NotificationsAddresses.OUTBOX_WAKE, null);
          }
          return Reply.of(new JsonObject());
        });
  }

  /** Answers whether the message is new; a new one opens the window and, if it says STOP, opts out. */
  private Future<Boolean> record(SqlConnection conn, WebhookBatch.Inbound message, Instant now) {
    var receivedAt = message.receivedAt().atOffset(ZoneOffset.UTC);
    return conn.preparedQuery(WhatsAppChannel.SQL.get("record_inbound"))
        .execute(Tuple.of(message.messageId(), message.phone(), receivedAt))
        .compose(inserted -> {
          if (inserted.rowCount() == 0) {
            return Future.succeededFuture(false);
          }
          Future<Void> contact = run(conn, "upsert_contact", Tuple.of(message.phone(), message.profileName(), receivedAt));
          if (!OptOutWords.isOptOut(message.text())) {
            return contact.map(true);
          }
          String locale = OptOutWords.localeOf(message.text());
          String confirmation = messages.format(SupportedLocale.fromTag(locale).orElseThrow(),
              "whatsapp.opt_out.confirmed", Map.of());
          return contact
              .compose(v -> run(conn, "record_opt_out", Tuple.of(message.phone(), locale, now.atOffset(ZoneOffset.UTC))))
              .compose(v -> run(conn, "stop_marketing", Tuple.of(message.phone())))
              .compose(v -> run(conn, "opt_out_confirmation", Tuple.of(message.phone(), locale, confirmation,
                  "whatsapp:opt_out:" + message.messageId())))
              .map(true);
        });
  }

  private static Future<Void> run(SqlConnection conn, String statement, Tuple args) {
    return conn.preparedQuery(WhatsAppChannel.SQL.get(statement)).execute(args).mapEmpty();
  }
}
