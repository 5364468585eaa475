package io.moeen.common.db;

/** The database could not be started or reached; the message is for an operator, not a stack trace. */
public final class DatabaseUnavailableException extends RuntimeException {
  public DatabaseUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
