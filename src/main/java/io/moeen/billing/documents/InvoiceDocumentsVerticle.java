package io.moeen.billing.documents;

import io.moeen.billing.BillingAddresses;
import io.moeen.billing.invoices.InvoiceFailures;
import io.moeen.billing.invoices.InvoiceStore;
import io.moeen.billing.invoices.InvoicesVerticle;
import io.moeen.billing.zatca.EInvoicing;
import io.moeen.common.errors.Problem;
import io.moeen.common.auth.Access;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.bus.ServiceVerticle;
import io.moeen.common.db.SessionContext;
import io.moeen.common.db.SessionContext.Actor;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.i18n.Messages;
import io.moeen.common.i18n.SupportedLocale;
import io.moeen.common.pdf.PdfRendering;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The invoice as an HTML page and as a PDF, in the caller's language (Arabic right to left, or English). Who may
 * read the invoice may read its documents. The page (with its QR image) and the PDF are built on a worker, never
 * on an event loop.
 */
public final class InvoiceDocumentsVerticle extends ServiceVerticle {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/billing/documents.sql");

  private final Pool pool;
  private final InvoiceStore store;
  private final InvoiceDocument document;

  public InvoiceDocumentsVerticle(Pool pool, Messages messages) {
    this.pool = pool;
    this.store = new InvoiceStore(messages);
    this.document = new InvoiceDocument(messages);
  }

  @Override
  public Future<?> start() {
    List<String> readers = anyOf("billing.read.any", "billing.read.own");
    serve(BillingAddresses.INVOICE_PAGES_GET, readers, request -> xhtml(request, false).map(page -> Reply.of(page.html)
        .withHeader("Content-Type", "text/html; charset=utf-8")));
    serve(BillingAddresses.INVOICE_PDFS_GET, readers, request -> xhtml(request, true)
        .compose(page -> vertx.executeBlocking(() -> PdfRendering.render(page.html, page.rtl), false)
            .map(pdf -> Reply.of(pdf).withHeader("Content-Type", "application/pdf")
                .withHeader("Content-Disposition", "inline; filename=\"" + page.fileName + ".pdf\""))));
    serve(BillingAddresses.E_INVOICES_GET, readers, this::eInvoice);
    return SQL.verify(pool).compose(verified -> registered());
  }

  /** The signed UBL XML as ZATCA receives it; 404 e_invoice_not_found for a draft or an invoice never stamped. */
  private Future<Reply> eInvoice(RequestEnvelope request) {
    UUID id = UUID.fromString(request.param("id"));
    Actor actor = new Actor(Access.principal(request), request.requestId(), request.clientIp());
    return SessionContext.inTransaction(pool, actor, conn -> store.read(conn, id, SupportedLocale.EN).compose(view -> {
          InvoicesVerticle.mayRead(Access.principal(request), id, UUID.fromString(view.getString("patientId")));
          return conn.preparedQuery(EInvoicing.SQL.get("document")).execute(Tuple.of(id));
        }))
        .map(rows -> {
          var it = rows.iterator();
          if (!it.hasNext()) {
            throw Problem.notFound("e_invoice_not_found", Map.of("id", id.toString()));
          }
          var row = it.next();
          return Reply.of(row.getString("xml")).withHeader("Content-Type", "application/xml; charset=utf-8")
              .withHeader("Content-Disposition", "attachment; filename=\"" + row.getString("number") + ".xml\"")
              .withHeader("X-Zatca-Status", row.getString("status"))
              .withHeader("X-Zatca-Icv", String.valueOf(row.getLong("icv")));
        });
  }

  private record Page(String html, boolean rtl, String fileName) {
  }

  private Future<Page> xhtml(RequestEnvelope request, boolean forPdf) {
    UUID id = UUID.fromString(request.param("id"));
    SupportedLocale lang = SupportedLocale.fromTag(request.locale()).orElse(SupportedLocale.AR);
    Actor actor = new Actor(Access.principal(request), request.requestId(), request.clientIp());
    JsonObject[] invoice = new JsonObject[1];
    return SessionContext.inTransaction(pool, actor, conn -> store.read(conn, id, lang).compose(view -> {
          InvoicesVerticle.mayRead(Access.principal(request), id, UUID.fromString(view.getString("patientId")));
          invoice[0] = view;
          return conn.preparedQuery(SQL.get("seller_of_invoice")).execute(Tuple.of(id));
        }))
        .compose(rows -> {
          var it = rows.iterator();
          if (!it.hasNext()) {
            return Future.failedFuture(InvoiceFailures.sellerMissing());
          }
          Seller seller = Seller.of(it.next());
          String number = invoice[0].getString("number");
          // the QR image is encoded and compressed here too: a worker, like the PDF
          return vertx.executeBlocking(() -> new Page(forPdf ? document.xhtmlForPdf(invoice[0], seller, lang)
              : document.xhtml(invoice[0], seller, lang),
              lang == SupportedLocale.AR, number == null ? "draft-" + id : number), false);
        });
  }
}
