package io.moeen.hospital.beds;

import io.moeen.common.bus.Reply;
import io.moeen.common.bus.ServiceVerticle;
import io.moeen.hospital.ClinicTimes;
import io.moeen.hospital.HospitalAddresses;
import io.moeen.hospital.HospitalDatabase;
import io.moeen.hospital.HospitalEvents;
import io.moeen.hospital.ambulances.Fleet;
import io.vertx.core.Future;

/** Room types, wards, rooms and beds, the occupancy board (JSON and CSV) and the live stream of changes. */
public final class BedsVerticle extends ServiceVerticle {
  private final HospitalDatabase db;
  private final ClinicTimes times;

  public BedsVerticle(HospitalDatabase db, ClinicTimes times) {
    this.db = db;
    this.times = times;
  }

  @Override
  public Future<?> start() {
    HospitalEvents events = new HospitalEvents(vertx, times);
    BedCatalogue catalogue = new BedCatalogue(db, times, events);
    OccupancyBoard board = new OccupancyBoard(db, times);
    LiveBoard live = new LiveBoard(board, new Fleet(db, events));

    HospitalSetup setup = new HospitalSetup(db);
    serve(HospitalAddresses.ROOM_TYPES_LIST, anyOf("beds.read"), setup::roomTypes);
    serve(HospitalAddresses.ROOM_TYPES_CREATE, anyOf("hospital.setup"), setup::createRoomType);
    serve(HospitalAddresses.ROOM_TYPES_UPDATE, anyOf("hospital.setup"), setup::updateRoomType);
    serve(HospitalAddresses.ROOM_TYPES_DELETE, anyOf("hospital.setup"), setup::deleteRoomType);
    serve(HospitalAddresses.WARDS_LIST, anyOf("beds.read"), setup::wards);
    serve(HospitalAddresses.WARDS_CREATE, anyOf("hospital.setup"), setup::createWard);
    serve(HospitalAddresses.WARDS_UPDATE, anyOf("hospital.setup"), setup::updateWard);
    serve(HospitalAddresses.WARDS_DELETE, anyOf("hospital.setup"), setup::deleteWard);
    serve(HospitalAddresses.ROOMS_LIST, anyOf("beds.read"), catalogue::rooms);
    serve(HospitalAddresses.ROOMS_EQUIP, anyOf("beds.manage"), catalogue::equip);
    serve(HospitalAddresses.BEDS_CREATE, anyOf("beds.manage"), catalogue::addBed);
    serve(HospitalAddresses.BEDS_SET_SERVICE, anyOf("beds.manage"), catalogue::setService);
    serve(HospitalAddresses.BOARD_GET, anyOf("beds.read"), board::board);
    serve(HospitalAddresses.BOARD_EXPORT, anyOf("beds.read"), board::export);
    serve(HospitalAddresses.LIVE_STREAM, anyOf("beds.read", "ambulances.read"), request -> live.handle(request).map(Reply::of));
    return BedCatalogue.SQL.verify(db.pool()).compose(done -> registered());
  }
}
