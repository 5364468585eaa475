package io.moeen.bench;

import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import org.HdrHistogram.Histogram;

import java.util.concurrent.TimeUnit;

/**
 * Opening a patient's chart (the summary a doctor sees first) for a patient with many encounters:
 * starts the service on a clone of the test database with the demo clinic, gives Fatimah
 * {@code encounters} past visits with Dr. Khalid (a signed note, a diagnosis and five vital signs
 * each), then opens her chart {@code requests} times one after another as Dr. Khalid and prints
 * p50/p99. Every request runs the real path: permissions, the care check, row-level security on
 * each clinical table, and the audit row. Not a test: run bench/chart.sh.
 * <p>Arguments: {@code [encounters=200] [requests=300]}.
 */
public final class ChartBench {
  private ChartBench() {
  }

  public static void main(String[] args) {
    int encounters = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    RunningApp app = RunningApp.start("chart-bench");
    try {
      String patient = DemoAccounts.FATIMAH_PATIENT_ID.toString();
      app.asOwner("""
          INSERT INTO encounters (id, patient_id, doctor_id, location_id, kind, status, chief_complaint, started_at, ended_at)
          SELECT ('00000000-0000-4018-9000-' || lpad(n::text, 12, '0'))::uuid, '%1$s', '00000000-0000-4000-c200-000000000004',
                 '00000000-0000-4000-c100-000000000001', 'walk_in', 'finished', 'زيارة متابعة ' || n,
                 now() - make_interval(days => n * 3), now() - make_interval(days => n * 3) + interval '20 minutes'
          FROM generate_series(1, %2$d) n;
          INSERT INTO clinical_notes (encounter_id, patient_id, author_id, body, signed_at)
          SELECT e.id, e.patient_id, '00000000-0000-4000-8000-000000000004', 'ملاحظة الزيارة: الحالة مستقرة.', e.ended_at
          FROM encounters e WHERE e.id::text LIKE '00000000-0000-4018-9000-%%';
          INSERT INTO diagnoses (patient_id, encounter_id, code, rank, clinical_status, recorded_by)
          SELECT e.patient_id, e.id, 'J45.909', 'primary', CASE WHEN random() < 0.8 THEN 'resolved' ELSE 'active' END,
                 '00000000-0000-4000-8000-000000000004'
          FROM encounters e WHERE e.id::text LIKE '00000000-0000-4018-9000-%%';
          INSERT INTO observations (patient_id, encounter_id, category, kind, loinc, value, unit, value_canonical,
                                    unit_canonical, abnormal_flag, effective_at, recorded_by)
          SELECT e.patient_id, e.id, 'vital-signs', k.kind, k.loinc, k.v, k.unit, k.v, k.unit, 'N', e.started_at,
                 '00000000-0000-4000-8000-000000000004'
          FROM encounters e,
               (VALUES ('systolic_bp', '8480-6', 120, 'mm[Hg]'), ('diastolic_bp', '8462-4', 80, 'mm[Hg]'),
                       ('heart_rate', '8867-4', 72, '/min'), ('body_temperature', '8310-5', 36.8, 'Cel'),
                       ('oxygen_saturation', '59408-5', 98, '%%')) AS k(kind, loinc, v, unit)
          WHERE e.id::text LIKE '00000000-0000-4018-9000-%%';
          ANALYZE;
          """.formatted(patient, encounters));
      String token = app.loginAs(DemoAccounts.DOCTOR);
      String path = "/v1/patients/" + patient + "/chart";
      for (int i = 0; i < 30; i++) {
        check(app.get(path, "en", token));
      }
      Histogram latencies = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
      for (int i = 0; i < requests; i++) {
        long start = System.nanoTime();
        check(app.get(path, "en", token));
        latencies.recordValue(System.nanoTime() - start);
      }
      System.out.printf("chart of a patient with %d encounters, %d requests one after another: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          encounters + 1, requests, ms(latencies.getValueAtPercentile(50)), ms(latencies.getValueAtPercentile(99)),
          ms(latencies.getMaxValue()));
    } finally {
      app.close();
    }
    System.exit(0);
  }

  private static void check(HttpResponse<Buffer> response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException(response.statusCode() + " " + response.bodyAsString());
    }
  }

  private static double ms(long nanos) {
    return nanos / 1_000_000.0;
  }
}
