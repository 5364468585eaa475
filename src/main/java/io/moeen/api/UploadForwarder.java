package io.moeen.api;

import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.moeen.common.files.FileStore;
import io.moeen.common.files.FileTooLargeException;
import io.moeen.common.files.StoredFile;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The handler of an {@code x-moeen-upload} operation. Streams the request body, raw or the one
 * {@code file} part of a multipart form, into the {@link FileStore} (size, SHA-256 and the sniffed type
 * computed on the way), then forwards a reference instead of the bytes:
 * {@code {"file": {storageKey, size, sha256, detectedType, declaredType, fileName}, <the form's other fields>}}.
 * Past the operation's {@code maxBytes}: 413, the partial file deleted, the connection closed. When the
 * domain refuses the upload, the stored file is deleted. Knows no domain.
 */
final class UploadForwarder implements Handler<RoutingContext> {
  static final String FILE_PART = "file";
  private static final Pattern FILENAME = Pattern.compile("filename\\s*=\\s*\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);

  private final OperationForwarder forwarder;
  private final FileStore files;
  private final UploadRoutes.Upload upload;

  UploadForwarder(OperationForwarder forwarder, FileStore files, UploadRoutes.Upload upload) {
    this.forwarder = forwarder;
    this.files = files;
    this.upload = upload;
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String declaredLength = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (declaredLength != null && declaredLength.matches("\\d{1,18}") && Long.parseLong(declaredLength) > upload.maxBytes()) {
      tooLarge(ctx);
      return;
    }
    String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
    if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      multipart(ctx);
    } else {
      raw(ctx, contentType);
    }
  }

  private void raw(RoutingContext ctx, String contentType) {
    String disposition = ctx.request().getHeader(HttpHeaders.CONTENT_DISPOSITION);
    String fileName = null;
    if (disposition != null) {
      Matcher m = FILENAME.matcher(disposition);
      fileName = m.find() ? m.group(1).strip() : null;
    }
    String name = fileName;
    files.put(ctx.request(), upload.maxBytes())
        .onSuccess(stored -> forward(ctx, stored, mediaType(contentType), name, new JsonObject()))
        .onFailure(e -> refuse(ctx, e));
  }

  private void multipart(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    AtomicReference<Future<StoredFile>> stored = new AtomicReference<>();
    AtomicReference<String[]> described = new AtomicReference<>();
    AtomicBoolean extra = new AtomicBoolean();
    request.setExpectMultipart(true);
    request.uploadHandler(part -> {
      if (stored.get() != null || !FILE_PART.equals(part.name())) {
        extra.set(true);
        part.handler(ignored -> {
        });
        return;
      }
      described.set(new String[] {mediaType(part.contentType()), part.filename()});
      stored.set(files.put(part, upload.maxBytes()).onFailure(e -> refuse(ctx, e)));
    });
    request.exceptionHandler(e -> {
      if (stored.get() != null) {
        stored.get().onSuccess(file -> files.delete(file.storageKey()));
      }
      if (!ctx.response().ended()) {
        ctx.fail(e);
      }
    });
    request.endHandler(ended -> {
      Future<StoredFile> file = stored.get();
      if (file == null) {
        ctx.fail(Problem.invalid("upload_missing", FILE_PART, Map.of("field", FILE_PART)));
        return;
      }
      file.onSuccess(done -> {
        if (extra.get()) {
          files.delete(done.storageKey()).onComplete(deleted ->
              ctx.fail(Problem.invalid("upload_one_file", FILE_PART, Map.of("field", FILE_PART))));
          return;
        }
        JsonObject fields = new JsonObject();
        request.formAttributes().forEach(entry -> fields.put(entry.getKey(), entry.getValue()));
        forward(ctx, done, described.get()[0], described.get()[1], fields);
      });
    });
    request.resume();
  }

  private void forward(RoutingContext ctx, StoredFile stored, String declaredType, String fileName, JsonObject fields) {
    if (ctx.response().closed()) {
      files.delete(stored.storageKey());
      return;
    }
    JsonObject reference = stored.toJson().put("declaredType", declaredType).put("fileName", fileName);
    forwarder.forward(ctx, fields.put(FILE_PART, reference), () -> files.delete(stored.storageKey()));
  }

  private void refuse(RoutingContext ctx, Throwable e) {
    if (ctx.response().ended() || ctx.failed()) {
      return;
    }
    if (e instanceof FileTooLargeException) {
      tooLarge(ctx);
    } else {
      ctx.fail(e);
    }
  }

  /** 413 before or while reading; the connection is closed after the answer (the rest of the body is not read). */
  private void tooLarge(RoutingContext ctx) {
    ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
    ctx.fail(new Problem(ProblemKind.PAYLOAD_TOO_LARGE, "upload_too_large", Map.of("limit", upload.maxBytes())));
  }

  private static String mediaType(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return null;
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
  }
}
