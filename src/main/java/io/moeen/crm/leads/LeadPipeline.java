package io.moeen.crm.leads;

import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;

import java.util.List;
import java.util.Map;

/**
 * The pipeline's rules, in one table: forward to any later open stage
 * ({@code new → contacted → qualified → booked}); {@code lost} from any open stage, with a reason;
 * a lost lead may be re-opened to an open stage. {@code converted} is reached only by conversion
 * (it needs the patient), and is final.
 */
public final class LeadPipeline {
  public static final List<String> OPEN = List.of("new", "contacted", "qualified", "booked");
  public static final List<String> ALL = List.of("new", "contacted", "qualified", "booked", "converted", "lost");

  private LeadPipeline() {
  }

  public static boolean allows(String from, String to) {
    if (from.equals(to) || "converted".equals(to) || "converted".equals(from)) {
      return false;
    }
    if ("lost".equals(from)) {
      return OPEN.contains(to);
    }
    return "lost".equals(to) || OPEN.indexOf(to) > OPEN.indexOf(from);
  }

  /** Passes, or 409 {@code lead_transition_not_allowed} / 422 {@code lost_reason_required}. */
  public static void check(String from, String to, String reason) {
    if (!allows(from, to)) {
      throw new Problem(ProblemKind.CONFLICT, "lead_transition_not_allowed", Map.of("from", from, "to", to));
    }
    if ("lost".equals(to) && (reason == null || reason.isBlank())) {
      throw new Problem(ProblemKind.UNPROCESSABLE, "lost_reason_required", Map.of(), "reason");
    }
  }

  /** Whether this move is the lead's first contact: out of {@code new} to a working stage. */
  static boolean contacts(String from, String to) {
    return "new".equals(from) && OPEN.contains(to);
  }
}
