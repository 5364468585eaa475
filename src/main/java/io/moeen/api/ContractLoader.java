package io.moeen.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.JsonSchemaValidationException;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.OpenAPIVersion;
import io.vertx.openapi.contract.impl.OpenAPIContractImpl;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Loads {@code openapi.yaml}, with its parts put together (see {@link ContractParts}), for the
 * router. The Vert.x contract model refuses media types it
 * cannot validate, problem+json, text/calendar, text/csv, text/html, application/xml, text/event-stream,
 * image/svg+xml and application/pdf among them, even for responses it
 * never validates; so the copy given to the router reads problem+json as plain JSON, those
 * text types as plain text and PDFs and images as octet streams. The raw (merged) contract is served unchanged.
 */
final class ContractLoader {
  private static final String PROBLEM_JSON = "application/problem+json";
  private static final java.util.List<String> PLAIN_TEXTS = java.util.List.of("text/calendar", "text/csv", "text/event-stream",
      "text/html", "application/xml", "image/svg+xml");
  // documents as bytes (an invoice's PDF, an image) are octet streams to the router
  private static final java.util.List<String> BINARIES = java.util.List.of("application/pdf", "image/png");
  // text/csv request bodies (lead imports) are also validated as text/plain: see ContractBodies
  static final String CSV = "text/csv";
  private static final String OCTETS = "application/octet-stream";
  private static final String FHIR_JSON = "application/fhir+json";

  /**
   * The merged document, the router's model of it, and the merged document as YAML for
   * {@code GET /openapi.yaml} (written on a worker when first asked for, then kept: writing the whole
   * contract as YAML costs as much as reading it, a tenth of a start). Loaded once per process and
   * shared by the API's instances: after loading, the model is only read (a validation keeps its
   * state in the call).
   */
  record Loaded(JsonObject raw, OpenAPIContract contract, Supplier<Future<Buffer>> yaml) {
  }

  private ContractLoader() {
  }

  static Future<Loaded> load(Vertx vertx, String path) {
    return premerged(vertx, path)
        .compose(raw -> model(vertx, routerCopy(raw))
            .map(contract -> new Loaded(raw, contract, once(() -> vertx.executeBlocking(() -> ContractParts.toYaml(raw), false)))));
  }

  /**
   * The merged contract the build wrote beside the classes when it is there and {@code path} is the
   * service's own contract; otherwise (a test's own contract, a run from sources without a build)
   * the parts, read and merged now.
   */
  private static Future<JsonObject> premerged(Vertx vertx, String path) {
    if (!ApiVerticle.CONTRACT.equals(path)) {
      return ContractParts.merged(vertx, path);
    }
    return vertx.executeBlocking(() -> {
      try (var in = ContractLoader.class.getClassLoader().getResourceAsStream(ContractParts.PREMERGED)) {
        return in == null ? null : new JsonObject(Buffer.buffer(in.readAllBytes()));
      }
    }, false).compose(json -> json != null ? Future.succeededFuture(json) : ContractParts.merged(vertx, path));
  }

  /** {@code make}'s future, made at the first call and shared by every later one (a failure too). */
  static <T> Supplier<Future<T>> once(Supplier<Future<T>> make) {
    AtomicReference<Future<T>> made = new AtomicReference<>();
    return () -> {
      Future<T> current = made.get();
      if (current == null) {
        synchronized (made) {
          current = made.get();
          if (current == null) {
            current = make.get();
            made.set(current);
          }
        }
      }
      return current;
    };
  }

  /**
   * What {@link OpenAPIContract#from(Vertx, JsonObject)} does — the document checked against the
   * OpenAPI schema, its references resolved — with the schema repository wrapped in a
   * {@link ValidatorCache}, which {@code from} offers no way to do.
   */
  static Future<OpenAPIContract> model(Vertx vertx, JsonObject document) {
    OpenAPIVersion version = OpenAPIVersion.fromContract(document);
    return version.getRepository(vertx, "app://")
        .compose(repository -> version.validateContract(vertx, repository, document)
            .compose(result -> {
              try {
                result.checkValidity();
              } catch (JsonSchemaValidationException e) {
                return Future.failedFuture(new IllegalStateException("openapi.yaml is not a valid OpenAPI document: "
                    + e.getMessage() + " at " + e.location(), e));
              }
              return version.resolve(vertx, repository, document);
            })
            .map(resolved -> new OpenAPIContractImpl(resolved, version, new ValidatorCache(repository))));
  }

  /**
   * The copy the router models: problem+json and text types as above, file types (PDF, images, DICOM) as
   * application/octet-stream, FHIR JSON as JSON, and no request body for uploads (streamed by {@link UploadForwarder}, not validated).
   */
  static JsonObject routerCopy(JsonObject raw) {
    JsonObject copy = binariesAsOctets(problemsAsJson(raw.copy()));
    UploadRoutes.dropUploadBodies(copy);
    return copy;
  }

  private static JsonObject binariesAsOctets(JsonObject node) {
    for (String key : node.fieldNames()) {
      Object value = node.getValue(key);
      if (value instanceof JsonObject child) {
        if ("content".equals(key)) {
          // FHIR's JSON is JSON to the router (the response is never validated)
          if (child.containsKey(FHIR_JSON) && !child.containsKey("application/json")) {
            child.put("application/json", child.remove(FHIR_JSON));
          }
          for (String type : java.util.List.copyOf(child.fieldNames())) {
            if (type.startsWith("image/") || type.equals("application/pdf") || type.equals("application/dicom")) {
              Object schema = child.remove(type);
              if (!child.containsKey(OCTETS)) {
                child.put(OCTETS, schema);
              }
            }
          }
        }
        binariesAsOctets(child);
      } else if (value instanceof JsonArray array) {
        array.forEach(item -> {
          if (item instanceof JsonObject object) {
            binariesAsOctets(object);
          }
        });
      }
    }
    return node;
  }

  static JsonObject problemsAsJson(JsonObject node) {
    for (String key : node.fieldNames()) {
      Object value = node.getValue(key);
      if (value instanceof JsonObject child) {
        if ("content".equals(key) && child.containsKey(PROBLEM_JSON) && !child.containsKey("application/json")) {
          child.put("application/json", child.remove(PROBLEM_JSON));
        }
        for (String text : PLAIN_TEXTS) {
          if ("content".equals(key) && child.containsKey(text) && !child.containsKey("text/plain")) {
            child.put("text/plain", child.remove(text));
          }
        }
        for (String binary : BINARIES) {
          if ("content".equals(key) && child.containsKey(binary) && !child.containsKey("application/octet-stream")) {
            child.put("application/octet-stream", child.remove(binary));
          }
        }
        problemsAsJson(child);
      } else if (value instanceof JsonArray array) {
        array.forEach(item -> {
          if (item instanceof JsonObject object) {
            problemsAsJson(object);
          }
        });
      }
    }
    return node;
  }
}
