package io.moeen.patients;

import io.moeen.identity.PrincipalInvalidations;
import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.bus.ServiceVerticle;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.time.ZoneId;

/** Patients (registration, search, records) and the family members they let in. */
public final class PatientsVerticle extends ServiceVerticle {
  private final Pool pool;
  private final ZoneId clinicZone;

  public PatientsVerticle(Pool pool, ZoneId clinicZone) {
    this.pool = pool;
    this.clinicZone = clinicZone;
  }

  @Override
  public Future<?> start() {
    PatientStore store = new PatientStore(pool);
    PatientRecords records = new PatientRecords(store, clinicZone);
    FamilyMembers family = new FamilyMembers(store, new PrincipalInvalidations(vertx.eventBus()));

    serve(PatientsAddresses.RECORDS_REGISTER, anyOf("patients.create"), request -> records.register(request).map(Reply::of));
    serve(PatientsAddresses.RECORDS_SEARCH, anyOf("patients.read.any"), request -> search(store, request));
    serve(PatientsAddresses.RECORDS_GET, anyOf("patients.read.any", "patients.read.own"), request -> records.read(request).map(Reply::of));
    serve(PatientsAddresses.RECORDS_UPDATE, anyOf("patients.write.any", "patients.write.own"), request -> records.edit(request).map(Reply::of));
    serve(PatientsAddresses.FAMILY_LIST, anyOf("patients.read.any", "family.manage.own"), request -> family.list(request).map(Reply::of));
    serve(PatientsAddresses.FAMILY_ADD, anyOf("family.manage.own", "patients.write.any"), request -> family.add(request).map(Reply::of));
    serve(PatientsAddresses.FAMILY_UPDATE, anyOf("family.manage.own", "patients.write.any"), request -> family.change(request).map(Reply::of));
    serve(PatientsAddresses.FAMILY_REVOKE, anyOf("family.manage.own", "patients.write.any"), request -> family.revoke(request).map(done -> Reply.empty()));
    return store.verify().compose(verified -> registered());
  }

  private static Future<Reply> search(PatientStore store, RequestEnvelope request) {
    Principal principal = Access.principal(request);
    Access.requireAny(principal, "patients.read.any");
    PatientSearch.Query query = PatientSearch.Query.from(request);
    return store.as(PatientRecords.actor(request, principal), conn -> store.search(conn, query))
        .map(rows -> Reply.of(PatientSearch.page(rows, query.limit())));
  }
}
