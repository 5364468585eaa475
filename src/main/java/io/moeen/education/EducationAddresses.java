package io.moeen.education;

/**
 * Every event-bus address of the education feature, and the only place they are written. Each is
 * {@code <feature>.<resource>.<verb>}; docs/architecture.md lists them.
 * <p>Patient education: the library of materials and their assignments to patients.
 */
public final class EducationAddresses {
  // Contract operations (see contract/education.yaml).
  public static final String MATERIALS_LIST = "education.materials.list";
  public static final String MATERIALS_CREATE = "education.materials.create";
  public static final String MATERIALS_GET = "education.materials.get";
  public static final String MATERIALS_ARCHIVE = "education.materials.archive";
  public static final String MATERIALS_DOWNLOAD = "education.materials.download";
  public static final String FILES_UPLOAD = "education.files.upload";
  public static final String ASSIGNMENTS_CREATE = "education.assignments.create";
  public static final String ASSIGNMENTS_LIST = "education.assignments.list";
  public static final String ASSIGNMENTS_OF_PATIENT = "education.assignments.of_patient";
  public static final String ASSIGNMENTS_MARK_READ = "education.assignments.mark_read";

  private EducationAddresses() {
  }
}
