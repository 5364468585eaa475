package io.moeen.scheduling.appointments;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;

import java.util.Map;
import java.util.UUID;

/**
 * Who may see or change one appointment: staff with {@code .any}; the doctor of the appointment
 * with {@code .own}; the patient and family members granted the scope, through {@link Access}.
 * An appointment the caller may not see is 404 {@code appointment_not_found}, like one that does not exist.
 */
final class AppointmentAccess {
  /** On whose behalf a writer acts: the clinic (staff, the appointment's doctor) or the patient (self, family). */
  enum Side { CLINIC, PATIENT }

  private AppointmentAccess() {
  }

  static boolean mayRead(Principal p, UUID patientId, UUID doctorUserId) {
    return p.has("appointments.read.any")
        || (p.has("appointments.read.own") && p.userId().equals(doctorUserId))
        || Access.mayActOnPatient(p, patientId, "appointments", "read");
  }

  static void requireRead(Principal p, UUID appointmentId, UUID patientId, UUID doctorUserId) {
    if (!mayRead(p, patientId, doctorUserId)) {
      throw Access.refusal(p, patientId, "appointments", "read", notFound(appointmentId));
    }
  }

  /** 404 when the caller may not see it, 403 when they may see but not change it. */
  static Side requireWrite(Principal p, Appointment a) {
    requireRead(p, a.id(), a.patientId(), a.doctorUserId());
    if (p.has("appointments.write.any")
        || (p.has("appointments.write.own") && p.userId().equals(a.doctorUserId()))) {
      return Side.CLINIC;
    }
    if (Access.mayActOnPatient(p, a.patientId(), "appointments", "write")) {
      return Side.PATIENT;
    }
    throw new Problem(ProblemKind.FORBIDDEN, "forbidden");
  }

  /** Steps only the clinic takes (check-in, completion …): 403 for the patient's side. */
  static void requireClinic(Side side) {
    if (side != Side.CLINIC) {
      throw new Problem(ProblemKind.FORBIDDEN, "forbidden");
    }
  }

  /** Deciding on a patient's request is for staff who act on every appointment. */
  static void requireStaff(Principal p) {
    Access.requireAny(p, "appointments.write.any");
  }

  static Problem notFound(UUID id) {
    return Problem.notFound("appointment_not_found", Map.of("id", id.toString()));
  }
}
