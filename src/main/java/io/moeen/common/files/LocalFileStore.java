package io.moeen.common.files;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.streams.ReadStream;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The files in a directory ({@code MOEEN_DATA_DIR/files} by default), one file per object under
 * {@code <first two hex digits>/<random uuid>}. Written through Vert.x's asynchronous file system (its
 * blocking calls run on workers), chunk by chunk with back-pressure: the source is paused while the
 * disk catches up. The SHA-256 is updated per chunk as it passes (microseconds for a chunk of a few
 * kilobytes), and the first {@link ContentSniffer#HEAD_BYTES} are kept for the type, sniffed on a worker.
 */
public final class LocalFileStore implements FileStore {
  private static final Pattern KEY = Pattern.compile("[0-9a-f]{2}/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final Vertx vertx;
  private final Path root;

  public LocalFileStore(Vertx vertx, Path root) {
    this.vertx = vertx;
    this.root = root.toAbsolutePath();
  }

  @Override
  public Future<StoredFile> put(ReadStream<Buffer> source, long maxBytes) {
    source.pause();
    String id = UUID.randomUUID().toString();
    String key = id.substring(0, 2) + "/" + id;
    String path = root.resolve(key).toString();
    return vertx.fileSystem().mkdirs(root.resolve(id.substring(0, 2)).toString())
        .compose(made -> vertx.fileSystem().open(path, new OpenOptions().setWrite(true).setCreateNew(true)))
        .compose(file -> new Writing(key, path, file, maxBytes).run(source));
  }

  @Override
  public Future<Optional<StoredObject>> find(String key) {
    if (key == null || !KEY.matcher(key).matches()) {
      return Future.succeededFuture(Optional.empty());
    }
    String path = root.resolve(key).toString();
    return vertx.fileSystem().exists(path).compose(exists -> !exists
        ? Future.succeededFuture(Optional.<StoredObject>empty())
        : vertx.fileSystem().props(path).map(props -> Optional.of(new StoredObject(key, props.size(), Optional.of(path)))));
  }

  @Override
  public Future<ReadStream<Buffer>> open(String key) {
    if (key == null || !KEY.matcher(key).matches()) {
      return Future.failedFuture(new IllegalArgumentException("not a storage key"));
    }
    return vertx.fileSystem().open(root.resolve(key).toString(), new OpenOptions().setRead(true).setWrite(false))
        .map(file -> (ReadStream<Buffer>) file);
  }

  @Override
  public Future<Void> delete(String key) {
    if (key == null || !KEY.matcher(key).matches()) {
      return Future.succeededFuture();
    }
    String path = root.resolve(key).toString();
    return vertx.fileSystem().exists(path).compose(exists -> exists ? vertx.fileSystem().delete(path) : Future.succeededFuture());
  }

  /** One upload in progress: counted, hashed and written as it arrives. */
  private final class Writing {
    private final String key;
    private final String path;
    private final AsyncFile file;
    private final long maxBytes;
    private final MessageDigest sha256;
    private final Buffer head = Buffer.buffer();
    private final Promise<StoredFile> done = Promise.promise();
    private long size;
    private boolean failed;

    Writing(String key, String path, AsyncFile file, long maxBytes) {
      this.key = key;
      this.path = path;
      this.file = file;
      this.maxBytes = maxBytes;
      try {
        this.sha256 = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    Future<StoredFile> run(ReadStream<Buffer> source) {
      file.exceptionHandler(this::fail);
      source.exceptionHandler(this::fail);
      source.handler(chunk -> {
        if (failed) {
          return; // discarded: the caller answers and closes the connection
        }
        size += chunk.length();
        if (size > maxBytes) {
          fail(new FileTooLargeException(maxBytes));
          return;
        }
        sha256.update(chunk.getBytes());
        if (head.length() < ContentSniffer.HEAD_BYTES) {
          head.appendBuffer(chunk, 0, Math.min(chunk.length(), ContentSniffer.HEAD_BYTES - head.length()));
        }
        file.write(chunk);
        if (file.writeQueueFull()) {
          source.pause();
          file.drainHandler(drained -> source.resume());
        }
      });
      source.endHandler(ended -> {
        if (failed) {
          return;
        }
        String sha = HexFormat.of().formatHex(sha256.digest());
        file.close()
            .compose(closed -> vertx.executeBlocking(() -> ContentSniffer.detect(head.getBytes()), false))
            .onSuccess(type -> done.tryComplete(new StoredFile(key, size, sha, type)))
            .onFailure(this::fail);
      });
      source.resume();
      return done.future();
    }

    private void fail(Throwable cause) {
      if (failed) {
        return;
      }
      failed = true;
      file.close().eventually(() -> vertx.fileSystem().delete(path)).onComplete(cleaned -> done.tryFail(cause));
    }
  }
}
