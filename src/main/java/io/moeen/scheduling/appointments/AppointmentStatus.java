package io.moeen.scheduling.appointments;

import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * An appointment's status and THE table of allowed steps (docs/architecture.md repeats it):
 * from each status, which step leads where. A request (reschedule/cancel) remembers the status it
 * interrupted; approving or rejecting it returns there ({@link #PREVIOUS}), except an approved
 * cancellation, which ends in {@code cancelled}. A checked-in patient came: no {@code no_show} then.
 */
public enum AppointmentStatus {
  PENDING, CONFIRMED, CHECKED_IN, COMPLETED, CANCELLED, NO_SHOW, RESCHEDULE_REQUESTED, CANCEL_REQUESTED;

  /** What someone does to an appointment; {@code target} names where it usually leads (for messages). */
  public enum Step {
    CONFIRM("confirmed"), CHECK_IN("checked_in"), COMPLETE("completed"), NO_SHOW("no_show"),
    CANCEL("cancelled"), REQUEST_RESCHEDULE("reschedule_requested"), REQUEST_CANCEL("cancel_requested"),
    RESCHEDULE("rescheduled"), APPROVE(null), REJECT(null);

    private final String target;

    Step(String target) {
      this.target = target;
    }
  }

  /** In the table: "back to the status before the request". */
  private static final AppointmentStatus PREVIOUS = null;
  private static final Map<AppointmentStatus, Map<Step, AppointmentStatus>> TABLE = new EnumMap<>(AppointmentStatus.class);

  static {
    for (AppointmentStatus status : values()) {
      TABLE.put(status, new EnumMap<>(Step.class));
    }
    allow(PENDING, Step.CONFIRM, CONFIRMED);
    allow(PENDING, Step.CANCEL, CANCELLED);
    allow(PENDING, Step.REQUEST_CANCEL, CANCEL_REQUESTED);
    allow(PENDING, Step.REQUEST_RESCHEDULE, RESCHEDULE_REQUESTED);
    allow(PENDING, Step.RESCHEDULE, PENDING);  // a new time, same status
    allow(CONFIRMED, Step.CHECK_IN, CHECKED_IN);
    allow(CONFIRMED, Step.CANCEL, CANCELLED);
    allow(CONFIRMED, Step.NO_SHOW, NO_SHOW);
    allow(CONFIRMED, Step.REQUEST_CANCEL, CANCEL_REQUESTED);
    allow(CONFIRMED, Step.REQUEST_RESCHEDULE, RESCHEDULE_REQUESTED);
    allow(CONFIRMED, Step.RESCHEDULE, CONFIRMED);
    allow(CHECKED_IN, Step.COMPLETE, COMPLETED);
    allow(RESCHEDULE_REQUESTED, Step.APPROVE, PREVIOUS);  // with the requested time
    allow(RESCHEDULE_REQUESTED, Step.REJECT, PREVIOUS);
    allow(CANCEL_REQUESTED, Step.APPROVE, CANCELLED);
    allow(CANCEL_REQUESTED, Step.REJECT, PREVIOUS);
    // COMPLETED, CANCELLED and NO_SHOW are final: nothing leads out of them
  }

  private static void allow(AppointmentStatus from, Step step, AppointmentStatus to) {
    TABLE.get(from).put(step, to);
  }

  public boolean allows(Step step) {
    return TABLE.get(this).containsKey(step);
  }

  /**
   * Where {@code step} leads from here ({@code previous}: the status a request interrupted); 409
   * {@code no_open_request} for a decision without a request, {@code invalid_transition} for anything else.
   */
  public AppointmentStatus after(Step step, AppointmentStatus previous) {
    if (!allows(step)) {
      if (step.target == null) {
        throw new Problem(ProblemKind.CONFLICT, "no_open_request", Map.of("status", code()));
      }
      throw new Problem(ProblemKind.CONFLICT, "invalid_transition", Map.of("from", code(), "to", step.target));
    }
    AppointmentStatus to = TABLE.get(this).get(step);
    return to != PREVIOUS ? to : previous == null ? PENDING : previous;
  }

  public boolean isFinal() {
    return TABLE.get(this).isEmpty();
  }

  public boolean isRequest() {
    return this == RESCHEDULE_REQUESTED || this == CANCEL_REQUESTED;
  }

  /** The database's and the API's spelling: {@code checked_in}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static AppointmentStatus of(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
