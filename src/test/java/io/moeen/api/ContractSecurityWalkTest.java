package io.moeen.api;

import io.moeen.testing.ContractDocument;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every operation of the contract as an attacker would: anonymously, and with a token of
 * a role that lacks the operation's permission, under every spelling of its path that a router
 * might read as the same resource. Reads the operations from the contract, so an operation is
 * covered the day it is added. The raw path goes on the wire exactly as written here.
 */
class ContractSecurityWalkTest {
  private static final String SOME_ID = "00000000-0000-4000-8000-00000000f00d";
  private static RunningApp app;
  private static List<Op> operations;
  private static final Map<String, String> TOKENS = new LinkedHashMap<>();
  private static final Map<String, Set<String>> PERMISSIONS = new LinkedHashMap<>();

  record Op(String method, String template, boolean secured, List<String> permissions, boolean stream, String operationId,
            String address) {
    String path() {
      return template.replaceAll("\\{version}", "1").replaceAll("\\{locale}", "en").replaceAll("\\{[^}]+}", SOME_ID);
    }

    boolean hasBody() {
      return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }

    @Override
    public String toString() {
      return method + " " + template;
    }
  }

  record Answer(int status, String body) {
  }

  @BeforeAll
  static void start() {
    app = RunningApp.start("security-walk");
    operations = readOperations(app.clientVertx());
    for (String email : List.of(DemoAccounts.ADMIN, DemoAccounts.SUPERVISOR, DemoAccounts.RECEPTIONIST,
        DemoAccounts.DOCTOR, DemoAccounts.PATIENT_AHMED, DemoAccounts.FAMILY_YOUSEF, DemoAccounts.MARKETER)) {
      String token = app.loginAs(email);
      TOKENS.put(email, token);
      JsonArray held = app.get("/v1/me", "en", token).bodyAsJsonObject().getJsonArray("permissions", new JsonArray());
      PERMISSIONS.put(email, new LinkedHashSet<>(held.stream().map(String::valueOf).toList()));
    }
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static List<Op> readOperations(Vertx vertx) {
    List<Op> ops = ContractDocument.operations(ContractDocument.merged(vertx)).stream()
        .map(op -> new Op(op.method(), op.path(), op.secured(), op.permissions(), op.stream(), op.operationId(), op.address()))
        .toList();
    assertThat(ops).hasSizeGreaterThan(100);
    return ops;
  }

  /** Every other spelling of {@code path} that RFC 3986 or a lenient router could read as the same resource. */
  static List<String> spellings(String path) {
    List<String> out = new ArrayList<>();
    out.add(path + "/");
    out.add(path + "//");
    out.add(path + ";x");
    out.add(path + ";jsessionid=1");
    List<Integer> slashes = new ArrayList<>();
    for (int i = 0; i < path.length(); i++) {
      if (path.charAt(i) == '/') {
        slashes.add(i);
      }
    }
    for (int i : slashes) {
      String head = path.substring(0, i);
      String tail = path.substring(i);
      out.add(head + "/" + tail);                 // doubled slash
      out.add(head + "/." + tail);                // dot segment
      out.add(head + "/x/.." + tail);             // dot-dot segment
      out.add(head + "/%2e" + tail);              // encoded dot segment
      if (i > 0) {
        out.add(head + "%2F" + tail.substring(1)); // encoded slash, upper case
        out.add(head + "%2f" + tail.substring(1));
        out.add(head + ";p=1" + tail);           // matrix parameter mid-path
      }
      // a percent-encoded unreserved letter at the start of the next segment
      if (tail.length() > 1 && Character.isLetter(tail.charAt(1))) {
        char c = tail.charAt(1);
        out.add(head + "/%" + String.format("%02X", (int) c) + tail.substring(2));
        out.add(head + "/%" + String.format("%02x", (int) c) + tail.substring(2));
      }
    }
    return out;
  }

  /** One request on its own connection, the path exactly as given; a hang or a reset is status 0. */
  private static Answer send(Op op, String rawPath, String token) {
    StringBuilder head = new StringBuilder(op.method()).append(' ').append(rawPath).append(" HTTP/1.1\r\n")
        .append("Host: 127.0.0.1\r\nAccept-Language: en\r\nConnection: close\r\n");
    if (token != null) {
      head.append("Authorization: Bearer ").append(token).append("\r\n");
    }
    String body = op.hasBody() ? "{}" : "";
    if (op.hasBody()) {
      head.append("Content-Type: application/json\r\nContent-Length: 2\r\n");
    }
    head.append("\r\n").append(body);
    try (Socket socket = new Socket("127.0.0.1", app.port())) {
      socket.setSoTimeout(15_000);
      socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.UTF_8));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!answer.startsWith("HTTP/1.1 ")) {
        return new Answer(0, answer);
      }
      int split = answer.indexOf("\r\n\r\n");
      return new Answer(Integer.parseInt(answer.substring(9, 12)), split < 0 ? "" : answer.substring(split + 4));
    } catch (IOException e) {
      return new Answer(0, rawPath + ": " + e);
    }
  }

  private static String lackingRole(Op op) {
    for (Map.Entry<String, Set<String>> entry : PERMISSIONS.entrySet()) {
      if (op.permissions().stream().noneMatch(entry.getValue()::contains)) {
        return entry.getKey();
      }
    }
    return null;
  }

  @Test
  @DisplayName("anonymous: every secured operation is 401 as written and 401/403/404 under any other spelling")
  void anonymous_callers_never_reach_a_secured_operation() {
    List<String> leaks = new ArrayList<>();
    int tried = 0;
    for (Op op : operations) {
      if (!op.secured()) {
        continue;
      }
      Answer canonical = send(op, op.path(), null);
      tried++;
      if (canonical.status() != 401) {
        leaks.add(op + " as written → " + canonical.status());
      }
      for (String spelling : spellings(op.path())) {
        Answer answer = send(op, spelling, null);
        tried++;
        if (answer.status() != 401 && answer.status() != 403 && answer.status() != 404) {
          leaks.add(op.method() + " " + spelling + " → " + answer.status() + " " + answer.body());
        }
        if (answer.status() == 404 && !answer.body().contains("\"code\":\"not_found\"")) {
          leaks.add(op.method() + " " + spelling + " → 404 without problem+json: " + answer.body());
        }
      }
      Answer question = send(op, op.path() + "?", null);
      tried++;
      if (question.status() != 401) {
        leaks.add(op.method() + " " + op.path() + "? → " + question.status());
      }
    }
    assertThat(tried).isGreaterThan(110 * 20);
    assertThat(leaks).isEmpty();
  }

  @Test
  @DisplayName("a signed-in role without the permission: 403 as written, 401/403/404 under any other spelling")
  void roles_without_the_permission_never_reach_it() {
    List<String> leaks = new ArrayList<>();
    int covered = 0;
    for (Op op : operations) {
      String role = op.permissions().isEmpty() ? null : lackingRole(op);
      if (role == null) {
        continue;
      }
      covered++;
      String token = TOKENS.get(role);
      Answer canonical = send(op, op.path(), token);
      if (canonical.status() != 403) {
        leaks.add(op + " as " + role + " → " + canonical.status());
      }
      for (String spelling : spellings(op.path())) {
        Answer answer = send(op, spelling, token);
        if (answer.status() != 401 && answer.status() != 403 && answer.status() != 404) {
          leaks.add(op.method() + " " + spelling + " as " + role + " → " + answer.status());
        }
      }
    }
    assertThat(covered).isGreaterThan(80);
    assertThat(leaks).isEmpty();
  }

  @Test
  @DisplayName("a role holding the permission gets past access control on the canonical spelling of every read")
  void allowed_roles_still_reach_every_read() {
    List<String> closed = new ArrayList<>();
    for (Op op : operations) {
      if (!op.secured() || !op.method().equals("GET")) {
        continue;
      }
      String path = op.stream() ? op.path() + "?maxSeconds=1" : op.path();
      for (Map.Entry<String, Set<String>> who : PERMISSIONS.entrySet()) {
        boolean allowed = op.permissions().isEmpty() || op.permissions().stream().anyMatch(who.getValue()::contains);
        if (!allowed) {
          continue;
        }
        Answer answer = send(op, path, TOKENS.get(who.getKey()));
        if (answer.status() == 401 || answer.status() == 403 || answer.status() >= 500) {
          closed.add(op + " as " + who.getKey() + " → " + answer.status() + " " + answer.body());
        }
        // the same caller under another spelling is refused as an unknown resource, never served
        Answer slashed = send(op, op.path() + "/", TOKENS.get(who.getKey()));
        if (slashed.status() != 404) {
          closed.add(op + "/ as " + who.getKey() + " → " + slashed.status());
        }
      }
    }
    assertThat(closed).isEmpty();
  }

  @Test
  @DisplayName("public operations answer only their canonical spelling")
  void public_operations_have_one_spelling() {
    List<String> wrong = new ArrayList<>();
    for (Op op : operations) {
      if (op.secured()) {
        continue;
      }
      for (String spelling : List.of(op.path() + "/", op.path().replaceFirst("/v1/", "/v1//"),
          op.path().replaceFirst("/v1/", "/v1/./"))) {
        Answer answer = send(op, spelling, null);
        if (answer.status() != 404) {
          wrong.add(op.method() + " " + spelling + " → " + answer.status());
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  @DisplayName("behind the API too: every secured operation's address refuses an envelope without a principal")
  void secured_addresses_refuse_anonymous_envelopes() {
    List<String> served = new ArrayList<>();
    for (Op op : operations) {
      if (!op.secured()) {
        continue;
      }
      JsonObject envelope = new io.moeen.common.bus.RequestEnvelope(op.operationId(), new JsonObject(), new JsonObject(),
          null, "en", "walk").toJson();
      try {
        app.application().vertx().eventBus().request(op.address(), envelope).await();
        served.add(op + " at " + op.address() + " answered an anonymous envelope");
      } catch (io.vertx.core.eventbus.ReplyException refused) {
        var problem = io.moeen.common.bus.BusFailures.problem(refused);
        if (problem.isEmpty() || !problem.get().code().equals("unauthenticated")) {
          served.add(op + " at " + op.address() + " → " + refused.getMessage());
        }
      }
    }
    assertThat(served).isEmpty();
  }
}
