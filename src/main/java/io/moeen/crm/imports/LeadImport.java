package io.moeen.crm.imports;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.BusFailures;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.errors.Problem;
import io.moeen.common.i18n.Messages;
import io.moeen.common.i18n.SupportedLocale;
import io.moeen.crm.CrmAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A CSV of leads. The whole file is checked first (UTF-8, the exact header, at most
 * {@link #MAX_ROWS} rows), so a wrong file writes nothing. Then each row goes through
 * {@code crm.leads.capture} on its own, a few at a time: a row whose phone or e-mail matches an
 * open lead (also one earlier in the same file) merges into it; a bad row is reported, not fatal.
 * Not all-or-nothing: a marketer fixes the rejected rows and imports just those again.
 */
final class LeadImport {
  static final List<String> COLUMNS = List.of("full_name", "phone", "email", "preferred_language", "source",
      "utm_campaign", "utm_medium", "utm_source", "interested_in", "notes");
  static final int MAX_ROWS = 5_000;
  static final int IN_FLIGHT = 4;
  static final String DEFAULT_SOURCE = "campaign";
  private static final Map<String, String> FIELD_TO_COLUMN = Map.of("fullName", "full_name", "phone", "phone",
      "email", "email", "preferredLanguage", "preferred_language", "source", "source", "utm.campaign", "utm_campaign",
      "utm.medium", "utm_medium", "utm.source", "utm_source", "interestedIn", "interested_in", "note", "notes");

  private final Vertx vertx;
  private final Messages messages;

  LeadImport(Vertx vertx, Messages messages) {
    this.vertx = vertx;
    this.messages = messages;
  }

  Future<JsonObject> run(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    Access.requireAny(principal, "leads.write");
    List<List<String>> rows = CsvRows.parse(text(request.body()));
    String expected = String.join(",", COLUMNS);
    if (rows.isEmpty()) {
      throw Problem.invalid("import_empty", null, Map.of("expected", expected));
    }
    List<String> header = rows.get(0).stream().map(String::strip).toList();
    if (!header.equals(COLUMNS)) {
      throw Problem.invalid("import_header_mismatch", null, Map.of("expected", expected));
    }
    if (rows.size() - 1 > MAX_ROWS) {
      throw Problem.invalid("import_too_many_rows", null, Map.of("maxRows", MAX_ROWS));
    }
    SupportedLocale locale = SupportedLocale.fromTag(request.locale()).orElse(SupportedLocale.fromTag("ar").orElseThrow());
    Outcome outcome = new Outcome(rows.size() - 1);
    List<Future<Void>> lanes = new ArrayList<>();
    Map<String, Future<Void>> inFlight = new java.util.HashMap<>();
    int[] next = {1};
    for (int lane = 0; lane < IN_FLIGHT; lane++) {
      lanes.add(lane(rows, next, outcome, locale, request.requestId(), inFlight));
    }
    return Future.all(lanes).map(done -> outcome.toJson());
  }

  /** One of a few captures in flight: takes the next row when its row is done. */
  private Future<Void> lane(List<List<String>> rows, int[] next, Outcome outcome, SupportedLocale locale, String requestId,
                            Map<String, Future<Void>> inFlight) {
    if (next[0] >= rows.size()) {
      return Future.succeededFuture();
    }
    int index = next[0]++;
    List<String> row = rows.get(index);
    Future<Void> done;
    if (row.size() != COLUMNS.size()) {
      outcome.reject(index, null, reason(locale, "import_row_columns", Map.of("count", row.size(), "expected", COLUMNS.size())));
      done = Future.succeededFuture();
    } else {
      // rows sharing a phone or e-mail go in file order, so the first of them creates the lead
      List<String> keys = contactKeys(row);
      List<Future<Void>> before = keys.stream().map(inFlight::get).filter(java.util.Objects::nonNull).toList();
      done = Future.all(before).<Void>mapEmpty().otherwiseEmpty()
          .compose(x -> vertx.eventBus().<JsonObject>request(CrmAddresses.LEADS_CAPTURE, lead(row, requestId + ":" + index)))
          .<Void>map(reply -> {
            outcome.captured(reply.body().getBoolean("created"));
            return null;
          })
          .recover(failure -> BusFailures.problem(failure).<Future<Void>>map(problem -> {
            String field = problem.field() == null ? null : FIELD_TO_COLUMN.getOrDefault(problem.field(), problem.field());
            outcome.reject(index, field, reason(locale, problem.code(), problem.args().getMap()));
            return Future.succeededFuture();
          }).orElseGet(() -> Future.failedFuture(failure)));
      for (String key : keys) {
        inFlight.put(key, done);
      }
    }
    return done.compose(x -> lane(rows, next, outcome, locale, requestId, inFlight));
  }

  /** The row's e-mail (lower case) and phone (its last nine digits, any digit script): enough to order look-alikes. */
  static List<String> contactKeys(List<String> row) {
    List<String> keys = new ArrayList<>();
    StringBuilder digits = new StringBuilder();
    row.get(1).codePoints().filter(Character::isDigit).forEach(c -> digits.append(Character.digit(c, 10)));
    if (digits.length() >= 7) {
      keys.add("phone:" + digits.substring(Math.max(0, digits.length() - 9)));
    }
    if (!row.get(2).isBlank()) {
      keys.add("email:" + row.get(2).strip().toLowerCase(java.util.Locale.ROOT));
    }
    return keys;
  }

  private static JsonObject lead(List<String> row, String requestId) {
    JsonObject utm = new JsonObject().put("campaign", blank(row.get(5))).put("medium", blank(row.get(6)))
        .put("source", blank(row.get(7)));
    String source = blank(row.get(4));
    return new JsonObject()
        .put("fullName", row.get(0))
        .put("phone", blank(row.get(1)))
        .put("email", blank(row.get(2)) == null ? null : row.get(2).strip().toLowerCase(java.util.Locale.ROOT))
        .put("preferredLanguage", blank(row.get(3)))
        .put("source", source == null ? DEFAULT_SOURCE : source)
        .put("utm", utm)
        .put("interestedIn", blank(row.get(8)))
        .put("note", blank(row.get(9)))
        .put("requestId", requestId);
  }

  private String reason(SupportedLocale locale, String code, Map<String, ?> args) {
    String key = "error." + code + ".detail";
    return messages.has(locale, key) ? messages.format(locale, key, args) : code;
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** The body as text: the bytes must be UTF-8. */
  static String text(Object body) {
    byte[] bytes;
    if (body instanceof Buffer buffer) {
      bytes = buffer.getBytes();
    } else if (body instanceof byte[] raw) {
      bytes = raw;
    } else if (body instanceof String encoded) {
      // raw bytes travel the event bus inside the envelope's JSON as base64; JsonObject decodes its own
      bytes = new JsonObject().put("body", encoded).getBinary("body");
    } else {
      throw Problem.invalid("import_empty", null, Map.of("expected", String.join(",", COLUMNS)));
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw Problem.invalid("import_not_utf8", null, Map.of());
    }
  }

  /** Counts and rejected rows, in row order. */
  private static final class Outcome {
    private int created;
    private int merged;
    private final List<JsonObject> rejected = new ArrayList<>();

    Outcome(int rows) {
    }

    void captured(boolean isNew) {
      if (isNew) {
        created++;
      } else {
        merged++;
      }
    }

    void reject(int row, String field, String reason) {
      rejected.add(new JsonObject().put("row", row).put("field", field).put("reason", reason));
    }

    JsonObject toJson() {
      rejected.sort(java.util.Comparator.comparingInt(r -> r.getInteger("row")));
      return new JsonObject().put("created", created).put("merged", merged).put("rejected", new JsonArray(rejected));
    }
  }
}
