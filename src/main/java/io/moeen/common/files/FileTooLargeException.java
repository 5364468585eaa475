package io.moeen.common.files;

/** An upload went past its limit; what had been written is deleted. */
public final class FileTooLargeException extends RuntimeException {
  private final long limit;

  public FileTooLargeException(long limit) {
    super("upload over " + limit + " bytes", null, false, false);
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
