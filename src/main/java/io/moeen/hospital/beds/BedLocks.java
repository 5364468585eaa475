package io.moeen.hospital.beds;

/** The two statements every change of a bed goes through, for admissions and cleaning: lock it, set its state. */
public final class BedLocks {
  /** $1 bed id → id, code, state, room_id, room_code, cleaning_task_id; the bed row locked. */
  public static final String SQL_BED_FOR_UPDATE = BedCatalogue.SQL.get("bed_for_update");
  /** $1 bed id, $2 state, $3 since, $4 out-of-service reason. */
  public static final String SQL_SET_STATE = BedCatalogue.SQL.get("set_bed_state");

  private BedLocks() {
  }
}
