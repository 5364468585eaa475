package io.moeen.billing;

/**
 * Every event-bus address of the billing feature, and the only place they are written: the addresses it
 * serves (contract operations, named by the contract's {@code x-moeen-address}) and the events it publishes.
 * Each is {@code <feature>.<resource>.<verb>}; docs/architecture.md lists them.
 * <p>Invoices, credit and debit notes, payments and refunds, the cash-up, the seller's details, and the
 * events an issued invoice or a payment publishes.
 */
public final class BillingAddresses {
  // Contract operations (see contract/billing.yaml).
  public static final String INVOICES_CREATE = "billing.invoices.create";
  public static final String INVOICES_LIST = "billing.invoices.list";
  public static final String INVOICES_GET = "billing.invoices.get";
  public static final String INVOICE_PAGES_GET = "billing.invoice_pages.get";
  public static final String INVOICE_PDFS_GET = "billing.invoice_pdfs.get";
  public static final String E_INVOICES_GET = "billing.e_invoices.get";
  public static final String INVOICE_LINES_ADD = "billing.invoice_lines.add";
  public static final String INVOICE_LINES_REMOVE = "billing.invoice_lines.remove";
  public static final String INVOICES_ISSUE = "billing.invoices.issue";
  public static final String INVOICES_CANCEL = "billing.invoices.cancel";
  public static final String CREDIT_NOTES_CREATE = "billing.credit_notes.create";
  public static final String DEBIT_NOTES_CREATE = "billing.debit_notes.create";
  public static final String PAYMENTS_RECORD = "billing.payments.record";
  public static final String PAYMENTS_REFUND = "billing.payments.refund";
  public static final String PAYMENTS_LIST = "billing.payments.list";
  public static final String CASH_UPS_GET = "billing.cash_ups.get";
  public static final String SELLERS_GET = "billing.sellers.get";
  public static final String SELLERS_SAVE = "billing.sellers.save";
  public static final String REVENUE_SUMMARIZE = "billing.revenue.summarize";
  public static final String REVENUE_EXPORT = "billing.revenue.export";
  public static final String VAT_RETURNS_SUMMARIZE = "billing.vat_returns.summarize";
  public static final String RECEIVABLES_AGE = "billing.receivables.age";
  // Insurance (package insurance; docs/billing.md, "Insurance").
  public static final String PAYERS_LIST = "billing.insurance_payers.list";
  public static final String PAYERS_CREATE = "billing.insurance_payers.create";
  public static final String PLANS_LIST = "billing.insurance_plans.list";
  public static final String PLANS_CREATE = "billing.insurance_plans.create";
  public static final String COVERAGES_LIST = "billing.coverages.list";
  public static final String COVERAGES_CREATE = "billing.coverages.create";
  public static final String ELIGIBILITY_CHECK = "billing.eligibility.check";
  public static final String PREAUTHS_LIST = "billing.preauthorisations.list";
  public static final String PREAUTHS_REQUEST = "billing.preauthorisations.request";
  public static final String PREAUTHS_DECIDE = "billing.preauthorisations.decide";
  public static final String INSURANCE_SHARES_GET = "billing.insurance_shares.get";
  public static final String CLAIMS_CREATE = "billing.claims.create";
  public static final String CLAIMS_LIST = "billing.claims.list";
  public static final String CLAIMS_GET = "billing.claims.get";
  public static final String CLAIMS_SUBMIT = "billing.claims.submit";
  public static final String CLAIMS_ADJUDICATE = "billing.claims.adjudicate";
  public static final String CLAIMS_REMIT = "billing.claims.remit";
  public static final String CLAIM_FHIR_GET = "billing.claim_fhir.get";
  public static final String CLAIMS_REPORT_SUMMARIZE = "billing.claims_report.summarize";
  public static final String CLAIMS_REPORT_EXPORT = "billing.claims_report.export";
  public static final String VAT_RETURNS_EXPORT = "billing.vat_returns.export";
  public static final String RECEIVABLES_EXPORT = "billing.receivables.export";
  public static final String ZATCA_DEVICES_GET = "billing.zatca_devices.get";
  public static final String ZATCA_DEVICES_ONBOARD = "billing.zatca_devices.onboard";
  public static final String ZATCA_DOCUMENTS_LIST = "billing.zatca_documents.list";
  public static final String ZATCA_DOCUMENTS_GET = "billing.zatca_documents.get";
  // Paying online (package online; docs/billing.md, "Paying online").
  public static final String ONLINE_PAYMENTS_GET = "billing.online_payments.get";
  public static final String CHECKOUTS_CREATE = "billing.checkouts.create";
  public static final String CHECKOUTS_GET = "billing.checkouts.get";
  /** The payment gateway's webhook: public on purpose, its signature checked by the API before it is forwarded. */
  public static final String GATEWAY_WEBHOOK_RECEIVE = "billing.gateway_webhook.receive";

  // Events this feature publishes.
  /** Event, published after commit: {@code {invoiceId, kind, number, patientId, locationId, total, vat}}. */
  public static final String INVOICES_ISSUED = "billing.invoices.issued";
  /** Event, published after commit: {@code {paymentId, invoiceId, kind, method, amount, status}}. */
  public static final String PAYMENTS_RECORDED = "billing.payments.recorded";

  private BillingAddresses() {
  }
}
