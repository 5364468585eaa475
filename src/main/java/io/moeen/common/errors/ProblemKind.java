package io.moeen.common.errors;

/**
 * What kind of failure a domain operation reports. Domain code names the kind; only the API's
 * problem mapper decides which HTTP status each kind becomes.
 */
public enum ProblemKind {
  INVALID_INPUT,
  UNAUTHENTICATED,
  FORBIDDEN,
  NOT_FOUND,
  CONFLICT,
  GONE,
  PRECONDITION_FAILED,
  UNPROCESSABLE,
  PAYLOAD_TOO_LARGE,
  UNSUPPORTED_MEDIA_TYPE,
  TOO_MANY_REQUESTS,
  UNAVAILABLE,
  INTERNAL
}
