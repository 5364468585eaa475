package io.moeen.api;

import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * What the API verticle needs to know of one contract operation beyond validation: the
 * event-bus address that serves it and the status of its success answer.
 */
record ContractOperation(String operationId, String method, String path, String address, int successStatus,
                         boolean secured, List<String> permissions, String signature, boolean stream,
                         boolean queryToken, boolean crossOrigin) {
  static final String ADDRESS_EXTENSION = "x-moeen-address";
  /** Any one of these permissions lets a caller past the API; object-level checks stay in the domain. */
  static final String PERMISSIONS_EXTENSION = "x-moeen-permissions";
  /** A provider's signature over the raw body that must check out before anything reads it (e.g. whatsapp). */
  static final String SIGNATURE_EXTENSION = "x-moeen-signature";
  /** A Server-Sent Events operation: the answer stays open (see {@code EventStreamForwarder}). */
  static final String STREAM_EXTENSION = "x-moeen-stream";
  /** A public operation that pages on other websites may call from the browser (see {@code CrossOrigin}). */
  static final String CROSS_ORIGIN_EXTENSION = "x-moeen-cross-origin";
  /** The query parameter that may carry the access token, where the contract declares it (EventSource sets no headers). */
  static final String QUERY_TOKEN = "access_token";

  ContractOperation(String operationId, String method, String path, String address, int successStatus) {
    this(operationId, method, path, address, successStatus, false, List.of(), null, false, false, false);
  }

  ContractOperation(String operationId, String method, String path, String address, int successStatus,
                    boolean secured, List<String> permissions) {
    this(operationId, method, path, address, successStatus, secured, permissions, null, false, false, false);
  }

  /** Reads every operation of the raw contract; an operation without an address is a contract error. */
  static List<ContractOperation> readAll(JsonObject rawContract) {
    List<ContractOperation> operations = new ArrayList<>();
    boolean securedByDefault = !rawContract.getJsonArray("security", new io.vertx.core.json.JsonArray()).isEmpty();
    JsonObject paths = rawContract.getJsonObject("paths", new JsonObject());
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.fieldNames()) {
        if (!(item.getValue(method) instanceof JsonObject op) || !op.containsKey("operationId")) {
          continue;
        }
        String operationId = op.getString("operationId");
        String address = op.getString(ADDRESS_EXTENSION);
        if (address == null || address.isBlank()) {
          throw new IllegalStateException("openapi.yaml: operation " + operationId + " has no " + ADDRESS_EXTENSION);
        }
        boolean secured = op.containsKey("security") ? !op.getJsonArray("security").isEmpty() : securedByDefault;
        List<String> permissions = op.getJsonArray(PERMISSIONS_EXTENSION, new io.vertx.core.json.JsonArray())
            .stream().map(String::valueOf).toList();
        if (!permissions.isEmpty() && !secured) {
          throw new IllegalStateException("openapi.yaml: operation " + operationId + " names permissions but is public");
        }
        operations.add(new ContractOperation(operationId, method.toUpperCase(java.util.Locale.ROOT), path, address,
            successStatus(operationId, op.getJsonObject("responses", new JsonObject())), secured, permissions,
            op.getString(SIGNATURE_EXTENSION), op.getBoolean(STREAM_EXTENSION, false), declaresQueryToken(op),
            op.getBoolean(CROSS_ORIGIN_EXTENSION, false)));
      }
    }
    return operations;
  }

  private static boolean declaresQueryToken(JsonObject op) {
    return op.getJsonArray("parameters", new io.vertx.core.json.JsonArray()).stream()
        .anyMatch(p -> p instanceof JsonObject param && QUERY_TOKEN.equals(param.getString("name"))
            && "query".equals(param.getString("in")));
  }

  private static int successStatus(String operationId, JsonObject responses) {
    List<Integer> successes = responses.fieldNames().stream()
        .filter(code -> code.matches("2\\d\\d"))
        .map(Integer::parseInt)
        .sorted()
        .toList();
    if (successes.size() != 1) {
      throw new IllegalStateException("openapi.yaml: operation " + operationId + " must have exactly one 2xx response");
    }
    return successes.get(0);
  }
}
