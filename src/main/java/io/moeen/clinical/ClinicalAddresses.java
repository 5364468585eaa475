package io.moeen.clinical;

/**
 * Every event-bus address of the clinical feature, and the only place they are written. Each is
 * {@code <feature>.<resource>.<verb>}; docs/architecture.md lists them.
 * <p>Encounters, notes, diagnoses, observations (vitals and lab results), allergies and prescriptions.
 */
public final class ClinicalAddresses {
  // Contract operations (see contract/clinical.yaml).
  public static final String CHARTS_GET = "clinical.charts.get";
  public static final String ALLERGIES_LIST = "clinical.allergies.list";
  public static final String ALLERGIES_RECORD = "clinical.allergies.record";
  public static final String ENCOUNTERS_OPEN = "clinical.encounters.open";
  public static final String ENCOUNTERS_GET = "clinical.encounters.get";
  public static final String ENCOUNTERS_FINISH = "clinical.encounters.finish";
  public static final String ENCOUNTERS_MARK_IN_ERROR = "clinical.encounters.mark_in_error";
  public static final String NOTES_CREATE = "clinical.notes.create";
  public static final String NOTES_UPDATE = "clinical.notes.update";
  public static final String NOTES_SIGN = "clinical.notes.sign";
  public static final String NOTES_AMEND = "clinical.notes.amend";
  public static final String DIAGNOSES_ADD = "clinical.diagnoses.add";
  public static final String DIAGNOSIS_CODES_SEARCH = "clinical.diagnosis_codes.search";
  public static final String OBSERVATIONS_RECORD = "clinical.observations.record";
  public static final String PRESCRIPTIONS_CREATE = "clinical.prescriptions.create";
  public static final String PRESCRIPTIONS_CHANGE_STATUS = "clinical.prescriptions.change_status";
  public static final String DIAGNOSES_CHANGE_STATUS = "clinical.diagnoses.change_status";
  public static final String OBSERVATIONS_CHANGE_STATUS = "clinical.observations.change_status";
  public static final String INTAKE_FORMS_GET = "clinical.intake_forms.get";
  public static final String INTAKE_FORMS_SUBMIT = "clinical.intake_forms.submit";
  public static final String INTAKE_FORMS_REVIEW = "clinical.intake_forms.review";
  public static final String FILES_UPLOAD = "clinical.files.upload";
  public static final String FILES_LIST = "clinical.files.list";
  public static final String FILES_DOWNLOAD = "clinical.files.download";
  public static final String FILES_THUMBNAIL = "clinical.files.thumbnail";
  public static final String FHIR_EXPORT = "clinical.fhir.export";

  private ClinicalAddresses() {
  }
}
