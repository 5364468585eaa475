package io.moeen.testing;

import java.util.UUID;

/** The demo clinic's accounts (db/demo/002-identity-demo.sql), by role. */
public final class DemoAccounts {
  public static final String PASSWORD = "MoeenDemo#2026";

  public static final String ADMIN = "admin@moeen-clinic.example";
  public static final String SUPERVISOR = "supervisor@moeen-clinic.example";
  public static final String RECEPTIONIST = "reception@moeen-clinic.example";
  public static final String DOCTOR = "dr.khalid@moeen-clinic.example";
  public static final String DOCTOR_PEDIATRICS = "dr.maha@moeen-clinic.example";
  public static final String DOCTOR_CARDIOLOGY = "dr.faisal@moeen-clinic.example";
  public static final String PATIENT_AHMED = "ahmed@patients.example";
  public static final String PATIENT_FATIMAH = "fatimah@patients.example";
  public static final String PATIENT_MOHAMMED = "mohammed@patients.example";
  public static final String PATIENT_REEM = "reem@patients.example";
  public static final String MARKETER = "marketing@moeen-clinic.example";
  public static final String CASHIER = "cashier@moeen-clinic.example";
  public static final String ACCOUNTANT = "accounts@moeen-clinic.example";
  /** Ahmed's son: may read Ahmed's profile and read/book his appointments, not his medical records. */
  public static final String FAMILY_YOUSEF = "yousef@patients.example";
  public static final String PHARMACIST = "pharmacy@moeen-clinic.example";
  public static final String STORE_KEEPER = "store@moeen-clinic.example";

  /** The hospital side (db/demo/036-hospital-demo.sql). */
  public static final String ADMISSIONS = "admissions@moeen-clinic.example";
  /** Also the clinic's nurse: sees the allergies banner and intake forms, never notes or results. */
  public static final String NURSE = "nurse@moeen-clinic.example";
  public static final String HOUSEKEEPING = "housekeeping@moeen-clinic.example";
  public static final String DISPATCHER = "dispatch@moeen-clinic.example";

  /** The dental clinic (db/demo/050-dental-demo.sql): a dentist (a doctor) and the assistant working under her. */
  public static final String DENTIST = "dentist@moeen-clinic.example";
  public static final String DENTAL_ASSISTANT = "dental.assistant@moeen-clinic.example";
  public static final UUID DENTIST_ID = UUID.fromString("00000000-0000-4022-8000-000000000001");
  public static final UUID DENTIST_DOCTOR_ID = UUID.fromString("00000000-0000-4022-8000-000000000011");
  public static final UUID DENTAL_ASSISTANT_ID = UUID.fromString("00000000-0000-4022-8000-000000000002");

  public static final UUID ADMIN_ID = UUID.fromString("00000000-0000-4000-8000-000000000001");
  public static final UUID AHMED_USER_ID = UUID.fromString("00000000-0000-4000-8000-000000000007");
  public static final UUID AHMED_PATIENT_ID = UUID.fromString("00000000-0000-4000-9000-000000000007");
  public static final UUID FATIMAH_PATIENT_ID = UUID.fromString("00000000-0000-4000-9000-000000000008");
  public static final UUID MOHAMMED_PATIENT_ID = UUID.fromString("00000000-0000-4000-9000-000000000009");
  public static final UUID REEM_PATIENT_ID = UUID.fromString("00000000-0000-4000-9000-000000000010");
  /** A walk-in patient with no account. */
  public static final UUID AISHA_PATIENT_ID = UUID.fromString("00000000-0000-4000-9000-000000000099");
  public static final UUID CASHIER_ID = UUID.fromString("00000000-0000-4000-8000-000000000050");
  public static final UUID ACCOUNTANT_ID = UUID.fromString("00000000-0000-4000-8000-000000000051");
  public static final UUID YOUSEF_USER_ID = UUID.fromString("00000000-0000-4000-8000-000000000012");
  public static final UUID PHARMACIST_ID = UUID.fromString("00000000-0000-4000-8000-000000000020");
  public static final UUID STORE_KEEPER_ID = UUID.fromString("00000000-0000-4000-8000-000000000021");

  private DemoAccounts() {
  }
}
