package io.moeen.common.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Everything the service reads from its environment, already checked.
 * Build one with {@link ConfigReader#read(java.util.Map)}.
 */
public record AppConfig(
    String httpHost,
    int httpPort,
    Optional<ExternalDatabase> externalDatabase,
    String embeddedDatabaseName,
    Optional<String> redisUrl,
    Path dataDir,
    String defaultLocale,
    ZoneId timeZone,
    boolean demoData,
    long maxBodyBytes,
    Duration shutdownGrace,
    Path signingKeysDir,
    java.util.Set<String> trustedProxies,
    Duration dispatchInterval,
    Sms sms,
    WhatsApp whatsapp,
    Smtp smtp,
    Crm crm,
    Duration dispatchSendingTimeout,
    Zatca zatca,
    PaymentGateway paymentGateway) {

  /**
   * The card/mada payment gateway patients pay their invoices through in the portal (docs/billing.md, "Paying
   * online"): {@code baseUrl}, {@code apiKey} and {@code webhookSecret} all set, or none (online payment is then
   * unavailable and says so). {@code returnUrl} is where the gateway sends the payer back (the portal's address).
   */
  public record PaymentGateway(Optional<String> baseUrl, Optional<String> apiKey, Optional<String> webhookSecret,
                               String returnUrl) {
    public static PaymentGateway none() {
      return new PaymentGateway(Optional.empty(), Optional.empty(), Optional.empty(), "http://localhost:8080/app/portal/");
    }

    /** Whether patients can pay online: the gateway's address, key and webhook secret are all configured. */
    public boolean available() {
      return baseUrl.isPresent() && apiKey.isPresent() && webhookSecret.isPresent();
    }

    @Override
    public String toString() {
      return "PaymentGateway[" + baseUrl.orElse("unset") + "]";
    }
  }

  /**
   * ZATCA's FATOORA API (e.g. https://gw-fatoora.zatca.gov.sa/e-invoicing/core): {@code baseUrl} empty = nothing
   * is sent and e-invoices wait as {@code pending_report}. The reporting worker looks for due documents every
   * {@code interval} (zero = off; tests drive it) and waits {@code retryBase} × 2^(attempt−1), at most an hour,
   * after ZATCA fails to answer.
   */
  public record Zatca(Optional<String> baseUrl, Duration interval, Duration retryBase) {
    public static Zatca none() {
      return new Zatca(Optional.empty(), Duration.ZERO, Duration.ofMinutes(1));
    }

    @Override
    public String toString() {
      return "Zatca[" + baseUrl.orElse("unset") + "]";
    }
  }

  /**
   * The WhatsApp Cloud API: sending needs {@code apiUrl} (e.g. https://graph.facebook.com/v21.0),
   * {@code phoneNumberId} and {@code token} together (else WhatsApp rows wait in the outbox); the
   * webhook needs {@code appSecret} (signatures) and {@code verifyToken} (subscription check).
   */
  public record WhatsApp(Optional<String> apiUrl, Optional<String> phoneNumberId, Optional<String> token,
                         Optional<String> appSecret, Optional<String> verifyToken) {
    public static WhatsApp none() {
      return new WhatsApp(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Whether outbound messages can be sent. */
    public boolean canSend() {
      return apiUrl.isPresent() && phoneNumberId.isPresent() && token.isPresent();
    }

    @Override
    public String toString() {
      return "WhatsApp[" + apiUrl.orElse("unset") + ", number " + phoneNumberId.orElse("unset") + "]";
    }
  }


  /**
   * CRM timers and web-form limits: the first-contact SLA sweep runs every {@code slaInterval}
   * (zero = off); a web form takes at most {@code formLimitPerForm} leads a minute, and one address
   * at most {@code formLimitPerAddress}.
   */
  public record Crm(Duration slaInterval, int formLimitPerForm, int formLimitPerAddress) {
  }

  /** The generic HTTP SMS provider; {@code url} empty = SMS rows wait in the outbox. */
  public record Sms(Optional<String> url, Optional<String> authHeader, String bodyTemplate) {
    @Override
    public String toString() {
      return "Sms[" + url.orElse("unset") + "]";
    }
  }

  /**
   * The SMTP server e-mail goes through; {@code host} empty = e-mail rows wait in the outbox.
   * {@code starttls} is {@code disabled}, {@code optional} or {@code required}.
   */
  public record Smtp(Optional<String> host, int port, Optional<String> username, Optional<String> password,
                     String starttls, String from) {
    public static Smtp none() {
      return new Smtp(Optional.empty(), 587, Optional.empty(), Optional.empty(), "optional", "");
    }

    @Override
    public String toString() {
      return "Smtp[" + host.map(h -> h + ":" + port).orElse("unset") + ", starttls " + starttls
          + username.map(u -> ", user " + u).orElse("") + "]";
    }
  }

  /** A PostgreSQL server we do not run ourselves (`DB_HOST` given). */
  public record ExternalDatabase(String host, int port, String database, String user, String password) {
    @Override
    public String toString() {
      return "ExternalDatabase[" + user + "@" + host + ":" + port + "/" + database + "]";
    }
  }

  public boolean usesEmbeddedDatabase() {
    return externalDatabase.isEmpty();
  }

  /** Where the embedded PostgreSQL keeps its cluster between runs. */
  public Path embeddedDatabaseDir() {
    return dataDir.resolve("postgres");
  }
}
