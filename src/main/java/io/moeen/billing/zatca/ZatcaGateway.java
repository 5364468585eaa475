package io.moeen.billing.zatca;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * ZATCA's FATOORA API as Moeen uses it: the onboarding calls (a compliance CSID for a CSR and a one-time code,
 * then the production CSID) and the submission of one signed invoice, reported (simplified) or cleared
 * (standard). Every call answers ZATCA's HTTP status and JSON body as they came ({@link Answer}); what they mean
 * is {@link Outcome}'s business. A call that could not reach ZATCA fails.
 */
public interface ZatcaGateway {
  /** A CSID as ZATCA's Basic authentication takes it: the binary security token and its secret. */
  record Credentials(String token, String secret) {
  }

  /** ZATCA's HTTP status and JSON body (empty when it sent none or no JSON). */
  record Answer(int status, JsonObject body) {
  }

  /** One signed invoice: its hash (the XML's DigestValue), its UUID and the XML. */
  record Submission(String invoiceHash, String uuid, String xml, boolean clearance) {
  }

  /** Whether ZATCA's address is configured; when not, nothing is sent and documents wait. */
  boolean configured();

  /** {@code POST /compliance} with the header {@code OTP} and {@code {csr}} (the PEM request, base64). */
  Future<Answer> complianceCsid(String csrPem, String otp);

  /** {@code POST /production/csids} with {@code {compliance_request_id}}, authenticated by the compliance CSID. */
  Future<Answer> productionCsid(String complianceRequestId, Credentials compliance);

  /**
   * {@code POST /invoices/reporting/single} or {@code /invoices/clearance/single} with
   * {@code {invoiceHash, uuid, invoice}} (the XML in base64), authenticated by the production CSID.
   */
  Future<Answer> submit(Submission submission, Credentials production);

  /** What an unconfigured server has: every call fails, {@link #configured()} is false. */
  ZatcaGateway NONE = new ZatcaGateway() {
    @Override
    public boolean configured() {
      return false;
    }

    @Override
    public Future<Answer> complianceCsid(String csrPem, String otp) {
      return Future.failedFuture(new IllegalStateException("ZATCA is not configured"));
    }

    @Override
    public Future<Answer> productionCsid(String complianceRequestId, Credentials compliance) {
      return Future.failedFuture(new IllegalStateException("ZATCA is not configured"));
    }

    @Override
    public Future<Answer> submit(Submission submission, Credentials production) {
      return Future.failedFuture(new IllegalStateException("ZATCA is not configured"));
    }
  };
}
