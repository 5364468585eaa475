package io.moeen.documents;

/**
 * Every event-bus address of the documents feature, and the only place they are written. Each is
 * {@code <feature>.<resource>.<verb>}; docs/architecture.md lists them.
 * <p>Document templates (versions, placeholders checked when saved), documents rendered from them for a
 * patient (PDF kept as the patient's clinical file) and the printed prescription.
 */
public final class DocumentsAddresses {
  // Contract operations (see contract/documents.yaml).
  public static final String TEMPLATES_LIST = "documents.templates.list";
  public static final String TEMPLATES_CREATE = "documents.templates.create";
  public static final String TEMPLATES_GET = "documents.templates.get";
  public static final String TEMPLATES_REVISE = "documents.templates.revise";
  public static final String PATIENT_DOCUMENTS_RENDER = "documents.patient_documents.render";
  public static final String PATIENT_DOCUMENTS_LIST = "documents.patient_documents.list";
  public static final String PRESCRIPTION_PDFS_GET = "documents.prescription_pdfs.get";

  private DocumentsAddresses() {
  }
}
