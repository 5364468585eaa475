package io.moeen.billing.zatca;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ZATCA's FATOORA API as a small Vert.x server on loopback. It checks what ZATCA checks of the shape: the headers
 * (Accept-Version V2, OTP, Basic authentication with the CSID it issued, Clearance-Status), the CSR's own
 * signature, and for an invoice that {@code invoiceHash} is the hash of the XML sent and {@code uuid} its UUID.
 * It issues certificates from its own CA for the CSR's key and answers each invoice as the test scripted it by
 * UUID ({@code accept}, {@code warn}, {@code reject}, {@code fail} = 500), accepting by default.
 */
final class ZatcaStandIn implements AutoCloseable {
  static final String OTP = "123345";
  static final String CA_NAME = "CN=ZATCA Stand-in CA,O=Moeen Tests,C=SA";
  private static final Base64.Encoder B64 = Base64.getEncoder();
  private static final Pattern UUID_IN_XML = Pattern.compile("<cbc:UUID>([^<]+)</cbc:UUID>");

  private final Vertx vertx = Vertx.vertx();
  private final KeyPair ca = DeviceKeys.generate();
  private HttpServer server;
  private PublicKey deviceKey;
  private final AtomicInteger requests = new AtomicInteger(1_234_567);
  private final Map<String, String> secrets = new ConcurrentHashMap<>();
  final Map<String, ConcurrentLinkedQueue<String>> script = new ConcurrentHashMap<>();
  final Map<String, AtomicInteger> submissions = new ConcurrentHashMap<>();
  final List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());

  static ZatcaStandIn start() {
    ZatcaStandIn standIn = new ZatcaStandIn();
    standIn.server = standIn.vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
      try {
        standIn.handle(request, body.length() == 0 ? new JsonObject() : body.toJsonObject());
      } catch (RuntimeException e) {
        standIn.problems.add(e.toString());
        request.response().setStatusCode(400).end(new JsonObject().put("message", e.getMessage()).encode());
      }
    })).listen(0, "127.0.0.1").await();
    return standIn;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort() + "/e-invoicing/simulation";
  }

  void then(String uuid, String... answers) {
    script.put(uuid, new ConcurrentLinkedQueue<>(List.of(answers)));
  }

  int submitted(String uuid) {
    AtomicInteger n = submissions.get(uuid);
    return n == null ? 0 : n.get();
  }

  private void handle(HttpServerRequest request, JsonObject body) {
    if (!"V2".equals(request.getHeader("Accept-Version"))) {
      throw new IllegalArgumentException("Accept-Version V2 missing");
    }
    String path = request.path().replace("/e-invoicing/simulation", "");
    switch (path) {
      case "/compliance" -> compliance(request, body);
      case "/production/csids" -> production(request, body);
      case "/invoices/reporting/single", "/invoices/clearance/single" -> invoice(request, body, path.contains("clearance"));
      default -> request.response().setStatusCode(404).end();
    }
  }

  private void compliance(HttpServerRequest request, JsonObject body) {
    if (!OTP.equals(request.getHeader("OTP"))) {
      answer(request, 400, new JsonObject().put("code", "Invalid-OTP").put("message", "The provided OTP is invalid"));
      return;
    }
    try (PEMParser parser = new PEMParser(new StringReader(new String(Base64.getDecoder().decode(body.getString("csr")),
        StandardCharsets.UTF_8)))) {
      PKCS10CertificationRequest csr = (PKCS10CertificationRequest) parser.readObject();
      if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(new BouncyCastleProvider())
          .build(csr.getSubjectPublicKeyInfo()))) {
        throw new IllegalArgumentException("CSR signature invalid");
      }
      deviceKey = new JcaPKCS10CertificationRequest(csr).setProvider(new BouncyCastleProvider()).getPublicKey();
      answer(request, 200, csid(csr.getSubject().toString(), "compliance"));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private void production(HttpServerRequest request, JsonObject body) {
    String id = body.getString("compliance_request_id");
    if (!authenticated(request, "compliance") || id == null) {
      answer(request, 401, new JsonObject().put("message", "Unauthorized"));
      return;
    }
    answer(request, 200, csid("CN=EGS-production", "production"));
  }

  private JsonObject csid(String subject, String kind) {
    try {
      Instant now = Instant.now();
      var builder = new JcaX509v3CertificateBuilder(new X500Name(CA_NAME), BigInteger.valueOf(requests.get()),
          Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(365))), new X500Name(subject),
          deviceKey);
      var certificate = new JcaX509CertificateConverter().setProvider(new BouncyCastleProvider()).getCertificate(
          builder.build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(new BouncyCastleProvider()).build(ca.getPrivate())));
      String token = B64.encodeToString(B64.encodeToString(certificate.getEncoded()).getBytes(StandardCharsets.US_ASCII));
      String secret = kind + "-secret-" + requests.get();
      secrets.put(kind, token + ":" + secret);
      return new JsonObject().put("requestID", requests.getAndIncrement()).put("dispositionMessage", "ISSUED")
          .put("binarySecurityToken", token).put("secret", secret).put("errors", null);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private boolean authenticated(HttpServerRequest request, String kind) {
    String header = request.getHeader("Authorization");
    return header != null && secrets.get(kind) != null
        && header.equals("Basic " + B64.encodeToString(secrets.get(kind).getBytes(StandardCharsets.UTF_8)));
  }

  private void invoice(HttpServerRequest request, JsonObject body, boolean clearance) {
    if (!authenticated(request, "production")) {
      answer(request, 401, new JsonObject().put("message", "Unauthorized"));
      return;
    }
    if (!(clearance ? "1" : "0").equals(request.getHeader("Clearance-Status"))) {
      throw new IllegalArgumentException("Clearance-Status header wrong");
    }
    String xml = new String(Base64.getDecoder().decode(body.getString("invoice")), StandardCharsets.UTF_8);
    Matcher uuid = UUID_IN_XML.matcher(xml);
    String id = body.getString("uuid");
    submissions.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
    if (!uuid.find() || !uuid.group(1).equals(id) || !InvoiceHash.of(xml).equals(body.getString("invoiceHash"))) {
      problems.add("hash or uuid of " + id + " does not match its XML");
      answer(request, 400, results(clearance, "ERROR", "invalid-invoice-hash", "The invoice hash does not match"));
      return;
    }
    var queue = script.get(id);
    String next = queue == null || queue.isEmpty() ? "accept" : queue.poll();
    switch (next) {
      case "fail" -> answer(request, 500, new JsonObject().put("message", "Something went wrong"));
      case "reject" -> answer(request, 400, results(clearance, "ERROR", "BR-KSA-37",
          "The seller address building number must contain 4 digits."));
      case "warn" -> answer(request, 202, results(clearance, "WARNING", "BR-KSA-08",
          "The seller identification should be present."));
      default -> {
        JsonObject ok = results(clearance, "INFO", "XSD_ZATCA_VALID", "Complied with UBL 2.1 standards in line with ZATCA specifications");
        if (clearance) {
          ok.put("clearedInvoice", B64.encodeToString(xml.getBytes(StandardCharsets.UTF_8)));
        }
        answer(request, 200, ok);
      }
    }
  }

  private static JsonObject results(boolean clearance, String type, String code, String message) {
    JsonObject m = new JsonObject().put("type", type).put("code", code).put("category", "KSA").put("message", message)
        .put("status", type.equals("ERROR") ? "ERROR" : type.equals("WARNING") ? "WARNING" : "PASS");
    JsonObject results = new JsonObject()
        .put("infoMessages", type.equals("INFO") ? new JsonArray().add(m) : new JsonArray())
        .put("warningMessages", type.equals("WARNING") ? new JsonArray().add(m) : new JsonArray())
        .put("errorMessages", type.equals("ERROR") ? new JsonArray().add(m) : new JsonArray())
        .put("status", type.equals("ERROR") ? "ERROR" : type.equals("WARNING") ? "WARNING" : "PASS");
    String status = type.equals("ERROR") ? "NOT_" : "";
    return new JsonObject().put("validationResults", results)
        .put(clearance ? "clearanceStatus" : "reportingStatus", status + (clearance ? "CLEARED" : "REPORTED"));
  }

  private static void answer(HttpServerRequest request, int status, JsonObject body) {
    request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }

  Vertx vertx() {
    return vertx;
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
