package io.moeen.billing.insurance;

import ca.uhn.fhir.context.FhirContext;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.SimpleQuantity;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Set;

/**
 * A claim as FHIR R4: a {@code Bundle} (collection) whose first entry is the {@code Claim}, followed by the
 * {@code Patient}, the {@code Coverage}, the insurer and the provider ({@code Organization}s) it refers to by
 * {@code urn:uuid:}. NPHIES-shaped where base R4 allows: the claim type is {@code oral} when a line is dentistry,
 * else {@code professional}; identifiers carry the CCHI/NPHIES ids, the member number and the national id. A line
 * that names teeth (a dental plan step's, changeset 057) becomes one item per tooth with the FDI number as its
 * {@code bodySite}, as NPHIES' oral claim asks, the line's insurer share split across them to the halala (the
 * remainder on the last).
 * <p>The {@link FhirContext} is built at the first export, on a worker, and kept.
 */
final class ClaimFhir {
  static final String MEDIA_TYPE = "application/fhir+json; charset=utf-8";
  static final String CLAIM_TYPE = "http://terminology.hl7.org/CodeSystem/claim-type";
  static final String SERVICES = "urn:moeen:service";
  static final String CATEGORIES = "urn:moeen:service-category";
  static final String MRN = "urn:moeen:patient:mrn";
  static final String NATIONAL_ID = "http://nphies.sa/identifier/nationalid";
  static final String CCHI = "http://nphies.sa/identifier/cchi";
  static final String NPHIES = "http://nphies.sa/license/payer-license";
  static final String VAT = "http://nphies.sa/identifier/vat";
  static final String MEMBER = "urn:moeen:coverage:member";
  static final String INVOICE = "urn:moeen:invoice";
  static final String FDI = "http://nphies.sa/terminology/CodeSystem/fdi-oral-region";
  /** Catalogue categories that are dentistry (scheduling's services, seed 003). */
  static final Set<String> DENTAL = Set.of("orthodontics", "restorations", "xrays", "oral_surgery", "preventive", "cosmetic");

  private ClaimFhir() {
  }

  static FhirContext context() {
    return io.moeen.common.fhir.FhirR4.context();
  }

  /** The bundle as FHIR JSON (call from a worker). */
  static String json(JsonObject source) {
    return context().newJsonParser().encodeResourceToString(bundle(source));
  }

  static Bundle bundle(JsonObject source) {
    JsonObject c = source.getJsonObject("claim");
    JsonObject p = source.getJsonObject("patient");
    JsonObject cov = source.getJsonObject("coverage");
    JsonObject payer = source.getJsonObject("payer");
    JsonObject provider = source.getJsonObject("provider");
    JsonArray items = source.getJsonArray("items");

    Patient patient = new Patient();
    patient.addIdentifier().setSystem(MRN).setValue(p.getString("mrn"));
    if (p.getString("nationalId") != null) {
      patient.addIdentifier().setSystem(NATIONAL_ID).setValue(p.getString("nationalId"));
    }
    patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(p.getString("lastEn")).addGiven(p.getString("firstEn"));
    if (p.getString("firstAr") != null) {
      patient.addName().setUse(HumanName.NameUse.USUAL).setFamily(p.getString("lastAr")).addGiven(p.getString("firstAr"));
    }
    if (p.getString("gender") != null) {
      patient.setGender("male".equals(p.getString("gender")) ? Enumerations.AdministrativeGender.MALE
          : "female".equals(p.getString("gender")) ? Enumerations.AdministrativeGender.FEMALE : Enumerations.AdministrativeGender.UNKNOWN);
    }
    if (p.getString("birthDate") != null) {
      patient.setBirthDateElement(new DateType(p.getString("birthDate")));
    }

    Organization insurer = new Organization().setName(payer.getString("nameEn"));
    insurer.addAlias(payer.getString("nameAr"));
    insurer.setActive(true);
    if (payer.getString("cchiId") != null) {
      insurer.addIdentifier().setSystem(CCHI).setValue(payer.getString("cchiId"));
    }
    if (payer.getString("nphiesId") != null) {
      insurer.addIdentifier().setSystem(NPHIES).setValue(payer.getString("nphiesId"));
    }
    insurer.addType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/organization-type", "ins", "Insurance Company")));

    Organization clinic = new Organization().setName(provider.getString("nameEn", "Moeen Clinic"));
    clinic.setActive(true);
    if (provider.getString("nameAr") != null) {
      clinic.addAlias(provider.getString("nameAr"));
    }
    if (provider.getString("vatNumber") != null) {
      clinic.addIdentifier().setSystem(VAT).setValue(provider.getString("vatNumber"));
    }
    clinic.addType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/organization-type", "prov", "Healthcare Provider")));

    String patientRef = ref(p.getString("id"));
    String insurerRef = ref(payer.getString("id"));
    String providerRef = ref(provider.getString("id"));
    String coverageRef = ref(cov.getString("id"));

    Coverage coverage = new Coverage();
    coverage.setStatus(Coverage.CoverageStatus.ACTIVE);
    coverage.addIdentifier().setSystem(MEMBER).setValue(cov.getString("memberNumber"));
    coverage.setSubscriberId(cov.getString("memberNumber"));
    coverage.setBeneficiary(new Reference(patientRef));
    coverage.addPayor(new Reference(insurerRef));
    coverage.setOrder(cov.getInteger("priority", 1));
    coverage.setPeriod(new Period().setStartElement(new org.hl7.fhir.r4.model.DateTimeType(cov.getString("validFrom")))
        .setEndElement(new org.hl7.fhir.r4.model.DateTimeType(cov.getString("validTo"))));
    coverage.addClass_().setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/coverage-class", "plan", "Plan")))
        .setValue(cov.getString("planCode")).setName(cov.getString("planName"));
    coverage.addClass_().setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/coverage-class", "group", "Group")))
        .setValue(cov.getString("policyNumber")).setName(cov.getString("class"));

    boolean dental = items.stream().map(JsonObject.class::cast).anyMatch(i -> DENTAL.contains(i.getString("category"))
        || (i.getJsonArray("teeth") != null && !i.getJsonArray("teeth").isEmpty()));
    Claim claim = new Claim();
    claim.addIdentifier().setSystem("urn:moeen:claim").setValue(c.getString("id"));
    claim.addIdentifier().setSystem(INVOICE).setValue(c.getString("invoiceNumber"));
    claim.setStatus(Claim.ClaimStatus.ACTIVE);
    claim.setType(new CodeableConcept(dental ? new Coding(CLAIM_TYPE, "oral", "Oral") : new Coding(CLAIM_TYPE, "professional", "Professional")));
    claim.setUse(Claim.Use.CLAIM);
    claim.setPatient(new Reference(patientRef));
    claim.setCreated(Date.from(OffsetDateTime.parse(c.getString("createdAt")).toInstant()));
    claim.setInsurer(new Reference(insurerRef));
    claim.setProvider(new Reference(providerRef));
    claim.setPriority(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/processpriority", "normal", "Normal")));
    claim.addInsurance().setSequence(1).setFocal(true).setCoverage(new Reference(coverageRef));
    BigDecimal total = BigDecimal.ZERO;
    int sequence = 0;
    for (Object o : items) {
      JsonObject i = (JsonObject) o;
      BigDecimal insurerShare = new BigDecimal(i.getString("insurerShare"));
      if (insurerShare.signum() == 0) {
        continue;
      }
      io.vertx.core.json.JsonArray teeth = i.getJsonArray("teeth") == null ? new io.vertx.core.json.JsonArray() : i.getJsonArray("teeth");
      int parts = Math.max(1, teeth.size());
      BigDecimal each = insurerShare.divide(BigDecimal.valueOf(parts), 2, java.math.RoundingMode.DOWN);
      for (int t = 0; t < parts; t++) {
        BigDecimal net = t == parts - 1 ? insurerShare.subtract(each.multiply(BigDecimal.valueOf(parts - 1))) : each;
        Claim.ItemComponent item = claim.addItem().setSequence(++sequence);
        String code = i.getString("serviceCode") != null ? i.getString("serviceCode") : i.getString("sourceKind");
        item.setProductOrService(new CodeableConcept(new Coding(SERVICES, code, i.getString("descriptionEn")))
            .setText(i.getString("descriptionEn")));
        item.addModifier(new CodeableConcept(new Coding(CATEGORIES, i.getString("category"), null)));
        item.setServiced(new DateType(i.getString("serviceDate")));
        item.setQuantity((SimpleQuantity) new SimpleQuantity().setValue(new BigDecimal(i.getString("quantity"))));
        if (teeth.isEmpty()) {
          item.setUnitPrice(sar(i.getString("unitPrice")));
        } else {
          String tooth = String.valueOf(((Number) teeth.getValue(t)).intValue());
          item.setBodySite(new CodeableConcept(new Coding(FDI, tooth, null)).setText("FDI " + tooth));
        }
        item.setNet(sar(net.toPlainString()));
      }
      total = total.add(insurerShare);
    }
    claim.setTotal(sar(total.setScale(2).toPlainString()));

    Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
    bundle.setTimestamp(new Date());
    add(bundle, c.getString("id"), claim);
    add(bundle, p.getString("id"), patient);
    add(bundle, cov.getString("id"), coverage);
    add(bundle, payer.getString("id"), insurer);
    add(bundle, provider.getString("id"), clinic);
    return bundle;
  }

  private static Money sar(String amount) {
    return new Money().setValue(new BigDecimal(amount)).setCurrency("SAR");
  }

  private static String ref(String id) {
    return "urn:uuid:" + id;
  }

  private static void add(Bundle bundle, String id, Resource resource) {
    bundle.addEntry().setFullUrl(ref(id)).setResource(resource);
  }
}
