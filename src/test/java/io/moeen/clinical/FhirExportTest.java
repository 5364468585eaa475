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
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
          "MedicationRequest");
      Patient p = (Patient) bundle.getEntry().get(0).getResource();
      assertThat(p.getName()).extracting(name -> name.getExtensionByUrl(FhirBundles.LANGUAGE).getValue().primitiveValue())
          .containsExactly("ar", "en");
      assertThat(p.getName()).extracting(HumanName::getText).allMatch(text -> !text.isBlank());
    }
    Bundle ahmed = fhir.newJsonParser().parseResource(Bundle.class, export(DemoAccounts.AHMED_PATIENT_ID, khalid));
    assertThat(ahmed.getEntry()).anyMatch(e -> e.getResource().fhirType().equals("DocumentReference"));
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
