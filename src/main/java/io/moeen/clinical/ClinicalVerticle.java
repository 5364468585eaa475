package io.moeen.clinical;

import io.moeen.common.bus.Reply;
import io.moeen.common.bus.ServiceVerticle;
import io.moeen.common.files.LocalFileStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;

import static io.moeen.clinical.ClinicalAccess.BREAK_GLASS;
import static io.moeen.clinical.ClinicalAccess.READ_CARE;
import static io.moeen.clinical.ClinicalAccess.READ_OWN;
import static io.moeen.clinical.ClinicalAccess.WRITE_CARE;

/** The clinical record of a visit: the chart, encounters, notes, diagnoses, observations, allergies, prescriptions. */
public final class ClinicalVerticle extends ServiceVerticle {
  private final Pool pool;
  private final ZoneId zone;
  private final Clock clock;
  private final Path filesDir;

  /** {@code filesDir}: the file store's directory ({@code MOEEN_DATA_DIR/files}), for the demo clinic's files. */
  public ClinicalVerticle(Pool pool, ZoneId zone, Clock clock, Path filesDir) {
    this.pool = pool;
    this.zone = zone;
    this.clock = clock;
    this.filesDir = filesDir;
  }

  @Override
  public Future<?> start() {
    ClinicalStore store = new ClinicalStore(pool);
    Charts charts = new Charts(store);
    Encounters encounters = new Encounters(store);
    Notes notes = new Notes(store);
    Diagnoses diagnoses = new Diagnoses(store, pool);
    Observations observations = new Observations(store);
    Prescriptions prescriptions = new Prescriptions(store);
    IntakeForms intake = new IntakeForms(store);
    LocalFileStore fileStore = new LocalFileStore(vertx, filesDir);
    ClinicalFiles files = new ClinicalFiles(store, new Thumbnails(store, vertx, fileStore));
    FhirExport fhir = new FhirExport(store, vertx);
    StatusChanges changes = new StatusChanges(store, clock, zone);

    serve(ClinicalAddresses.CHARTS_GET, anyOf(READ_CARE, BREAK_GLASS, READ_OWN), r -> charts.chart(r).map(Reply::of));
    serve(ClinicalAddresses.ALLERGIES_LIST, anyOf("clinical.summary.read", READ_OWN), r -> charts.allergies(r).map(Reply::of));
    serve(ClinicalAddresses.ALLERGIES_RECORD, anyOf(WRITE_CARE), r -> charts.recordAllergy(r).map(Reply::of));
    serve(ClinicalAddresses.ENCOUNTERS_OPEN, anyOf(WRITE_CARE), r -> encounters.open(r).map(Reply::of));
    serve(ClinicalAddresses.ENCOUNTERS_GET, anyOf(READ_CARE, BREAK_GLASS, READ_OWN), r -> encounters.get(r).map(Reply::of));
    serve(ClinicalAddresses.ENCOUNTERS_FINISH, anyOf(WRITE_CARE), r -> encounters.finish(r).map(Reply::of));
    serve(ClinicalAddresses.ENCOUNTERS_MARK_IN_ERROR, anyOf(WRITE_CARE), r -> encounters.markInError(r).map(Reply::of));
    serve(ClinicalAddresses.NOTES_CREATE, anyOf(WRITE_CARE), r -> notes.create(r).map(Reply::of));
    serve(ClinicalAddresses.NOTES_UPDATE, anyOf(WRITE_CARE), r -> notes.update(r).map(Reply::of));
    serve(ClinicalAddresses.NOTES_SIGN, anyOf(WRITE_CARE), r -> notes.sign(r).map(Reply::of));
    serve(ClinicalAddresses.NOTES_AMEND, anyOf(WRITE_CARE), r -> notes.amend(r).map(Reply::of));
    serve(ClinicalAddresses.DIAGNOSES_ADD, anyOf(WRITE_CARE), r -> diagnoses.add(r).map(Reply::of));
    serve(ClinicalAddresses.DIAGNOSIS_CODES_SEARCH, anyOf(READ_CARE, WRITE_CARE), r -> diagnoses.search(r).map(Reply::of));
    serve(ClinicalAddresses.OBSERVATIONS_RECORD, anyOf(WRITE_CARE), r -> observations.record(r).map(Reply::of));
    serve(ClinicalAddresses.PRESCRIPTIONS_CREATE, anyOf(WRITE_CARE), r -> prescriptions.create(r).map(Reply::of));
    serve(ClinicalAddresses.PRESCRIPTIONS_CHANGE_STATUS, anyOf(WRITE_CARE), r -> changes.prescription(r).map(Reply::of));
    serve(ClinicalAddresses.DIAGNOSES_CHANGE_STATUS, anyOf(WRITE_CARE), r -> changes.diagnosis(r).map(Reply::of));
    serve(ClinicalAddresses.OBSERVATIONS_CHANGE_STATUS, anyOf(WRITE_CARE), r -> changes.observation(r).map(Reply::of));
    serve(ClinicalAddresses.INTAKE_FORMS_GET, anyOf("clinical.summary.read", READ_OWN), r -> intake.latest(r).map(Reply::of));
    serve(ClinicalAddresses.INTAKE_FORMS_SUBMIT, anyOf(IntakeForms.WRITE_ANY, "patients.write.own", IntakeForms.WRITE_OWN),
        r -> intake.submit(r).map(Reply::of));
    serve(ClinicalAddresses.INTAKE_FORMS_REVIEW, anyOf(WRITE_CARE), r -> intake.review(r).map(Reply::of));
    serve(ClinicalAddresses.FILES_UPLOAD, anyOf(WRITE_CARE), r -> files.upload(r).map(Reply::of));
    serve(ClinicalAddresses.FILES_LIST, anyOf(READ_CARE, BREAK_GLASS, READ_OWN), r -> files.list(r).map(Reply::of));
    serve(ClinicalAddresses.FILES_DOWNLOAD, anyOf(READ_CARE, BREAK_GLASS, READ_OWN), files::download);
    serve(ClinicalAddresses.FILES_THUMBNAIL, anyOf(READ_CARE, BREAK_GLASS, READ_OWN), files::thumbnail);
    serve(ClinicalAddresses.FHIR_EXPORT, anyOf(READ_CARE, BREAK_GLASS, READ_OWN), fhir::export);
    return store.verify()
        .compose(verified -> DemoFiles.ensure(vertx, pool, fileStore))
        .compose(written -> registered());
  }
}
