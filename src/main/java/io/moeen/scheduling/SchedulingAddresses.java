package io.moeen.scheduling;

/**
 * Every event-bus address of the scheduling feature, and the only place they are written: the addresses it
 * serves (contract operations, named by the contract's {@code x-moeen-address}, and internal requests)
 * and the events it publishes. Each is {@code <feature>.<resource>.<verb>}; docs/architecture.md lists them.
 * <p>The clinic catalogue, slots, booking and the appointment lifecycle, and the events appointments publish.
 */
public final class SchedulingAddresses {
  // Contract operations (see contract/scheduling.yaml).
  public static final String LOCATIONS_LIST = "scheduling.locations.list";
  public static final String LOCATIONS_GET = "scheduling.locations.get";
  public static final String DEPARTMENTS_LIST = "scheduling.departments.list";
  public static final String SERVICES_LIST = "scheduling.services.list";
  public static final String SERVICES_GET = "scheduling.services.get";
  public static final String DOCTORS_LIST = "scheduling.doctors.list";
  public static final String DOCTORS_GET = "scheduling.doctors.get";
  public static final String AVAILABILITY_GET = "scheduling.availability.get";
  public static final String HOLIDAYS_LIST = "scheduling.holidays.list";
  public static final String RAMADAN_HOURS_GET = "scheduling.ramadan_hours.get";
  public static final String DEPARTMENTS_CREATE = "scheduling.departments.create";
  public static final String DEPARTMENTS_UPDATE = "scheduling.departments.update";
  public static final String DEPARTMENTS_DELETE = "scheduling.departments.delete";
  public static final String LOCATIONS_CREATE = "scheduling.locations.create";
  public static final String LOCATIONS_UPDATE = "scheduling.locations.update";
  public static final String LOCATIONS_DELETE = "scheduling.locations.delete";
  public static final String ROOMS_LIST = "scheduling.rooms.list";
  public static final String ROOMS_CREATE = "scheduling.rooms.create";
  public static final String ROOMS_UPDATE = "scheduling.rooms.update";
  public static final String ROOMS_DELETE = "scheduling.rooms.delete";
  public static final String SERVICES_CREATE = "scheduling.services.create";
  public static final String SERVICES_UPDATE = "scheduling.services.update";
  public static final String SERVICES_DELETE = "scheduling.services.delete";
  public static final String DOCTORS_CREATE = "scheduling.doctors.create";
  public static final String DOCTORS_UPDATE = "scheduling.doctors.update";
  public static final String DOCTORS_DELETE = "scheduling.doctors.delete";
  public static final String AVAILABILITY_REPLACE = "scheduling.availability.replace";
  public static final String RAMADAN_HOURS_REPLACE = "scheduling.ramadan_hours.replace";
  public static final String OVERRIDES_LIST = "scheduling.overrides.list";
  public static final String OVERRIDES_CREATE = "scheduling.overrides.create";
  public static final String OVERRIDES_DELETE = "scheduling.overrides.delete";
  public static final String HOLIDAYS_CREATE = "scheduling.holidays.create";
  public static final String HOLIDAYS_DELETE = "scheduling.holidays.delete";
  public static final String SLOTS_LIST = "scheduling.slots.list";
  public static final String APPOINTMENTS_CREATE = "scheduling.appointments.create";
  public static final String APPOINTMENTS_GET = "scheduling.appointments.get";
  public static final String APPOINTMENTS_LIST = "scheduling.appointments.list";
  public static final String APPOINTMENTS_GET_CALENDAR = "scheduling.appointments.get_calendar";
  public static final String APPOINTMENTS_CONFIRM = "scheduling.appointments.confirm";
  public static final String APPOINTMENTS_CHECK_IN = "scheduling.appointments.check_in";
  public static final String APPOINTMENTS_COMPLETE = "scheduling.appointments.complete";
  public static final String APPOINTMENTS_NO_SHOW = "scheduling.appointments.no_show";
  public static final String APPOINTMENTS_CANCEL = "scheduling.appointments.cancel";
  public static final String APPOINTMENTS_REQUEST_RESCHEDULE = "scheduling.appointments.request_reschedule";
  public static final String APPOINTMENTS_REQUEST_CANCEL = "scheduling.appointments.request_cancel";
  public static final String APPOINTMENTS_APPROVE_REQUEST = "scheduling.appointments.approve_request";
  public static final String APPOINTMENTS_REJECT_REQUEST = "scheduling.appointments.reject_request";
  public static final String APPOINTMENTS_RESCHEDULE = "scheduling.appointments.reschedule";
  public static final String APPOINTMENTS_SET_ROOM = "scheduling.appointments.set_room";
  public static final String DEFAULT_ROOMS_SET = "scheduling.default_rooms.set";

  // Internal requests, served to other verticles only.
  /** Internal, request/reply: may this slot be booked now (booking, approved moves). */
  public static final String SLOTS_CHECK = "scheduling.slots.check";
  /** Internal, request/reply: the next free slots after an instant (booking alternatives, chatbot). */
  public static final String SLOTS_NEXT = "scheduling.slots.next";

  // Events this feature publishes.
  /**
   * Event, published after every committed catalogue write: {@code {}}; each node's catalogue drops the
   * answers it keeps in memory (CatalogueCache).
   */
  public static final String CATALOGUE_INVALIDATED = "scheduling.catalogue.invalidated";
  /** Event, published after commit: the appointment as booked. */
  public static final String APPOINTMENTS_BOOKED = "scheduling.appointments.booked";
  /** Event, published after commit: {@code {appointmentId, from, to, …}} for every change. */
  public static final String APPOINTMENTS_STATUS_CHANGED = "scheduling.appointments.status_changed";
  public static final String APPOINTMENTS_CONFIRMED = "scheduling.appointments.confirmed";
  public static final String APPOINTMENTS_CANCELLED = "scheduling.appointments.cancelled";
  public static final String APPOINTMENTS_RESCHEDULED = "scheduling.appointments.rescheduled";
  public static final String APPOINTMENTS_RESCHEDULE_REQUESTED = "scheduling.appointments.reschedule_requested";
  public static final String APPOINTMENTS_CANCEL_REQUESTED = "scheduling.appointments.cancel_requested";

  private SchedulingAddresses() {
  }
}
