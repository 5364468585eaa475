package io.moeen.common.files;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

import java.util.Optional;

/**
 * Where uploaded files live, outside the database, behind the few operations the service needs so that
 * an object store can replace the local directory ({@link LocalFileStore}). Every operation is
 * asynchronous: nothing here blocks an event loop, and no file is ever held whole in memory.
 */
public interface FileStore {
  /**
   * Streams {@code source} into a new object under a fresh key, computing its size, SHA-256 and the type
   * sniffed from its first bytes on the way. Past {@code maxBytes} it fails with {@link FileTooLargeException}
   * at once and deletes what it had written; the caller stops (or discards) the source.
   */
  Future<StoredFile> put(ReadStream<Buffer> source, long maxBytes);

  /** The object, when it exists; an unknown or malformed key is empty, never an error. */
  Future<Optional<StoredObject>> find(String key);

  /** Its bytes as a stream (for a store without local files). */
  Future<ReadStream<Buffer>> open(String key);

  /** Deletes the object; a missing one is not an error. */
  Future<Void> delete(String key);

  /** An object as found: its size and, for a local store, the path {@code sendFile} can serve without copying. */
  record StoredObject(String key, long size, Optional<String> localPath) {
  }
}
