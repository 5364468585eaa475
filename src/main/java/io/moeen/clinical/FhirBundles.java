package io.moeen.clinical;

import ca.uhn.fhir.context.FhirContext;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.SimpleQuantity;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Set;

/**
 * A patient's record as a FHIR R4 {@code Bundle} of type {@code collection}, built with HAPI FHIR's R4
 * structures from what {@code fhir_source} read (as the reader, under row-level security). Entries are
 * named {@code urn:uuid:<our id>} and refer to each other that way. Names are given twice, Arabic and
 * English, each {@code HumanName} marked with the standard {@code language} extension. Files are
 * {@code DocumentReference}s that link to their download, never carry the bytes. The clinic's
 * {@code Organization}, the {@code Appointment}s and the signed notes' {@code Composition}s are in {@link FhirClinic}.
 * <p>The {@link FhirContext} costs about a second to build: it is made at the first export, on a worker,
 * never at start-up; it is thread-safe and kept.
 */
final class FhirBundles {
  static final String LANGUAGE = "http://hl7.org/fhir/StructureDefinition/language";
  static final String ICD10_CM = "http://hl7.org/fhir/sid/icd-10-cm";
  static final String LOINC = "http://loinc.org";
  static final String UCUM = "http://unitsofmeasure.org";
  static final String MRN = "urn:moeen:patient:mrn";
  static final String LICENSE = "urn:moeen:practitioner:license";

  private FhirBundles() {
  }

  static FhirContext context() {
    return io.moeen.common.fhir.FhirR4.context();
  }

  /** The bundle as FHIR JSON (call from a worker). */
  static String json(JsonObject source) {
    return context().newJsonParser().encodeResourceToString(bundle(source));
  }

  static Bundle bundle(JsonObject source) {
    Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
    bundle.setTimestamp(new Date());
    JsonObject p = source.getJsonObject("patient");
    String patientRef = ref(p.getString("id"));
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(MRN).setValue(p.getString("mrn"));
    names(p, "firstAr", "lastAr", "firstEn", "lastEn").forEach(patient::addName);
    if (p.getString("gender") != null) {
      patient.setGender("male".equals(p.getString("gender")) ? Enumerations.AdministrativeGender.MALE : Enumerations.AdministrativeGender.FEMALE);
    }
    if (p.getString("birthDate") != null) {
      patient.setBirthDateElement(new DateType(p.getString("birthDate")));
    }
    if (p.getString("phone") != null) {
      patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(p.getString("phone"));
    }
    if (p.getString("email") != null) {
      patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(p.getString("email"));
    }
    patient.addCommunication().setPreferred(true).setLanguage(new CodeableConcept(
        new Coding("urn:ietf:bcp:47", p.getString("language", "ar"), null)));
    add(bundle, p.getString("id"), patient);

    for (JsonObject d : objects(source, "doctors")) {
      Practitioner practitioner = new Practitioner();
      if (d.getString("license") != null) {
        practitioner.addIdentifier().setSystem(LICENSE).setValue(d.getString("license"));
      }
      names(d, "firstAr", "lastAr", "firstEn", "lastEn").forEach(practitioner::addName);
      add(bundle, d.getString("id"), practitioner);
    }
    String organizationRef = FhirClinic.organization(bundle, source.getJsonObject("organization", new JsonObject()));
    for (JsonObject l : objects(source, "locations")) {
      Location location = new Location().setName(l.getString("nameEn"));
      location.setManagingOrganization(new Reference(organizationRef));
      location.addAlias(l.getString("nameAr"));
      location.setStatus(Location.LocationStatus.ACTIVE);
      if (l.getString("phone") != null) {
        location.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(l.getString("phone"));
      }
      add(bundle, l.getString("id"), location);
    }
    Set<String> appointments = FhirClinic.appointments(bundle, source, patientRef);
    for (JsonObject e : objects(source, "encounters")) {
      Encounter encounter = new Encounter();
      encounter.setStatus(switch (e.getString("status")) {
        case "finished" -> Encounter.EncounterStatus.FINISHED;
        case "entered_in_error" -> Encounter.EncounterStatus.ENTEREDINERROR;
        default -> Encounter.EncounterStatus.INPROGRESS;
      });
      boolean phone = "phone".equals(e.getString("kind"));
      encounter.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", phone ? "VR" : "AMB",
          phone ? "virtual" : "ambulatory"));
      encounter.setSubject(new Reference(patientRef));
      encounter.addParticipant().setIndividual(new Reference(ref(e.getString("doctorId"))));
      Period period = new Period().setStartElement(dateTime(e.getString("start")));
      if (e.getString("end") != null) {
        period.setEndElement(dateTime(e.getString("end")));
      }
      encounter.setPeriod(period);
      if (e.getString("chiefComplaint") != null) {
        encounter.addReasonCode().setText(e.getString("chiefComplaint"));
      }
      if (appointments.contains(e.getString("appointmentId"))) {
        encounter.addAppointment(new Reference(ref(e.getString("appointmentId"))));
      }
      if (e.getString("locationId") != null) {
        encounter.addLocation().setLocation(new Reference(ref(e.getString("locationId"))));
      }
      add(bundle, e.getString("id"), encounter);
    }
    FhirClinic.compositions(bundle, source, patientRef);
    for (JsonObject c : objects(source, "conditions")) {
      Condition condition = new Condition();
      String status = c.getString("status");
      if ("entered_in_error".equals(status)) {
        condition.setVerificationStatus(concept("http://terminology.hl7.org/CodeSystem/condition-ver-status", "entered-in-error"));
      } else {
        condition.setClinicalStatus(concept("http://terminology.hl7.org/CodeSystem/condition-clinical", status));
        condition.setVerificationStatus(concept("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed"));
      }
      condition.addCategory(concept("http://terminology.hl7.org/CodeSystem/condition-category", "encounter-diagnosis"));
      CodeableConcept code = new CodeableConcept(new Coding(ICD10_CM, c.getString("code"), c.getString("titleEn")));
      code.setText(c.getString("titleAr"));
      condition.setCode(code);
      condition.setSubject(new Reference(patientRef));
      condition.setEncounter(new Reference(ref(c.getString("encounterId"))));
      if (c.getString("onset") != null) {
        condition.setOnset(new DateTimeType(c.getString("onset")));
      }
      if (c.getString("resolved") != null && "resolved".equals(status)) {
        condition.setAbatement(new DateTimeType(c.getString("resolved")));
      }
      condition.setRecordedDateElement(dateTime(c.getString("recorded")));
      if ("primary".equals(c.getString("rank"))) {
        condition.addNote(new Annotation().setText("primary diagnosis of the encounter"));
      }
      add(bundle, c.getString("id"), condition);
    }
    for (JsonObject o : objects(source, "observations")) {
      ObservationCatalogue kind = ObservationCatalogue.of(o.getString("kind"), "kind");
      Observation observation = new Observation().setStatus("entered_in_error".equals(o.getString("status"))
          ? Observation.ObservationStatus.ENTEREDINERROR : Observation.ObservationStatus.FINAL);
      observation.addCategory(concept("http://terminology.hl7.org/CodeSystem/observation-category",
          kind.category == ObservationCatalogue.Category.LAB ? "laboratory" : "vital-signs"));
      observation.setCode(new CodeableConcept(new Coding(LOINC, o.getString("loinc"), null)).setText(o.getString("kind")));
      observation.setSubject(new Reference(patientRef));
      observation.setEncounter(new Reference(ref(o.getString("encounterId"))));
      observation.setEffective(dateTime(o.getString("effective")));
      observation.setValue(quantity(new Quantity(), number(o, "value"), o.getString("unit")));
      if (o.getValue("low") != null || o.getValue("high") != null) {
        Observation.ObservationReferenceRangeComponent range = observation.addReferenceRange();
        if (o.getValue("low") != null) {
          range.setLow((SimpleQuantity) quantity(new SimpleQuantity(), number(o, "low"), o.getString("unit")));
        }
        if (o.getValue("high") != null) {
          range.setHigh((SimpleQuantity) quantity(new SimpleQuantity(), number(o, "high"), o.getString("unit")));
        }
      }
      if (o.getString("flag") != null) {
        observation.addInterpretation(concept("http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", o.getString("flag")));
      }
      add(bundle, o.getString("id"), observation);
    }
    for (JsonObject a : objects(source, "allergies")) {
      AllergyIntolerance allergy = new AllergyIntolerance();
      String status = a.getString("status");
      if ("entered_in_error".equals(status)) {
        allergy.setVerificationStatus(concept("http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "entered-in-error"));
      } else {
        allergy.setClinicalStatus(concept("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", status));
        allergy.setVerificationStatus(concept("http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "confirmed"));
      }
      allergy.setCode(new CodeableConcept().setText(a.getString("substance")));
      allergy.setPatient(new Reference(patientRef));
      allergy.setRecordedDateElement(dateTime(a.getString("recorded")));
      AllergyIntolerance.AllergyIntoleranceReactionComponent reaction = allergy.addReaction();
      reaction.addManifestation().setText(a.getString("reaction") == null ? a.getString("substance") : a.getString("reaction"));
      reaction.setSeverity(AllergyIntolerance.AllergyIntoleranceSeverity.fromCode(a.getString("severity")));
      add(bundle, a.getString("id"), allergy);
    }
    for (JsonObject r : objects(source, "prescriptions")) {
      MedicationRequest request = new MedicationRequest();
      request.setStatus(switch (r.getString("status")) {
        case "completed" -> MedicationRequest.MedicationRequestStatus.COMPLETED;
        case "stopped" -> MedicationRequest.MedicationRequestStatus.STOPPED;
        case "entered_in_error" -> MedicationRequest.MedicationRequestStatus.ENTEREDINERROR;
        default -> MedicationRequest.MedicationRequestStatus.ACTIVE;
      });
      request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
      request.setMedication(new CodeableConcept().setText(r.getString("drug")));
      request.setSubject(new Reference(patientRef));
      request.setEncounter(new Reference(ref(r.getString("encounterId"))));
      request.setAuthoredOnElement(dateTime(r.getString("authored")));
      if (r.getString("prescriberId") != null) {
        request.setRequester(new Reference(ref(r.getString("prescriberId"))));
      }
      Dosage dosage = request.addDosageInstruction()
          .setText(r.getString("dose") + ", " + r.getString("frequency"))
          .setRoute(new CodeableConcept().setText(r.getString("route")));
      if (r.getString("instructions") != null) {
        dosage.setPatientInstruction(r.getString("instructions"));
      }
      MedicationRequest.MedicationRequestDispenseRequestComponent dispense = request.getDispenseRequest();
      dispense.setNumberOfRepeatsAllowed(r.getInteger("refills", 0));
      if (r.getInteger("quantity") != null) {
        dispense.setQuantity((SimpleQuantity) new SimpleQuantity().setValue(r.getInteger("quantity")));
      }
      if (r.getInteger("durationDays") != null) {
        dispense.setExpectedSupplyDuration((Duration) new Duration().setValue(r.getInteger("durationDays"))
            .setUnit("days").setSystem(UCUM).setCode("d"));
      }
      add(bundle, r.getString("id"), request);
    }
    for (JsonObject f : objects(source, "files")) {
      DocumentReference document = new DocumentReference();
      document.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
      document.setType(new CodeableConcept().setText(f.getString("category")));
      document.setSubject(new Reference(patientRef));
      document.setDate(Date.from(OffsetDateTime.parse(f.getString("uploadedAt")).toInstant()));
      if (f.getString("title") != null) {
        document.setDescription(f.getString("title"));
      }
      Attachment attachment = new Attachment().setContentType(f.getString("contentType"))
          .setUrl("/v1/files/" + f.getString("id") + "/content");
      attachment.setSize(f.getLong("size").intValue());
      attachment.setTitle(f.getString("fileName"));
      document.addContent().setAttachment(attachment);
      if (f.getString("encounterId") != null) {
        document.getContext().addEncounter(new Reference(ref(f.getString("encounterId"))));
      }
      add(bundle, f.getString("id"), document);
    }
    return bundle;
  }

  static Iterable<JsonObject> objects(JsonObject source, String field) {
    JsonArray array = source.getJsonArray(field, new JsonArray());
    return () -> array.stream().map(JsonObject.class::cast).iterator();
  }

  static void add(Bundle bundle, String id, Resource resource) {
    bundle.addEntry().setFullUrl(ref(id)).setResource(resource);
  }

  static String ref(String id) {
    return "urn:uuid:" + id;
  }

  /** The Arabic and the English name, each marked with its language; a side without a name is left out. */
  private static Set<HumanName> names(JsonObject o, String firstAr, String lastAr, String firstEn, String lastEn) {
    Set<HumanName> names = new java.util.LinkedHashSet<>();
    HumanName ar = name(o.getString(firstAr), o.getString(lastAr), "ar");
    HumanName en = name(o.getString(firstEn), o.getString(lastEn), "en");
    if (ar != null) {
      names.add(ar);
    }
    if (en != null) {
      names.add(en);
    }
    return names;
  }

  private static HumanName name(String first, String last, String language) {
    if (first == null && last == null) {
      return null;
    }
    HumanName name = new HumanName().setUse(HumanName.NameUse.OFFICIAL);
    if (last != null) {
      name.setFamily(last);
    }
    if (first != null) {
      name.addGiven(first);
    }
    name.setText(((first == null ? "" : first) + " " + (last == null ? "" : last)).strip());
    name.addExtension(LANGUAGE, new CodeType(language));
    return name;
  }

  static CodeableConcept concept(String system, String code) {
    return new CodeableConcept(new Coding(system, code, null));
  }

  static DateTimeType dateTime(String instant) {
    return new DateTimeType(Date.from(OffsetDateTime.parse(instant).toInstant()));
  }

  private static BigDecimal number(JsonObject o, String field) {
    return new BigDecimal(String.valueOf(o.getValue(field))).stripTrailingZeros();
  }

  private static Quantity quantity(Quantity quantity, BigDecimal value, String unit) {
    quantity.setValue(value).setUnit(unit).setSystem(UCUM).setCode(unit);
    return quantity;
  }
}
