package io.moeen.patients;

/**
 * Every event-bus address of the patients feature, and the only place they are written: the addresses it
 * serves (contract operations, named by the contract's {@code x-moeen-address}, and internal requests)
 * and the events it publishes. Each is {@code <feature>.<resource>.<verb>}; docs/architecture.md lists them.
 * <p>Patient records, family members, and finding or creating a record by phone.
 */
public final class PatientsAddresses {
  // Contract operations (see contract/patients.yaml).
  public static final String RECORDS_REGISTER = "patients.records.register";
  public static final String RECORDS_SEARCH = "patients.records.search";
  public static final String RECORDS_GET = "patients.records.get";
  public static final String RECORDS_UPDATE = "patients.records.update";
  public static final String FAMILY_LIST = "patients.family.list";
  public static final String FAMILY_ADD = "patients.family.add";
  public static final String FAMILY_UPDATE = "patients.family.update";
  public static final String FAMILY_REVOKE = "patients.family.revoke";

  // Internal requests, served to other verticles only.
  /** Internal, request/reply {@code {phone, name?, locale?, source?, principal}} → {@code {patientId}}: the record for a phone, created if none. */
  public static final String CONTACTS_ENSURE = "patients.contacts.ensure";

  private PatientsAddresses() {
  }
}
