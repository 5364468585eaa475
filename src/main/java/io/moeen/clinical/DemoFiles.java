package io.moeen.clinical;

import io.moeen.common.db.SessionContext;
import io.moeen.common.db.SessionContext.Actor;
import io.moeen.common.files.BytesStream;
import io.moeen.common.files.FileStore;
import io.moeen.common.files.StoredFile;
import io.moeen.common.pdf.PdfRendering;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The demo clinic's files: their rows are SQL ({@code db/demo/060-clinical-demo.sql}, listed in
 * {@code clinical_demo_files}), their bytes belong in the file store. At start, a listed row whose stored
 * object is missing gets one: a small real PDF rendered here (Ahmed's ECG report, Arabic and English), put
 * into the store like an upload (size and SHA-256 measured on the way), and the row's key, size and SHA-256
 * set to it by {@code clinical_demo_file_stored}, only if the row still has the key read before. A second
 * node starting at the same moment finds the key changed and deletes its own copy: one object, a true row.
 * A restart finds the object and does nothing. Without demo data the list is empty. A failure is logged and
 * never stops the start.
 */
final class DemoFiles {
  private static final Logger LOG = LoggerFactory.getLogger(DemoFiles.class);
  private static final long MAX_BYTES = 5L * 1024 * 1024;

  private DemoFiles() {
  }

  static Future<Void> ensure(Vertx vertx, Pool pool, FileStore files) {
    return SessionContext.inTransaction(pool, Actor.system("clinical-demo-files"), conn ->
            conn.preparedQuery(ClinicalStore.SQL.get("demo_files_to_write")).execute())
        .compose(rows -> {
          List<Row> listed = new ArrayList<>();
          rows.forEach(listed::add);
          Future<Void> chain = Future.succeededFuture();
          for (Row row : listed) {
            chain = chain.compose(done -> one(vertx, pool, files, row.getUUID("id"), row.getString("storage_key"),
                row.getString("template")));
          }
          return chain;
        })
        .recover(e -> {
          LOG.error("Writing the demo clinic's files failed", e);
          return Future.succeededFuture();
        });
  }

  private static Future<Void> one(Vertx vertx, Pool pool, FileStore files, UUID id, String key, String template) {
    return files.find(key).compose(found -> {
      if (found.isPresent()) {
        return Future.succeededFuture();
      }
      return vertx.executeBlocking(() -> PdfRendering.render(page(template), false), false)
          .compose(bytes -> files.put(new BytesStream(bytes), MAX_BYTES))
          .compose(stored -> record(pool, id, key, stored)
              .compose(written -> {
                if (written) {
                  LOG.info("Wrote the demo file {} ({} bytes)", id, stored.size());
                  return Future.<Void>succeededFuture();
                }
                return files.delete(stored.storageKey()); // another node wrote it first
              }));
    }).recover(e -> {
      LOG.error("Writing the demo file {} failed", id, e);
      return Future.succeededFuture();
    });
  }

  private static Future<Boolean> record(Pool pool, UUID id, String oldKey, StoredFile stored) {
    return SessionContext.inTransaction(pool, Actor.system("clinical-demo-file-" + id), conn ->
        conn.preparedQuery(ClinicalStore.SQL.get("demo_file_stored"))
            .execute(Tuple.of(id, oldKey, stored.storageKey(), stored.size(), stored.sha256()))
            .map(rows -> Boolean.TRUE.equals(rows.iterator().next().getBoolean("written"))));
  }

  /** The report's page: Ahmed's ECG with Dr. Faisal, in Arabic and English. */
  static String page(String template) {
    if (!"ecg_report".equals(template)) {
      throw new IllegalArgumentException(template);
    }
    String css = "@page{size:A4;margin:16mm}"
        + "body{font-family:'" + PdfRendering.FONT_FAMILY + "',sans-serif;font-size:11pt;color:#111}"
        + "h1{font-size:16pt;color:#0a6e5c;margin:0 0 8px 0}.ar{direction:rtl;text-align:right}"
        + "table{border-collapse:collapse;width:100%;margin:8px 0}td{border-bottom:1px solid #ccc;padding:4px}"
        + ".small{font-size:9pt;color:#555}";
    return "<!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/>"
        + "<title>ECG report</title><style>" + css + "</style></head><body>"
        + "<h1>ECG report</h1>"
        + "<p>Patient: Ahmed Al-Ghamdi (MRN-0000001) · Requested by: Dr. Faisal Al-Dosari (cardiology) · Indication: palpitations on exertion</p>"
        + "<table><tr><td>Rhythm</td><td>Sinus rhythm</td></tr><tr><td>Rate</td><td>72 /min</td></tr>"
        + "<tr><td>PR interval</td><td>160 ms</td></tr><tr><td>QRS duration</td><td>88 ms</td></tr>"
        + "<tr><td>QTc</td><td>410 ms</td></tr><tr><td>Axis</td><td>+45°</td></tr></table>"
        + "<p>Conclusion: normal ECG, no ischaemic changes.</p>"
        + "<div class=\"ar\"><h1>تقرير تخطيط القلب</h1>"
        + "<p>المريض: أحمد الغامدي (MRN-0000001) · الطبيب المعالج: د. فيصل الدوسري (أمراض القلب) · السبب: خفقان عند الجهد</p>"
        + "<p>النظم: نظم جيبي طبيعي. المعدل: ٧٢ نبضة في الدقيقة. فترة PR: ١٦٠ ملّي ثانية. مدة QRS: ٨٨ ملّي ثانية.</p>"
        + "<p>الخلاصة: تخطيط قلب طبيعي، لا تغيرات إقفارية.</p></div>"
        + "<p class=\"small\">Demo data: this report is part of Moeen's demo clinic and describes no real person.</p>"
        + "</body></html>";
  }
}
