package io.moeen.documents;

import io.moeen.common.bus.Reply;
import io.moeen.common.bus.ServiceVerticle;
import io.moeen.common.files.LocalFileStore;
import io.moeen.common.i18n.Messages;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;

import static io.moeen.documents.DocumentsStore.MANAGE;
import static io.moeen.documents.DocumentsStore.READ_CARE;
import static io.moeen.documents.DocumentsStore.READ_OWN;
import static io.moeen.documents.DocumentsStore.WRITE_CARE;
import static io.moeen.documents.DocumentsStore.WRITE_OWN;

/** Document templates, the documents rendered from them for a patient, and the printed prescription. */
public final class DocumentsVerticle extends ServiceVerticle {
  private final Pool pool;
  private final Messages messages;
  private final ZoneId zone;
  private final Clock clock;
  private final Path filesDir;

  public DocumentsVerticle(Pool pool, Messages messages, ZoneId zone, Clock clock, Path filesDir) {
    this.pool = pool;
    this.messages = messages;
    this.zone = zone;
    this.clock = clock;
    this.filesDir = filesDir;
  }

  @Override
  public Future<?> start() {
    DocumentsStore store = new DocumentsStore(pool);
    Templates templates = new Templates(store);
    // the same directory as the API's uploads: a rendered document is downloaded as any clinical file
    PatientDocuments documents = new PatientDocuments(store, vertx, new LocalFileStore(vertx, filesDir), messages, zone, clock);
    PrescriptionPdfs prescriptions = new PrescriptionPdfs(store, vertx, messages, zone, clock);

    serve(DocumentsAddresses.TEMPLATES_LIST, anyOf(MANAGE, WRITE_OWN), r -> templates.list(r).map(Reply::of));
    serve(DocumentsAddresses.TEMPLATES_GET, anyOf(MANAGE, WRITE_OWN), r -> templates.get(r).map(Reply::of));
    serve(DocumentsAddresses.TEMPLATES_CREATE, anyOf(MANAGE, WRITE_OWN), r -> templates.create(r).map(Reply::of));
    serve(DocumentsAddresses.TEMPLATES_REVISE, anyOf(MANAGE, WRITE_OWN), r -> templates.revise(r).map(Reply::of));
    serve(DocumentsAddresses.PATIENT_DOCUMENTS_RENDER, anyOf(WRITE_CARE), r -> documents.render(r).map(Reply::of));
    serve(DocumentsAddresses.PATIENT_DOCUMENTS_LIST, anyOf(READ_CARE, READ_OWN), r -> documents.list(r).map(Reply::of));
    serve(DocumentsAddresses.PRESCRIPTION_PDFS_GET, anyOf(READ_CARE, READ_OWN), prescriptions::pdf);
    return store.verify().compose(verified -> registered());
  }
}
