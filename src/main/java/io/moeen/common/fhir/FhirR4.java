package io.moeen.common.fhir;

import ca.uhn.fhir.context.FhirContext;

/**
 * The one HAPI FHIR R4 context of the process: building one scans every R4 structure (seconds of CPU,
 * tens of MB), so clinical's export and billing's claims share it. Built at the first call; call from a worker.
 */
public final class FhirR4 {
  private static final Object LOCK = new Object();
  private static volatile FhirContext context;

  private FhirR4() {
  }

  public static FhirContext context() {
    FhirContext current = context;
    if (current == null) {
      synchronized (LOCK) {
        if (context == null) {
          context = FhirContext.forR4();
        }
        current = context;
      }
    }
    return current;
  }
}
