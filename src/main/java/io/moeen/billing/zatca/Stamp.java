package io.moeen.billing.zatca;

import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * One invoice made into a phase 2 e-invoice: the UBL XML with its counter (ICV) and the previous invoice's hash
 * (PIH), the invoice hash, the ECDSA signature over it, the XAdES signed properties (signing time, the
 * certificate's digest, issuer and serial), the certificate itself, and the QR with tags 1–9 (9, the
 * certificate's signature, on simplified invoices only). Pure and blocking: a worker.
 */
public final class Stamp {
  private static final Base64.Encoder B64 = Base64.getEncoder();

  /** What is kept of a stamped invoice. */
  public record Stamped(long icv, String pih, String hash, String signature, String qr, String xml) {
  }

  private Stamp() {
  }

  public static Stamped of(JsonObject invoice, UblInvoice.Seller seller, long icv, String pih, PrivateKey key,
                           X509Certificate certificate) {
    String unsigned = UblInvoice.xml(invoice, seller, icv, pih, "", "");
    byte[] canonical = InvoiceHash.canonical(unsigned);
    String hash = B64.encodeToString(InvoiceHash.sha256(canonical));
    String signature = B64.encodeToString(DeviceKeys.sign(key, canonical));
    Instant issued = java.time.OffsetDateTime.parse(invoice.getString("issuedAt")).toInstant();
    JsonObject totals = invoice.getJsonObject("totals");
    QrCode qr = new QrCode().add(1, seller.name()).add(2, seller.vatNumber())
        .add(3, DateTimeFormatter.ISO_INSTANT.format(issued.truncatedTo(ChronoUnit.SECONDS)))
        .add(4, totals.getString("total")).add(5, totals.getString("vat"))
        .add(6, hash).add(7, signature).add(8, certificate.getPublicKey().getEncoded());
    if (UblInvoice.simplified(invoice)) {
      qr.add(9, certificate.getSignature());
    }
    String qrText = qr.base64();
    String extensions = extensions(hash, signature, certificate, issued);
    String signed = UblInvoice.xml(invoice, seller, icv, pih, extensions, qrText);
    return new Stamped(icv, pih, hash, signature, qrText, signed);
  }

  /** The signed properties as signed (their digest goes into SignedInfo). */
  static String signedProperties(X509Certificate certificate, Instant signingTime) {
    try {
      String certDigest = B64.encodeToString(InvoiceHash.sha256(certificate.getEncoded()));
      return "<xades:SignedProperties xmlns:xades=\"http://uri.etsi.org/01903/v1.3.2#\" Id=\"xadesSignedProperties\">"
          + "<xades:SignedSignatureProperties><xades:SigningTime>"
          + DateTimeFormatter.ISO_INSTANT.format(signingTime.truncatedTo(ChronoUnit.SECONDS)).replace("Z", "")
          + "</xades:SigningTime><xades:SigningCertificate><xades:Cert><xades:CertDigest>"
          + "<ds:DigestMethod xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>"
          + "<ds:DigestValue xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">" + certDigest + "</ds:DigestValue>"
          + "</xades:CertDigest><xades:IssuerSerial>"
          + "<ds:X509IssuerName xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">"
          + UblInvoice.esc(certificate.getIssuerX500Principal().getName()) + "</ds:X509IssuerName>"
          + "<ds:X509SerialNumber xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">" + certificate.getSerialNumber()
          + "</ds:X509SerialNumber></xades:IssuerSerial></xades:Cert></xades:SigningCertificate>"
          + "</xades:SignedSignatureProperties></xades:SignedProperties>";
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String extensions(String hash, String signature, X509Certificate certificate, Instant signingTime) {
    try {
      String properties = signedProperties(certificate, signingTime);
      String propertiesDigest = B64.encodeToString(InvoiceHash.sha256(properties.getBytes(StandardCharsets.UTF_8)));
      return "<ext:UBLExtensions><ext:UBLExtension>"
          + "<ext:ExtensionURI>urn:oasis:names:specification:ubl:dsig:enveloped:xades</ext:ExtensionURI>"
          + "<ext:ExtensionContent><sig:UBLDocumentSignatures"
          + " xmlns:sig=\"urn:oasis:names:specification:ubl:schema:xsd:CommonSignatureComponents-2\""
          + " xmlns:sac=\"urn:oasis:names:specification:ubl:schema:xsd:SignatureAggregateComponents-2\""
          + " xmlns:sbc=\"urn:oasis:names:specification:ubl:schema:xsd:SignatureBasicComponents-2\">"
          + "<sac:SignatureInformation><cbc:ID>urn:oasis:names:specification:ubl:signature:1</cbc:ID>"
          + "<sbc:ReferencedSignatureID>urn:oasis:names:specification:ubl:signature:Invoice</sbc:ReferencedSignatureID>"
          + "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" Id=\"signature\"><ds:SignedInfo>"
          + "<ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/2006/12/xml-c14n11\"/>"
          + "<ds:SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256\"/>"
          + "<ds:Reference Id=\"invoiceSignedData\" URI=\"\"><ds:Transforms>"
          + "<ds:Transform Algorithm=\"http://www.w3.org/TR/1999/REC-xpath-19991116\"><ds:XPath>not(//ancestor-or-self::ext:UBLExtensions)</ds:XPath></ds:Transform>"
          + "<ds:Transform Algorithm=\"http://www.w3.org/TR/1999/REC-xpath-19991116\"><ds:XPath>not(//ancestor-or-self::cac:Signature)</ds:XPath></ds:Transform>"
          + "<ds:Transform Algorithm=\"http://www.w3.org/TR/1999/REC-xpath-19991116\"><ds:XPath>not(//ancestor-or-self::cac:AdditionalDocumentReference[cbc:ID='QR'])</ds:XPath></ds:Transform>"
          + "<ds:Transform Algorithm=\"http://www.w3.org/2006/12/xml-c14n11\"/></ds:Transforms>"
          + "<ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/><ds:DigestValue>" + hash
          + "</ds:DigestValue></ds:Reference>"
          + "<ds:Reference Type=\"http://www.w3.org/2000/09/xmldsig#SignatureProperties\" URI=\"#xadesSignedProperties\">"
          + "<ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/><ds:DigestValue>" + propertiesDigest
          + "</ds:DigestValue></ds:Reference></ds:SignedInfo>"
          + "<ds:SignatureValue>" + signature + "</ds:SignatureValue>"
          + "<ds:KeyInfo><ds:X509Data><ds:X509Certificate>" + B64.encodeToString(certificate.getEncoded())
          + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo>"
          + "<ds:Object><xades:QualifyingProperties xmlns:xades=\"http://uri.etsi.org/01903/v1.3.2#\" Target=\"signature\">"
          + properties + "</xades:QualifyingProperties></ds:Object></ds:Signature>"
          + "</sac:SignatureInformation></sig:UBLDocumentSignatures></ext:ExtensionContent></ext:UBLExtension>"
          + "</ext:UBLExtensions>";
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }
}
