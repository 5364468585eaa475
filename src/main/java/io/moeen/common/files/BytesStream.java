package io.moeen.common.files;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * Bytes already in memory (a rendered PDF, some hundred kilobytes) as the stream {@code FileStore.put}
 * takes, in chunks, pausing when the file's write queue is full (documents' rendered PDFs, clinical's demo
 * report). Used on the verticle's context only.
 */
public final class BytesStream implements ReadStream<Buffer> {
  private static final int CHUNK = 64 * 1024;
  private final Buffer data;
  private Handler<Buffer> handler;
  private Handler<Void> end;
  private boolean paused = true;
  private boolean emitting;
  private int offset;
  private boolean ended;

  public BytesStream(byte[] bytes) {
    this.data = Buffer.buffer(bytes);
  }

  @Override
  public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
    return this;
  }

  @Override
  public ReadStream<Buffer> handler(Handler<Buffer> handler) {
    this.handler = handler;
    return this;
  }

  @Override
  public ReadStream<Buffer> pause() {
    paused = true;
    return this;
  }

  @Override
  public ReadStream<Buffer> resume() {
    paused = false;
    emit();
    return this;
  }

  @Override
  public ReadStream<Buffer> fetch(long amount) {
    return resume();
  }

  @Override
  public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
    this.end = endHandler;
    return this;
  }

  private void emit() {
    if (emitting || handler == null) {
      return;
    }
    emitting = true;
    try {
      while (!paused && offset < data.length()) {
        int next = Math.min(data.length(), offset + CHUNK);
        Buffer chunk = data.getBuffer(offset, next);
        offset = next;
        handler.handle(chunk);
      }
      if (!paused && offset >= data.length() && !ended) {
        ended = true;
        if (end != null) {
          end.handle(null);
        }
      }
    } finally {
      emitting = false;
    }
  }
}
