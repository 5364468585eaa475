package io.moeen.notifications;

import io.moeen.common.db.SqlStatements;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Records marketing consent. An opt-out is honoured at once: in the same statement every pending
 * marketing message to that contact on that channel fails with reason {@code opted_out}. Pass the
 * caller's transaction as {@code conn} so the event and the stop commit together. Channels are
 * {@code whatsapp}, {@code sms} and {@code email}; sources those of {@code consent_events.source}
 * ({@code web_form}, {@code web_chat}, {@code whatsapp}, {@code sms}, {@code staff}, {@code import}, {@code self}).
 */
public final class ConsentRecorder {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/notifications/consent.sql");

  /** Who: an account, a phone number (E.164) or an e-mail address, or several of them at once. */
  public record Contact(UUID userId, String phone, String email) {
    public static Contact user(UUID userId) {
      return new Contact(userId, null, null);
    }

    public static Contact phone(String e164) {
      return new Contact(null, e164, null);
    }

    public static Contact email(String address) {
      return new Contact(null, null, address);
    }
  }

  private ConsentRecorder() {
  }

  /** Prepares the statements once, so a typo fails at start rather than at the first opt-out. */
  public static Future<Void> verify(io.vertx.sqlclient.Pool pool) {
    return SQL.verify(pool);
  }

  /** Answers how many pending marketing messages were stopped. */
  public static Future<Integer> optOut(SqlClient conn, Contact who, String channel, String source) {
    return optOut(conn, who, channel, source, null);
  }

  public static Future<Integer> optOut(SqlClient conn, Contact who, String channel, String source, UUID recordedBy) {
    return conn.preparedQuery(SQL.get("opt_out"))
        .execute(Tuple.of(who.userId(), who.phone(), who.email(), channel, source, recordedBy))
        .map(rows -> rows.iterator().next().getInteger("stopped"));
  }

  /** {@code wording} is the exact sentence the person agreed to, in {@code locale}. Answers when it was recorded. */
  public static Future<OffsetDateTime> optIn(SqlClient conn, Contact who, String channel, String wording, String locale,
                                             String source, UUID recordedBy) {
    return conn.preparedQuery(SQL.get("opt_in"))
        .execute(Tuple.from(new Object[] {who.userId(), who.phone(), who.email(), channel, wording, locale, source,
            recordedBy}))
        .map(rows -> rows.iterator().next().getOffsetDateTime("occurred_at"));
  }
}
