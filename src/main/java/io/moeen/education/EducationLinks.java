package io.moeen.education;

import io.moeen.common.errors.Problem;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;

/**
 * A link to a video, checked as text and never fetched: {@code http} or {@code https} only (no
 * {@code javascript:}, {@code data:}, {@code file:} …), a host, no user name or password in it, no
 * spaces, control characters or backslashes, at most 2000 characters.
 */
final class EducationLinks {
  static final int MAX_LENGTH = 2000;

  private EducationLinks() {
  }

  /** The link as given (trimmed), or 400 {@code education_link_not_allowed} naming {@code field}. */
  static String check(String given, String field) {
    String link = given == null ? "" : given.strip();
    if (link.isEmpty() || link.length() > MAX_LENGTH || !link.chars().allMatch(c -> c > 0x20 && c != 0x7f && c != '\\')) {
      throw refused(field);
    }
    URI uri;
    try {
      uri = new URI(link);
    } catch (URISyntaxException e) {
      throw refused(field);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.isOpaque()) {
      throw refused(field);
    }
    if (uri.getRawAuthority() == null || uri.getRawAuthority().contains("@") || uri.getRawUserInfo() != null
        || uri.getHost() == null || uri.getHost().isEmpty()) {
      throw refused(field);
    }
    return link;
  }

  private static Problem refused(String field) {
    return Problem.invalid("education_link_not_allowed", field, Map.of());
  }
}
