package io.moeen.clinical;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.moeen.clinical.FhirBundles.add;
import static io.moeen.clinical.FhirBundles.concept;
import static io.moeen.clinical.FhirBundles.dateTime;
import static io.moeen.clinical.FhirBundles.objects;
import static io.moeen.clinical.FhirBundles.ref;

/**
 * The parts of the FHIR export around the visit: the clinic as an {@code Organization} (the locations'
 * managing organization), the patient's {@code Appointment}s, and a {@code Composition} per signed note.
 * <p>A note is a Composition of LOINC type 11506-3 (progress note) when written as SOAP, 34109-9 (note)
 * otherwise, each SOAP part a section with its LOINC code and its text as narrative. A note that has an
 * addendum is {@code amended}; the addendum is its own Composition that {@code appends} to it. An
 * entered-in-error correction is not exported as a note of its own: the note it corrects is exported with
 * status {@code entered-in-error}.
 */
final class FhirClinic {
  static final String TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation";
  static final String VAT = "urn:moeen:organization:vat";
  static final String SERVICE = "urn:moeen:service";
  /** The clinic's Organization has one id for every export (there is one clinic per deployment). */
  static final UUID ORGANIZATION_ID = UUID.nameUUIDFromBytes("moeen:clinic-organization".getBytes(StandardCharsets.UTF_8));

  private static final String V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203";
  private static final String V2_0276 = "http://terminology.hl7.org/CodeSystem/v2-0276";
  /** SOAP section → LOINC code and English title. */
  private static final List<String[]> SECTIONS = List.of(
      new String[] {"subjective", "61150-9", "Subjective"},
      new String[] {"objective", "61149-1", "Objective"},
      new String[] {"assessment", "51848-0", "Assessment"},
      new String[] {"plan", "18776-5", "Plan of care"});

  private FhirClinic() {
  }

  /** Adds the clinic and answers its reference. */
  static String organization(Bundle bundle, JsonObject o) {
    Organization organization = new Organization().setActive(true);
    String nameEn = o.getString("nameEn");
    String nameAr = o.getString("nameAr");
    organization.setName(nameEn != null ? nameEn : nameAr);
    if (nameAr != null && nameEn != null) {
      organization.addAlias(nameAr);
      organization.getNameElement().addExtension(translation("ar", nameAr));
    }
    organization.addType(concept("http://terminology.hl7.org/CodeSystem/organization-type", "prov"));
    for (Object vat : o.getJsonArray("vatNumbers", new JsonArray())) {
      organization.addIdentifier().setSystem(VAT).setValue(String.valueOf(vat))
          .setType(new CodeableConcept(new Coding(V2_0203, "TAX", "Tax ID number")));
    }
    if (o.getString("phone") != null) {
      organization.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(o.getString("phone"));
    }
    if (o.getString("email") != null) {
      organization.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(o.getString("email"));
    }
    add(bundle, ORGANIZATION_ID.toString(), organization);
    return ref(ORGANIZATION_ID.toString());
  }

  /** Adds the patient's appointments and answers their ids. */
  static Set<String> appointments(Bundle bundle, JsonObject source, String patientRef) {
    Set<String> ids = new LinkedHashSet<>();
    for (JsonObject a : objects(source, "appointments")) {
      Appointment appointment = new Appointment().setStatus(status(a.getString("status")));
      CodeableConcept service = new CodeableConcept(new Coding(SERVICE, a.getString("serviceCode"), a.getString("serviceEn")));
      service.setText(a.getString("serviceAr"));
      appointment.addServiceType(service);
      appointment.setAppointmentType(new CodeableConcept(new Coding(V2_0276, switch (a.getString("type", "consultation")) {
        case "follow_up" -> "FOLLOWUP";
        case "emergency" -> "EMERGENCY";
        case "routine_checkup" -> "CHECKUP";
        default -> "ROUTINE";
      }, null)));
      appointment.setStart(instant(a.getString("start")));
      appointment.setEnd(instant(a.getString("end")));
      if (a.getString("created") != null) {
        appointment.setCreatedElement(dateTime(a.getString("created")));
      }
      if ("cancelled".equals(a.getString("status")) && a.getString("cancellationReason") != null) {
        appointment.setCancelationReason(new CodeableConcept().setText(a.getString("cancellationReason")));
      }
      participant(appointment, patientRef);
      participant(appointment, ref(a.getString("doctorId")));
      participant(appointment, ref(a.getString("locationId")));
      add(bundle, a.getString("id"), appointment);
      ids.add(a.getString("id"));
    }
    return ids;
  }

  /** Adds a Composition per signed note (see the class comment for addenda and corrections). */
  static void compositions(Bundle bundle, JsonObject source, String patientRef) {
    Map<String, String> correctedBy = new HashMap<>();
    Map<String, String> appendedBy = new HashMap<>();
    for (JsonObject n : objects(source, "notes")) {
      if ("entered_in_error".equals(n.getString("kind"))) {
        correctedBy.put(n.getString("amendsId"), n.getString("id"));
      } else if ("addendum".equals(n.getString("kind"))) {
        appendedBy.put(n.getString("amendsId"), n.getString("id"));
      }
    }
    Set<String> exported = new LinkedHashSet<>();
    for (JsonObject n : objects(source, "notes")) {
      if (!"entered_in_error".equals(n.getString("kind"))) {
        exported.add(n.getString("id"));
      }
    }
    for (JsonObject n : objects(source, "notes")) {
      String id = n.getString("id");
      if (!exported.contains(id)) {
        continue;
      }
      boolean soap = "soap".equals(n.getString("format"));
      boolean addendum = "addendum".equals(n.getString("kind"));
      Composition composition = new Composition();
      composition.setStatus(correctedBy.containsKey(id) ? Composition.CompositionStatus.ENTEREDINERROR
          : appendedBy.containsKey(id) ? Composition.CompositionStatus.AMENDED : Composition.CompositionStatus.FINAL);
      composition.setType(new CodeableConcept(new Coding(FhirBundles.LOINC, soap ? "11506-3" : "34109-9",
          soap ? "Progress note" : "Note")));
      composition.setSubject(new Reference(patientRef));
      composition.setEncounter(new Reference(ref(n.getString("encounterId"))));
      composition.setDateElement(dateTime(n.getString("signedAt")));
      composition.setTitle(addendum ? "Addendum · ملحق" : soap ? "Progress note · ملاحظة متابعة" : "Note · ملاحظة");
      if (n.getString("authorDoctorId") != null) {
        composition.addAuthor(new Reference(ref(n.getString("authorDoctorId"))));
      } else {
        composition.addAuthor(new Reference().setDisplay(n.getString("authorName", "clinician")));
      }
      if (addendum && exported.contains(n.getString("amendsId"))) {
        composition.addRelatesTo().setCode(Composition.DocumentRelationshipType.APPENDS)
            .setTarget(new Reference(ref(n.getString("amendsId"))));
      }
      if (soap) {
        for (String[] section : SECTIONS) {
          String text = n.getString(section[0]);
          if (text != null) {
            composition.addSection().setTitle(section[2])
                .setCode(new CodeableConcept(new Coding(FhirBundles.LOINC, section[1], section[2])))
                .setText(narrative(text));
          }
        }
      } else {
        composition.addSection().setTitle(addendum ? "Addendum" : "Note").setText(narrative(n.getString("text", "")));
      }
      add(bundle, id, composition);
    }
  }

  private static void participant(Appointment appointment, String actor) {
    appointment.addParticipant().setActor(new Reference(actor))
        .setRequired(Appointment.ParticipantRequired.REQUIRED)
        .setStatus(Appointment.ParticipationStatus.ACCEPTED);
  }

  private static Appointment.AppointmentStatus status(String status) {
    return switch (status) {
      case "pending" -> Appointment.AppointmentStatus.PENDING;
      case "checked_in" -> Appointment.AppointmentStatus.CHECKEDIN;
      case "completed" -> Appointment.AppointmentStatus.FULFILLED;
      case "cancelled" -> Appointment.AppointmentStatus.CANCELLED;
      case "no_show" -> Appointment.AppointmentStatus.NOSHOW;
      // confirmed, and a patient's request to move or cancel that staff have not answered yet: still booked
      default -> Appointment.AppointmentStatus.BOOKED;
    };
  }

  private static Extension translation(String language, String content) {
    Extension extension = new Extension(TRANSLATION);
    extension.addExtension("lang", new CodeType(language));
    extension.addExtension("content", new StringType(content));
    return extension;
  }

  /** The text as XHTML narrative, each line a paragraph, escaped. */
  static Narrative narrative(String text) {
    StringBuilder div = new StringBuilder("<div xmlns=\"http://www.w3.org/1999/xhtml\">");
    for (String line : text.split("\\R")) {
      div.append("<p>").append(escape(line)).append("</p>");
    }
    div.append("</div>");
    Narrative narrative = new Narrative().setStatus(Narrative.NarrativeStatus.GENERATED);
    narrative.setDivAsString(div.toString());
    return narrative;
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> {
          if (c >= 0x20 || c == '\t') {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  private static Date instant(String instant) {
    return Date.from(OffsetDateTime.parse(instant).toInstant());
  }
}
