package io.moeen.crm.leads;

import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;

import java.util.Map;

/** Optimistic locking: {@code If-Match: "3"} (or {@code 3}, {@code W/"3"}, {@code *}) must name the lead's version. */
final class LeadVersion {
  private LeadVersion() {
  }

  static void require(String ifMatch, int version) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
      return;
    }
    for (String candidate : ifMatch.split(",")) {
      String tag = candidate.trim();
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.replace("\"", "").equals(Integer.toString(version))) {
        return;
      }
    }
    throw new Problem(ProblemKind.PRECONDITION_FAILED, "lead_version_mismatch", Map.of("version", version));
  }

  static String etag(int version) {
    return "\"" + version + "\"";
  }
}
