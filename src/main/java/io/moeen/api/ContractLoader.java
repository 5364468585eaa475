package io.moeen.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.JsonSchemaValidationException;
import io.vertx.json.schema.SchemaRepository;
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
  // media types the router's model takes as they are; every other one is mapped by routerType
  private static final java.util.Set<String> ACCEPTED = java.util.Set.of("application/json", "text/plain",
      "application/octet-stream", "multipart/form-data", "application/x-www-form-urlencoded");
  // text/csv request bodies (lead imports) are also validated as text/plain: see ContractBodies
  static final String CSV = "text/csv";

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
        .compose(merged -> model(vertx, routerCopy(merged.document()), !merged.checkedByTheBuild())
            .map(contract -> new Loaded(merged.document(), contract,
                once(() -> vertx.executeBlocking(() -> ContractParts.toYaml(merged.document()), false)))));
  }

  /** A merged contract, and whether the build already checked it against the OpenAPI schema. */
  private record Merged(JsonObject document, boolean checkedByTheBuild) {
  }

  /**
   * The merged contract the build wrote beside the classes when it is there and {@code path} is the
   * service's own contract; otherwise (a test's own contract, a run from sources without a build)
   * the parts, read and merged now. The build's copy was checked against the OpenAPI schema when it was
   * written ({@link ContractParts#main}) and is held equal to the sources by {@code ContractPartsTest}:
   * checking it again took a fifth of a start's CPU.
   */
  private static Future<Merged> premerged(Vertx vertx, String path) {
    if (!ApiVerticle.CONTRACT.equals(path)) {
      return ContractParts.merged(vertx, path).map(document -> new Merged(document, false));
    }
    return vertx.executeBlocking(() -> {
      try (var in = ContractLoader.class.getClassLoader().getResourceAsStream(ContractParts.PREMERGED)) {
        return in == null ? null : new JsonObject(Buffer.buffer(in.readAllBytes()));
      }
    }, false).compose(json -> json != null ? Future.succeededFuture(new Merged(json, true))
        : ContractParts.merged(vertx, path).map(document -> new Merged(document, false)));
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
  static Future<OpenAPIContract> model(Vertx vertx, JsonObject document, boolean check) {
    OpenAPIVersion version = OpenAPIVersion.fromContract(document);
    return version.getRepository(vertx, "app://")
        .compose(repository -> (check ? check(vertx, version, repository, document) : Future.<Void>succeededFuture())
            .compose(checked -> version.resolve(vertx, repository, document))
            .map(resolved -> new OpenAPIContractImpl(resolved, version, new ValidatorCache(repository))));
  }

  /** The document checked against the OpenAPI schema of its version: a failed future naming the first fault. */
  static Future<Void> check(Vertx vertx, OpenAPIVersion version, SchemaRepository repository, JsonObject document) {
    return version.validateContract(vertx, repository, document).compose(result -> {
      try {
        result.checkValidity();
        return Future.succeededFuture();
      } catch (JsonSchemaValidationException e) {
        return Future.failedFuture(new IllegalStateException("openapi.yaml is not a valid OpenAPI document: "
            + e.getMessage() + " at " + e.location(), e));
      }
    });
  }

  /**
   * The copy the router models: every media type as one the Vert.x model accepts ({@link #routerType}), and
   * no request body for uploads (streamed by {@link UploadForwarder}, not validated).
   */
  static JsonObject routerCopy(JsonObject raw) {
    JsonObject copy = routerMediaTypes(raw.copy());
    UploadRoutes.dropUploadBodies(copy);
    return copy;
  }

  /**
   * The media type the router's model reads in place of {@code mediaType}, or null to leave it: JSON
   * dialects (problem+json, fhir+json) as JSON, text (calendar, CSV, HTML, XML, SVG, event streams) as
   * plain text, everything else (PDF, images, DICOM) as an octet stream. The router never validates these
   * responses; the raw contract keeps the real types for clients.
   */
  static String routerType(String mediaType) {
    if (!mediaType.contains("/") || ACCEPTED.contains(mediaType)) {
      return null;
    }
    if (mediaType.endsWith("+json")) {
      return "application/json";
    }
    if (mediaType.startsWith("text/") || mediaType.equals("application/xml") || mediaType.endsWith("+xml")) {
      return "text/plain";
    }
    return "application/octet-stream";
  }

  /** Every {@code content} map of the document, its media types replaced by {@link #routerType}. */
  static JsonObject routerMediaTypes(JsonObject node) {
    for (String key : node.fieldNames()) {
      Object value = node.getValue(key);
      if (value instanceof JsonObject child) {
        if ("content".equals(key)) {
          for (String type : java.util.List.copyOf(child.fieldNames())) {
            String replacement = routerType(type);
            if (replacement != null) {
              Object schema = child.remove(type);
              if (!child.containsKey(replacement)) {
                child.put(replacement, schema);
              }
            }
          }
        }
        routerMediaTypes(child);
      } else if (value instanceof JsonArray array) {
        array.forEach(item -> {
          if (item instanceof JsonObject object) {
            routerMediaTypes(object);
          }
        });
      }
    }
    return node;
  }
}
