package io.moeen.api;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The operations whose request body is a file streamed to the file store ({@code x-moeen-upload}) rather
 * than read into memory by the body handler. Their body is left paused for {@link UploadForwarder}; every
 * other request goes through the body handler as before. A refusal that leaves an upload unread
 * (401, 403, 400 on a parameter) drains a small body and closes the connection under a large one, so a
 * kept-alive connection never stalls.
 */
final class UploadRoutes {
  static final String EXTENSION = "x-moeen-upload";
  static final String UPLOAD = "moeen.upload";
  static final long DRAIN_LIMIT = 64 * 1024;

  /** One upload operation: its method, its path as a pattern, and its size limit. */
  record Upload(String operationId, String method, Pattern path, long maxBytes) {
  }

  private final List<Upload> uploads;

  private UploadRoutes(List<Upload> uploads) {
    this.uploads = List.copyOf(uploads);
  }

  /** Every operation of the raw contract with {@code x-moeen-upload: {maxBytes: N}}. */
  static UploadRoutes of(JsonObject rawContract) {
    List<Upload> found = new ArrayList<>();
    JsonObject paths = rawContract.getJsonObject("paths", new JsonObject());
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.fieldNames()) {
        if (item.getValue(method) instanceof JsonObject op && op.getValue(EXTENSION) instanceof JsonObject upload) {
          long max = upload.getLong("maxBytes", 0L);
          if (max <= 0) {
            throw new IllegalStateException("openapi.yaml: " + op.getString("operationId") + " " + EXTENSION + " needs maxBytes");
          }
          String regex = "^" + Pattern.quote(path).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q") + "$";
          found.add(new Upload(op.getString("operationId"), method.toUpperCase(Locale.ROOT), Pattern.compile(regex), max));
        }
      }
    }
    return new UploadRoutes(found);
  }

  Optional<Upload> byOperation(String operationId) {
    return uploads.stream().filter(u -> u.operationId().equals(operationId)).findFirst();
  }

  /** The body handler for every request but an upload's, whose body stays paused for the upload forwarder. */
  Handler<RoutingContext> bodyHandler(BodyHandler body) {
    if (uploads.isEmpty()) {
      return body;
    }
    return ctx -> {
      String method = ctx.request().method().name();
      String path = ctx.request().path();
      Optional<Upload> upload = uploads.stream()
          .filter(u -> u.method().equals(method) && u.path().matcher(path).matches()).findFirst();
      if (upload.isEmpty()) {
        body.handle(ctx);
        return;
      }
      ctx.request().pause();
      ctx.put(UPLOAD, upload.get());
      ctx.addEndHandler(done -> leaveUnread(ctx.request()));
      ctx.next();
    };
  }

  /**
   * After the answer, a body nobody read: a small one (a declared length up to {@link #DRAIN_LIMIT}) is read
   * and dropped, so the client that was still sending it gets its 401/403/400 on a connection that stays
   * up; a larger or unannounced one closes the connection rather than take megabytes nobody wants.
   */
  private static void leaveUnread(HttpServerRequest request) {
    if (request.isEnded()) {
      return;
    }
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    // HTTP/1.x: neither a length nor chunks means no body at all (RFC 9112 6.3), nothing to close over
    boolean bodiless = length == null && request.version() != HttpVersion.HTTP_2
        && request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null;
    if (bodiless || length != null && length.matches("\\d{1,9}") && Long.parseLong(length) <= DRAIN_LIMIT) {
      request.exceptionHandler(ignored -> { });
      request.handler(ignored -> { });
      request.resume();
    } else {
      request.connection().close();
    }
  }

  /** Whether the router's copy of the contract should drop this operation's request body (it is not validated there). */
  static void dropUploadBodies(JsonObject routerContract) {
    JsonObject paths = routerContract.getJsonObject("paths", new JsonObject());
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      for (Map.Entry<String, Object> entry : item) {
        if (entry.getValue() instanceof JsonObject op && op.containsKey(EXTENSION)) {
          op.remove("requestBody");
        }
      }
    }
  }
}
