package io.moeen.education;

import io.moeen.common.bus.Reply;
import io.moeen.common.bus.ServiceVerticle;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.ZoneId;

import static io.moeen.education.EducationAccess.MANAGE;
import static io.moeen.education.EducationAccess.READ;
import static io.moeen.education.EducationAccess.READ_OWN;
import static io.moeen.education.EducationAccess.WRITE;

/** The library of educational materials and their assignments to patients (docs/education.md). */
public final class EducationVerticle extends ServiceVerticle {
  private final Pool pool;
  private final ZoneId zone;
  private final Clock clock;

  public EducationVerticle(Pool pool, ZoneId zone, Clock clock) {
    this.pool = pool;
    this.zone = zone;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    EducationStore store = new EducationStore(pool);
    Materials materials = new Materials(store, zone, clock);
    Assignments assignments = new Assignments(store);

    serve(EducationAddresses.MATERIALS_LIST, anyOf(READ, MANAGE), r -> materials.list(r).map(Reply::of));
    serve(EducationAddresses.MATERIALS_CREATE, anyOf(WRITE, MANAGE), r -> materials.create(r).map(Reply::of));
    serve(EducationAddresses.MATERIALS_GET, anyOf(READ, MANAGE, READ_OWN), r -> materials.get(r).map(Reply::of));
    serve(EducationAddresses.MATERIALS_ARCHIVE, anyOf(WRITE, MANAGE), r -> materials.archive(r).map(Reply::of));
    serve(EducationAddresses.MATERIALS_DOWNLOAD, anyOf(READ, MANAGE, READ_OWN), materials::download);
    serve(EducationAddresses.FILES_UPLOAD, anyOf(WRITE, MANAGE), r -> materials.upload(r).map(Reply::of));
    serve(EducationAddresses.ASSIGNMENTS_CREATE, anyOf(WRITE, MANAGE), r -> assignments.assign(r).map(Reply::of));
    serve(EducationAddresses.ASSIGNMENTS_LIST, anyOf(WRITE, MANAGE), r -> assignments.list(r).map(Reply::of));
    serve(EducationAddresses.ASSIGNMENTS_OF_PATIENT, anyOf(READ, MANAGE, READ_OWN), r -> assignments.ofPatient(r).map(Reply::of));
    serve(EducationAddresses.ASSIGNMENTS_MARK_READ, anyOf(READ_OWN), r -> assignments.markRead(r).map(Reply::of));
    return store.verify().compose(verified -> registered());
  }
}
