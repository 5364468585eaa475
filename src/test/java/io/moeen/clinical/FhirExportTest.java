package io.moeen.clinical;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.multipart.MultipartForm;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import io.vertx.core.json.JsonObject;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every demo patient's FHIR export, validated with HAPI's validator against the base R4 profiles:
 * any error fails. Also who may export, and the audit row an export leaves.
 */
class FhirExportTest {
  static RunningApp app;
  static ClinicalFixtures fx;
  static String khalid;
  static FhirValidator validator;
  static FhirContext fhir;

  @BeforeAll
  static void start() {
    app = RunningApp.start("clinical-fhir");
    fx = new ClinicalFixtures(app);
    khalid = app.loginAs(DemoAccounts.DOCTOR);
    fhir = FhirContext.forR4();
    ValidationSupportChain chain = new ValidationSupportChain(
        new DefaultProfileValidationSupport(fhir),
        new CommonCodeSystemsTerminologyService(fhir),
        new InMemoryTerminologyServerValidationSupport(fhir),
        new SnapshotGeneratingValidationSupport(fhir));
    validator = fhir.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  String export(UUID patient, String token) {
    var response = fx.get("/v1/patients/" + patient + "/fhir", token);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).startsWith("application/fhir+json");
    return response.bodyAsString();
  }

  @Test
  void every_demo_patients_bundle_is_valid_r4_with_no_error() {
    // Ahmed also has a file, so a DocumentReference is exported and validated
    var upload = app.client().post("/v1/patients/" + DemoAccounts.AHMED_PATIENT_ID + "/files")
        .putHeader("Authorization", "Bearer " + khalid)
        .sendMultipartForm(MultipartForm.create().attribute("category", "report")
            .binaryFileUpload("file", "report.pdf", Buffer.buffer("%PDF-1.4\n%%EOF\n"), "application/pdf")).await();
    assertThat(upload.statusCode()).as(upload.bodyAsString()).isEqualTo(201);

    for (UUID patient : List.of(DemoAccounts.AHMED_PATIENT_ID, DemoAccounts.FATIMAH_PATIENT_ID, DemoAccounts.MOHAMMED_PATIENT_ID,
        DemoAccounts.REEM_PATIENT_ID, DemoAccounts.AISHA_PATIENT_ID)) {
      String json = export(patient, khalid);
      ValidationResult result = validator.validateWithResult(json);
      List<String> errors = result.getMessages().stream()
          .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
          .map(FhirExportTest::describe).toList();
      assertThat(errors).as("validation errors for " + patient).isEmpty();

      Bundle bundle = fhir.newJsonParser().parseResource(Bundle.class, json);
      assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
      List<String> types = bundle.getEntry().stream().map(e -> e.getResource().fhirType()).distinct().toList();
      assertThat(types).contains("Patient", "Practitioner", "Encounter", "Condition", "Observation", "AllergyIntolerance",
          "MedicationRequest", "Organization", "Location", "Composition");
      assertEveryReferenceResolves(bundle);
      Organization clinic = only(bundle, Organization.class);
      assertThat(clinic.getName()).isEqualTo(fx.one("SELECT value FROM translations WHERE entity_id = 'clinic.name' AND locale = 'en'"));
      assertThat(clinic.getAlias()).extracting(Object::toString)
          .containsExactly(fx.one("SELECT value FROM translations WHERE entity_id = 'clinic.name' AND locale = 'ar'"));
      assertThat(clinic.getIdentifier()).anyMatch(id -> id.getSystem().equals(FhirClinic.VAT) && id.getValue().matches("^3[0-9]{13}3$"));
      String clinicUrl = entryOf(bundle, clinic).getFullUrl();
      assertThat(resources(bundle, Location.class)).isNotEmpty()
          .allMatch(l -> l.getManagingOrganization().getReference().equals(clinicUrl));
      assertThat(resources(bundle, Composition.class)).isNotEmpty().allSatisfy(c -> {
        assertThat(c.getType().getCodingFirstRep().getCode()).isIn("11506-3", "34109-9");
        assertThat(c.getSection()).isNotEmpty().allMatch(section -> section.getText().getDivAsString().contains("<p>"));
        assertThat(c.getAuthorFirstRep().getReference()).startsWith("urn:uuid:");
        assertThat(c.getEncounter().getReference()).startsWith("urn:uuid:");
      });
      Patient p = (Patient) bundle.getEntry().get(0).getResource();
      assertThat(p.getName()).extracting(name -> name.getExtensionByUrl(FhirBundles.LANGUAGE).getValue().primitiveValue())
          .containsExactly("ar", "en");
      assertThat(p.getName()).extracting(HumanName::getText).allMatch(text -> !text.isBlank());
    }
    Bundle ahmed = fhir.newJsonParser().parseResource(Bundle.class, export(DemoAccounts.AHMED_PATIENT_ID, khalid));
    assertThat(ahmed.getEntry()).anyMatch(e -> e.getResource().fhirType().equals("DocumentReference"));

    // his ECG appointment with Dr. Faisal: fulfilled, the service, the three participants, and the visit points to it
    Appointment ecg = (Appointment) resource(ahmed, AHMED_ECG_APPOINTMENT);
    assertThat(ecg.getStatus()).isEqualTo(Appointment.AppointmentStatus.FULFILLED);
    assertThat(ecg.getServiceTypeFirstRep().getCodingFirstRep().getSystem()).isEqualTo(FhirClinic.SERVICE);
    assertThat(ecg.getServiceTypeFirstRep().getText()).isNotBlank();
    assertThat(ecg.getStart()).isBefore(ecg.getEnd());
    assertThat(ecg.getParticipant()).extracting(part -> resource(ahmed, part.getActor().getReference()).fhirType())
        .containsExactlyInAnyOrder("Patient", "Practitioner", "Location");
    assertThat(ecg.getParticipant()).anyMatch(part -> part.getActor().getReference().equals(FhirBundles.ref(ClinicalFixtures.FAISAL.toString())));
    Encounter ecgVisit = (Encounter) resource(ahmed, AHMED_ECG_VISIT);
    assertThat(ecgVisit.getAppointmentFirstRep().getReference()).isEqualTo(FhirBundles.ref(AHMED_ECG_APPOINTMENT));
    // his SOAP note with Dr. Khalid: a progress note, four sections in LOINC, final
    Composition note = (Composition) resource(ahmed, ClinicalFixtures.AHMED_VISIT_NOTE.toString());
    assertThat(note.getType().getCodingFirstRep().getCode()).isEqualTo("11506-3");
    assertThat(note.getSection()).extracting(section -> section.getCode().getCodingFirstRep().getCode())
        .containsExactly("61150-9", "61149-1", "51848-0", "18776-5");
    assertThat(note.getAuthorFirstRep().getReference()).isEqualTo(FhirBundles.ref(ClinicalFixtures.KHALID.toString()));
    assertThat(note.getEncounter().getReference()).isEqualTo(FhirBundles.ref(ClinicalFixtures.AHMED_VISIT.toString()));
  }

  @Test
  void an_addendum_appends_to_an_amended_note_and_a_note_in_error_is_exported_as_such() {
    UUID visit = fx.openWalkIn(khalid, DemoAccounts.FATIMAH_PATIENT_ID);
    var first = fx.post("/v1/encounters/" + visit + "/notes", khalid, new JsonObject()
        .put("subjective", "Cough <3 days> & fever").put("plan", "Fluids").put("sign", true));
    assertThat(first.statusCode()).as(first.bodyAsString()).isEqualTo(201);
    String firstId = first.bodyAsJsonObject().getString("id");
    var wrong = fx.post("/v1/encounters/" + visit + "/notes", khalid, new JsonObject().put("text", "Wrong patient's text").put("sign", true));
    String wrongId = wrong.bodyAsJsonObject().getString("id");
    var draft = fx.post("/v1/encounters/" + visit + "/notes", khalid, new JsonObject().put("text", "draft, never exported"));
    String draftId = draft.bodyAsJsonObject().getString("id");
    var addendum = fx.post("/v1/notes/" + firstId + "/amendments", khalid, new JsonObject().put("text", "Chest X-ray clear."));
    assertThat(addendum.statusCode()).as(addendum.bodyAsString()).isEqualTo(201);
    String addendumId = addendum.bodyAsJsonObject().getString("id");
    var correction = fx.post("/v1/notes/" + wrongId + "/amendments", khalid, new JsonObject().put("kind", "entered_in_error")
        .put("text", "Written in the wrong chart."));
    assertThat(correction.statusCode()).as(correction.bodyAsString()).isEqualTo(201);
    String correctionId = correction.bodyAsJsonObject().getString("id");

    String json = export(DemoAccounts.FATIMAH_PATIENT_ID, khalid);
    assertThat(validator.validateWithResult(json).getMessages())
        .filteredOn(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL).isEmpty();
    Bundle bundle = fhir.newJsonParser().parseResource(Bundle.class, json);
    assertEveryReferenceResolves(bundle);
    Composition original = (Composition) resource(bundle, firstId);
    assertThat(original.getStatus()).isEqualTo(Composition.CompositionStatus.AMENDED);
    assertThat(original.getSectionFirstRep().getText().getDivAsString()).contains("Cough &lt;3 days&gt; &amp; fever");
    Composition appended = (Composition) resource(bundle, addendumId);
    assertThat(appended.getStatus()).isEqualTo(Composition.CompositionStatus.FINAL);
    assertThat(appended.getType().getCodingFirstRep().getCode()).isEqualTo("34109-9");
    assertThat(appended.getRelatesToFirstRep().getCode()).isEqualTo(Composition.DocumentRelationshipType.APPENDS);
    assertThat(appended.getRelatesToFirstRep().getTargetReference().getReference()).isEqualTo(FhirBundles.ref(firstId));
    assertThat(((Composition) resource(bundle, wrongId)).getStatus()).isEqualTo(Composition.CompositionStatus.ENTEREDINERROR);
    assertThat(bundle.getEntry()).noneMatch(e -> e.getFullUrl().equals(FhirBundles.ref(correctionId)))
        .noneMatch(e -> e.getFullUrl().equals(FhirBundles.ref(draftId)));
  }

  static final String AHMED_DEMO_REPORT = "00000000-0000-4018-8000-000000000601";

  @Test
  void ahmeds_demo_report_is_served_from_the_first_start_with_its_true_checksum_and_exported() throws Exception {
    for (String token : List.of(khalid, app.loginAs(DemoAccounts.PATIENT_AHMED))) {
      var response = fx.get("/v1/files/" + AHMED_DEMO_REPORT + "/content", token);
      assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
      byte[] bytes = response.body().getBytes();
      assertThat(new String(bytes, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
      String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
      assertThat(sha).isEqualTo(fx.one("SELECT sha256 FROM clinical_files WHERE id = '" + AHMED_DEMO_REPORT + "'"));
      assertThat(fx.one("SELECT size_bytes FROM clinical_files WHERE id = '" + AHMED_DEMO_REPORT + "'"))
          .isEqualTo(String.valueOf(bytes.length));
      assertThat(response.getHeader("ETag")).contains(sha);
      assertThat(response.getHeader("Content-Type")).startsWith("application/pdf");
    }
    Bundle ahmed = fhir.newJsonParser().parseResource(Bundle.class, export(DemoAccounts.AHMED_PATIENT_ID, khalid));
    DocumentReference report = (DocumentReference) resource(ahmed, AHMED_DEMO_REPORT);
    assertThat(report.getContentFirstRep().getAttachment().getUrl()).isEqualTo("/v1/files/" + AHMED_DEMO_REPORT + "/content");
    assertThat(report.getContentFirstRep().getAttachment().getContentType()).isEqualTo("application/pdf");
    assertThat(report.getContext().getEncounterFirstRep().getReference()).isEqualTo(FhirBundles.ref(AHMED_ECG_VISIT));
  }

  @Test
  void two_nodes_starting_at_once_write_a_demo_file_once_and_a_restart_writes_nothing() throws Exception {
    String race = "00000000-0000-4018-8000-000000000699";
    app.asOwner("""
        INSERT INTO clinical_files (id, patient_id, category, content_type, size_bytes, sha256, storage_key, uploaded_by)
        VALUES ('%1$s', '%2$s', 'report', 'application/pdf', 1, repeat('0', 64), 'demo/race.pdf', '00000000-0000-4000-8000-000000000006');
        INSERT INTO clinical_demo_files (file_id, template) VALUES ('%1$s', 'ecg_report');
        """.formatted(race, DemoAccounts.AHMED_PATIENT_ID));
    Path root = app.application().config().dataDir().resolve("files");
    var vertx = app.application().vertx();
    long before = countFiles(root);
    String ahmedsKey = fx.one("SELECT storage_key FROM clinical_files WHERE id = '" + AHMED_DEMO_REPORT + "'");
    List<io.vertx.core.Future<Void>> nodes = new java.util.ArrayList<>();
    for (int node = 0; node < 4; node++) {
      nodes.add(DemoFiles.ensure(vertx, app.pool(), new io.moeen.common.files.LocalFileStore(vertx, root)));
    }
    io.vertx.core.Future.all(nodes).await();
    assertThat(countFiles(root)).isEqualTo(before + 1);
    String key = fx.one("SELECT storage_key FROM clinical_files WHERE id = '" + race + "'");
    Path written = root.resolve(key);
    assertThat(written).exists();
    byte[] bytes = Files.readAllBytes(written);
    assertThat(fx.one("SELECT sha256 FROM clinical_files WHERE id = '" + race + "'"))
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    assertThat(fx.one("SELECT size_bytes FROM clinical_files WHERE id = '" + race + "'")).isEqualTo(String.valueOf(bytes.length));
    assertThat(fx.one("SELECT storage_key FROM clinical_files WHERE id = '" + AHMED_DEMO_REPORT + "'")).isEqualTo(ahmedsKey);
    // a restart finds every object and writes nothing
    DemoFiles.ensure(vertx, app.pool(), new io.moeen.common.files.LocalFileStore(vertx, root)).await();
    assertThat(countFiles(root)).isEqualTo(before + 1);
    assertThat(fx.one("SELECT storage_key FROM clinical_files WHERE id = '" + race + "'")).isEqualTo(key);
  }

  private static long countFiles(Path root) throws java.io.IOException {
    try (var files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  static final String AHMED_ECG_APPOINTMENT = "00000000-0000-4000-c400-000000000005";
  static final String AHMED_ECG_VISIT = "00000000-0000-4018-8000-000000000002";

  static Resource resource(Bundle bundle, String idOrRef) {
    String url = idOrRef.startsWith("urn:") ? idOrRef : FhirBundles.ref(idOrRef);
    return bundle.getEntry().stream().filter(e -> e.getFullUrl().equals(url)).findFirst()
        .orElseThrow(() -> new AssertionError("no entry " + url)).getResource();
  }

  static <T extends Resource> List<T> resources(Bundle bundle, Class<T> type) {
    return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance).map(type::cast).toList();
  }

  static <T extends Resource> T only(Bundle bundle, Class<T> type) {
    List<T> all = resources(bundle, type);
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  static Bundle.BundleEntryComponent entryOf(Bundle bundle, Resource resource) {
    return bundle.getEntry().stream().filter(e -> e.getResource() == resource).findFirst().orElseThrow();
  }

  /** Every reference to another resource names an entry of the bundle (files link to their download instead). */
  static void assertEveryReferenceResolves(Bundle bundle) {
    java.util.Set<String> urls = new java.util.HashSet<>();
    bundle.getEntry().forEach(e -> urls.add(e.getFullUrl()));
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      for (Reference reference : fhir.newTerser().getAllPopulatedChildElementsOfType(entry.getResource(), Reference.class)) {
        if (reference.getReference() != null) {
          assertThat(urls).as(entry.getResource().fhirType() + " refers to " + reference.getReference()).contains(reference.getReference());
        }
      }
    }
  }

  @Test
  void the_patient_exports_their_own_record_a_stranger_cannot_and_each_export_is_audited() {
    String audits = "SELECT 1 FROM audit_logs WHERE entity_type = 'fhir_export' AND patient_id = '" + DemoAccounts.REEM_PATIENT_ID + "'";
    int before = fx.count(audits);
    String reem = app.loginAs(DemoAccounts.PATIENT_REEM);
    assertThat(validator.validateWithResult(export(DemoAccounts.REEM_PATIENT_ID, reem)).getMessages())
        .noneMatch(m -> m.getSeverity() == ResultSeverityEnum.ERROR);
    assertThat(fx.count(audits)).isEqualTo(before + 1);
    assertThat(fx.get("/v1/patients/" + DemoAccounts.REEM_PATIENT_ID + "/fhir", app.loginAs(DemoAccounts.PATIENT_AHMED)).statusCode())
        .isEqualTo(404);
    assertThat(fx.get("/v1/patients/" + DemoAccounts.REEM_PATIENT_ID + "/fhir", app.loginAs(DemoAccounts.DOCTOR_PEDIATRICS)).statusCode())
        .isEqualTo(403);
    assertThat(fx.get("/v1/patients/" + DemoAccounts.REEM_PATIENT_ID + "/fhir", app.loginAs(DemoAccounts.NURSE)).statusCode())
        .isEqualTo(403);
    assertThat(fx.count(audits)).isEqualTo(before + 1);
  }

  private static String describe(SingleValidationMessage m) {
    return m.getLocationString() + ": " + m.getMessage();
  }
}
