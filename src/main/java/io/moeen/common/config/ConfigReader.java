package io.moeen.common.config;

import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@link AppConfig} from environment variables. Every bad value is reported at once,
 * each with the variable's name, what it held and what is expected.
 */
public final class ConfigReader {
  static final Set<String> LOCALES = Set.of("ar", "en");
  private static final long MIB = 1024L * 1024L;
  static final String DEFAULT_SMS_BODY = "{\"to\":\"{to}\",\"text\":\"{text}\"}";

  private final Map<String, String> env;
  private final List<String> problems = new ArrayList<>();

  private ConfigReader(Map<String, String> env) {
    this.env = env;
  }

  public static AppConfig fromEnvironment() {
    return read(System.getenv());
  }

  public static AppConfig read(Map<String, String> env) {
    return new ConfigReader(env).build();
  }

  private AppConfig build() {
    String httpHost = text("HTTP_HOST", "0.0.0.0");
    int httpPort = integer("HTTP_PORT", 8080, 0, 65535);
    Optional<AppConfig.ExternalDatabase> external = optional("DB_HOST").map(host -> new AppConfig.ExternalDatabase(
        host,
        integer("DB_PORT", 5432, 1, 65535),
        identifier("DB_NAME", "moeen"),
        text("DB_USER", "moeen"),
        env.getOrDefault("DB_PASSWORD", "")));
    String embeddedName = identifier("DB_NAME", "moeen");
    Optional<String> redisUrl = optional("REDIS_URL").map(this::checkRedisUrl);
    Path dataDir = path("MOEEN_DATA_DIR", "./data");
    String locale = locale("MOEEN_DEFAULT_LOCALE", "ar");
    ZoneId zone = zone("MOEEN_TIMEZONE", "Asia/Riyadh");
    boolean demo = bool("MOEEN_DEMO_DATA", external.isEmpty());
    long maxBody = integer("MOEEN_MAX_BODY_BYTES", MIB, 1024, 100 * MIB);
    Duration grace = Duration.ofSeconds(integer("MOEEN_SHUTDOWN_GRACE_SECONDS", 10, 0, 300));
    Path keysDir = optional("MOEEN_JWT_KEYS_DIR").isPresent() ? path("MOEEN_JWT_KEYS_DIR", "") : dataDir.resolve("keys");
    Set<String> proxies = trustedProxies();
    // 0 turns the outbox dispatcher off (tests drive their own)
    Duration dispatchInterval = Duration.ofMillis(integer("MOEEN_DISPATCH_INTERVAL_MS", 1000, 0, 3_600_000));
    AppConfig.Sms sms = new AppConfig.Sms(optional("MOEEN_SMS_URL").map(this::checkHttpUrl),
        optional("MOEEN_SMS_AUTH_HEADER"), smsBodyTemplate());
    AppConfig.WhatsApp whatsapp = whatsapp();
    AppConfig.Smtp smtp = smtp();
    AppConfig.Crm crm = new AppConfig.Crm(
        Duration.ofMillis(integer("MOEEN_CRM_SLA_INTERVAL_MS", 60_000, 0, 3_600_000)),
        integer("MOEEN_WEB_FORM_LIMIT_PER_FORM", 60, 1, 100_000),
        integer("MOEEN_WEB_FORM_LIMIT_PER_ADDRESS", 5, 1, 10_000));
    // a row in 'sending' longer than this is taken back and sent again (same idempotency key)
    Duration sendingTimeout = Duration.ofSeconds(integer("MOEEN_DISPATCH_SENDING_TIMEOUT_SECONDS", 120, 1, 86_400));
    AppConfig.Zatca zatca = new AppConfig.Zatca(optional("MOEEN_ZATCA_BASE_URL")
        .map(url -> checkHttpUrl("MOEEN_ZATCA_BASE_URL", url, "https://gw-fatoora.zatca.gov.sa/e-invoicing/core")),
        Duration.ofMillis(integer("MOEEN_ZATCA_INTERVAL_MS", 60_000, 0, 3_600_000)),
        Duration.ofMillis(integer("MOEEN_ZATCA_RETRY_MS", 60_000, 1, 3_600_000)));
    AppConfig.PaymentGateway gateway = paymentGateway(httpHost, httpPort);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new AppConfig(httpHost, httpPort, external, embeddedName, redisUrl, dataDir, locale, zone, demo,
        maxBody, grace, keysDir, proxies, dispatchInterval, sms, whatsapp, smtp, crm, sendingTimeout,
        zatca, gateway);
  }

  /** The payment gateway: its address, API key and webhook secret together, or none of them. */
  private AppConfig.PaymentGateway paymentGateway(String httpHost, int httpPort) {
    Optional<String> url = optional("MOEEN_PAYMENT_GATEWAY_URL")
        .map(u -> checkHttpUrl("MOEEN_PAYMENT_GATEWAY_URL", u, "https://api.gateway.example"));
    Optional<String> key = optional("MOEEN_PAYMENT_GATEWAY_API_KEY");
    Optional<String> secret = optional("MOEEN_PAYMENT_GATEWAY_WEBHOOK_SECRET");
    int set = (url.isPresent() ? 1 : 0) + (key.isPresent() ? 1 : 0) + (secret.isPresent() ? 1 : 0);
    if (set != 0 && set != 3) {
      problems.add("MOEEN_PAYMENT_GATEWAY_URL, MOEEN_PAYMENT_GATEWAY_API_KEY and MOEEN_PAYMENT_GATEWAY_WEBHOOK_SECRET"
          + " go together: set all three (online payment on) or none (off)");
    }
    if (secret.isPresent() && secret.get().length() < 16) {
      problems.add("MOEEN_PAYMENT_GATEWAY_WEBHOOK_SECRET must be at least 16 characters");
    }
    String back = optional("MOEEN_PAYMENT_RETURN_URL")
        .map(u -> checkHttpUrl("MOEEN_PAYMENT_RETURN_URL", u, "https://clinic.example/app/portal/"))
        .orElse("http://" + ("0.0.0.0".equals(httpHost) || "::".equals(httpHost) ? "localhost" : httpHost) + ":" + httpPort
            + "/app/portal/");
    return new AppConfig.PaymentGateway(url, key, secret, back);
  }

  private Optional<String> optional(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  private String text(String name, String fallback) {
    return optional(name).orElse(fallback);
  }

  private int integer(String name, int fallback, int min, int max) {
    return (int) integer(name, (long) fallback, min, max);
  }

  private long integer(String name, long fallback, long min, long max) {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      long parsed = Long.parseLong(value.get());
      if (parsed < min || parsed > max) {
        problem(name, value.get(), "a whole number from " + min + " to " + max);
        return fallback;
      }
      return parsed;
    } catch (NumberFormatException e) {
      problem(name, value.get(), "a whole number from " + min + " to " + max);
      return fallback;
    }
  }

  private String identifier(String name, String fallback) {
    String value = text(name, fallback);
    if (!value.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
      problem(name, value, "a database name of letters, digits and underscores (at most 63)");
      return fallback;
    }
    return value;
  }

  private Path path(String name, String fallback) {
    String value = text(name, fallback);
    try {
      return Path.of(value).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      problem(name, value, "a directory path");
      return Path.of(fallback).toAbsolutePath().normalize();
    }
  }

  private String locale(String name, String fallback) {
    String value = text(name, fallback).toLowerCase(Locale.ROOT);
    if (!LOCALES.contains(value)) {
      problem(name, value, "one of: ar, en");
      return fallback;
    }
    return value;
  }

  private ZoneId zone(String name, String fallback) {
    String value = text(name, fallback);
    // Only region ids: a fixed offset such as +03:00 would silently ignore daylight saving rules.
    if (!ZoneId.getAvailableZoneIds().contains(value)) {
      problem(name, value, "an IANA time zone such as Asia/Riyadh or Europe/Berlin");
      return ZoneId.of(fallback);
    }
    return ZoneId.of(value);
  }

  private boolean bool(String name, boolean fallback) {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      return fallback;
    }
    switch (value.get().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1", "on":
        return true;
      case "false", "no", "0", "off":
        return false;
      default:
        problem(name, value.get(), "true or false");
        return fallback;
    }
  }

  /** Reverse proxies whose X-Forwarded-For is believed: literal IP addresses, comma-separated. */
  private Set<String> trustedProxies() {
    Optional<String> value = optional("MOEEN_TRUSTED_PROXIES");
    if (value.isEmpty()) {
      return Set.of();
    }
    java.util.Set<String> proxies = new java.util.LinkedHashSet<>();
    for (String part : value.get().split(",")) {
      String address = part.trim();
      if (!address.matches("[0-9.]+|[0-9A-Fa-f:]+")) {
        problem("MOEEN_TRUSTED_PROXIES", value.get(), "IP addresses separated by commas, such as 10.0.0.5,10.0.0.6");
        return Set.of();
      }
      try {
        proxies.add(java.net.InetAddress.getByName(address).getHostAddress());
      } catch (java.net.UnknownHostException e) {
        problem("MOEEN_TRUSTED_PROXIES", value.get(), "IP addresses separated by commas, such as 10.0.0.5,10.0.0.6");
        return Set.of();
      }
    }
    return Set.copyOf(proxies);
  }

  private String checkHttpUrl(String value) {
    return checkHttpUrl("MOEEN_SMS_URL", value, "https://sms.example.com/send");
  }

  private String checkHttpUrl(String name, String value, String example) {
    try {
      URI uri = URI.create(value);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
        problem(name, redact(value), "a URL such as " + example);
      }
    } catch (IllegalArgumentException e) {
      problem(name, redact(value), "a URL such as " + example);
    }
    return value;
  }

  /** Sending needs all three of URL, phone number id and token; one or two alone is a mistake. */
  private AppConfig.WhatsApp whatsapp() {
    Optional<String> url = optional("MOEEN_WHATSAPP_API_URL")
        .map(v -> checkHttpUrl("MOEEN_WHATSAPP_API_URL", v, "https://graph.facebook.com/v21.0"))
        .map(v -> v.endsWith("/") ? v.substring(0, v.length() - 1) : v);
    Optional<String> number = optional("MOEEN_WHATSAPP_PHONE_NUMBER_ID");
    if (number.isPresent() && !number.get().matches("[0-9]{1,32}")) {
      problem("MOEEN_WHATSAPP_PHONE_NUMBER_ID", number.get(), "the Cloud API phone number id (digits only)");
    }
    Optional<String> token = optional("MOEEN_WHATSAPP_TOKEN");
    Map<String, Boolean> sending = new java.util.LinkedHashMap<>();
    sending.put("MOEEN_WHATSAPP_API_URL", url.isPresent());
    sending.put("MOEEN_WHATSAPP_PHONE_NUMBER_ID", number.isPresent());
    sending.put("MOEEN_WHATSAPP_TOKEN", token.isPresent());
    if (sending.containsValue(true) && sending.containsValue(false)) {
      sending.forEach((name, set) -> {
        if (!set) {
          problem(name, "", "a value too: WhatsApp sending needs MOEEN_WHATSAPP_API_URL, "
              + "MOEEN_WHATSAPP_PHONE_NUMBER_ID and MOEEN_WHATSAPP_TOKEN together");
        }
      });
    }
    return new AppConfig.WhatsApp(url, number, token, optional("MOEEN_WHATSAPP_APP_SECRET"),
        optional("MOEEN_WHATSAPP_VERIFY_TOKEN"));
  }

  /** A JSON object whose strings may hold {to}, {text} and {idempotencyKey}. */
  private String smsBodyTemplate() {
    String value = text("MOEEN_SMS_BODY_TEMPLATE", DEFAULT_SMS_BODY);
    try {
      new io.vertx.core.json.JsonObject(value);
      return value;
    } catch (RuntimeException e) {
      problem("MOEEN_SMS_BODY_TEMPLATE", value, "a JSON object such as " + DEFAULT_SMS_BODY);
      return DEFAULT_SMS_BODY;
    }
  }

  /** SMTP for e-mail; without MOEEN_SMTP_HOST nothing else is required (e-mail rows just wait). */
  private AppConfig.Smtp smtp() {
    Optional<String> host = optional("MOEEN_SMTP_HOST");
    int port = integer("MOEEN_SMTP_PORT", 587, 1, 65535);
    String starttls = text("MOEEN_SMTP_STARTTLS", "optional").toLowerCase(Locale.ROOT);
    if (!Set.of("disabled", "optional", "required").contains(starttls)) {
      problem("MOEEN_SMTP_STARTTLS", starttls, "disabled, optional or required");
      starttls = "optional";
    }
    Optional<String> from = optional("MOEEN_MAIL_FROM");
    if (from.isPresent() && !from.get().matches("([^<>\\r\\n]*<)?[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+>?")) {
      problem("MOEEN_MAIL_FROM", from.get(), "an address such as Moeen Clinic <no-reply@clinic.example>");
    } else if (host.isPresent() && from.isEmpty()) {
      problem("MOEEN_MAIL_FROM", "", "the sender address, required when MOEEN_SMTP_HOST is set");
    }
    return new AppConfig.Smtp(host, port, optional("MOEEN_SMTP_USERNAME"),
        Optional.ofNullable(env.get("MOEEN_SMTP_PASSWORD")).filter(p -> !p.isEmpty()), starttls, from.orElse(""));
  }

  private String checkRedisUrl(String value) {
    try {
      URI uri = URI.create(value);
      if (!("redis".equals(uri.getScheme()) || "rediss".equals(uri.getScheme())) || uri.getHost() == null) {
        problem("REDIS_URL", redact(value), "a URL such as redis://localhost:6379/0");
      }
    } catch (IllegalArgumentException e) {
      problem("REDIS_URL", redact(value), "a URL such as redis://localhost:6379/0");
    }
    return value;
  }

  /** Never echo a password back into a log. */
  private static String redact(String url) {
    return url.replaceAll("//[^@/]*@", "//***@");
  }

  private void problem(String name, String value, String expected) {
    problems.add(name + "=" + value + " is not valid: expected " + expected + ".");
  }
}
