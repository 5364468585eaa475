package io.moeen.hospital;

/**
 * Every event-bus address of the hospital feature, and the only place they are written: the addresses it
 * serves (contract operations, named by the contract's {@code x-moeen-address}) and the events it publishes.
 * Each is {@code <feature>.<resource>.<verb>}; docs/architecture.md lists them.
 * <p>Room types, wards, rooms and beds, the occupancy board, admissions, cleaning, ambulances, staff, reports.
 */
public final class HospitalAddresses {
  // Contract operations (see contract/hospital.yaml).
  public static final String ROOM_TYPES_LIST = "hospital.room_types.list";
  public static final String ROOM_TYPES_CREATE = "hospital.room_types.create";
  public static final String ROOM_TYPES_UPDATE = "hospital.room_types.update";
  public static final String ROOM_TYPES_DELETE = "hospital.room_types.delete";
  public static final String WARDS_LIST = "hospital.wards.list";
  public static final String WARDS_CREATE = "hospital.wards.create";
  public static final String WARDS_UPDATE = "hospital.wards.update";
  public static final String WARDS_DELETE = "hospital.wards.delete";
  public static final String ROOMS_LIST = "hospital.rooms.list";
  public static final String ROOMS_EQUIP = "hospital.rooms.equip";
  public static final String BEDS_CREATE = "hospital.beds.create";
  public static final String BEDS_SET_SERVICE = "hospital.beds.set_service";
  public static final String BOARD_GET = "hospital.board.get";
  public static final String BOARD_EXPORT = "hospital.board.export";
  public static final String LIVE_STREAM = "hospital.live.stream";

  public static final String ADMISSIONS_CREATE = "hospital.admissions.create";
  public static final String ADMISSIONS_LIST = "hospital.admissions.list";
  public static final String ADMISSIONS_GET = "hospital.admissions.get";
  public static final String ADMISSIONS_ADMIT = "hospital.admissions.admit";
  public static final String ADMISSIONS_TRANSFER = "hospital.admissions.transfer";
  public static final String ADMISSIONS_ORDER_DISCHARGE = "hospital.admissions.order_discharge";
  public static final String ADMISSIONS_DISCHARGE = "hospital.admissions.discharge";
  public static final String ADMISSIONS_CANCEL = "hospital.admissions.cancel";

  public static final String CLEANING_TASKS_LIST = "hospital.cleaning_tasks.list";
  public static final String CLEANING_TASKS_SCHEDULE = "hospital.cleaning_tasks.schedule";
  public static final String CLEANING_TASKS_COMPLETE = "hospital.cleaning_tasks.complete";
  public static final String CLEANING_TASKS_CALENDAR = "hospital.cleaning_tasks.calendar";

  public static final String AMBULANCES_LIST = "hospital.ambulances.list";
  public static final String AMBULANCES_CREATE = "hospital.ambulances.create";
  public static final String AMBULANCES_UPDATE = "hospital.ambulances.update";
  public static final String RUNS_LIST = "hospital.ambulance_runs.list";
  public static final String RUNS_CREATE = "hospital.ambulance_runs.create";
  public static final String RUNS_GET = "hospital.ambulance_runs.get";
  public static final String RUNS_STEP = "hospital.ambulance_runs.step";

  public static final String STAFF_LIST = "hospital.staff.list";
  public static final String STAFF_CREATE = "hospital.staff.create";
  public static final String STAFF_UPDATE = "hospital.staff.update";

  public static final String REPORTS_OCCUPANCY = "hospital.reports.occupancy";
  public static final String REPORTS_OCCUPANCY_CSV = "hospital.reports.occupancy_csv";
  public static final String REPORTS_LENGTH_OF_STAY = "hospital.reports.length_of_stay";
  public static final String REPORTS_LENGTH_OF_STAY_CSV = "hospital.reports.length_of_stay_csv";
  public static final String REPORTS_AMBULANCE_RESPONSE = "hospital.reports.ambulance_response";
  public static final String REPORTS_AMBULANCE_RESPONSE_CSV = "hospital.reports.ambulance_response_csv";
  public static final String REPORTS_CLEANING_TURNAROUND = "hospital.reports.cleaning_turnaround";
  public static final String REPORTS_CLEANING_TURNAROUND_CSV = "hospital.reports.cleaning_turnaround_csv";

  // Events, published after commit.
  /** {@code {bedId, roomId, state, at}}: a bed changed state or occupant (admission, transfer, discharge, cleaning, service). */
  public static final String BEDS_CHANGED = "hospital.beds.changed";
  /** {@code {ambulanceId, runId, status, at}}: a run moved on a step, or a vehicle changed. */
  public static final String AMBULANCES_CHANGED = "hospital.ambulances.changed";

  private HospitalAddresses() {
  }
}
