package io.moeen.billing.zatca;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.crypto.OctetStreamData;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.TransformService;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * ZATCA's invoice hash: the document without {@code ext:UBLExtensions}, {@code cac:Signature} and the QR's
 * {@code cac:AdditionalDocumentReference}, canonicalised with C14N 1.1 (the JDK's XML signature provider), then
 * SHA-256. The previous-invoice hash of a device's first invoice is the hash of "0" (base64). Blocking: a worker.
 */
public final class InvoiceHash {
  /** base64(SHA-256("0")), the PIH a device starts its chain with. */
  public static final String FIRST_PIH = "NWZlY2ViNjZmZmM4NmYzOGQ5NTI3ODZjNmQ2OTZjNzljMmRiYzIzOWRkNGU5MWI0NjcyOWQ3M2EyN2ZiNTdlOQ==";

  private InvoiceHash() {
  }

  /** The canonical bytes the hash and the signature are taken over. */
  public static byte[] canonical(String xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
      List<Node> out = new ArrayList<>();
      collect(doc.getElementsByTagNameNS(UblInvoice.EXT, "UBLExtensions"), out, false);
      collect(doc.getElementsByTagNameNS(UblInvoice.CAC, "Signature"), out, false);
      collect(doc.getElementsByTagNameNS(UblInvoice.CAC, "AdditionalDocumentReference"), out, true);
      out.forEach(n -> n.getParentNode().removeChild(n));
      var serializer = TransformerFactory.newInstance().newTransformer();
      serializer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      ByteArrayOutputStream plain = new ByteArrayOutputStream();
      serializer.transform(new DOMSource(doc), new StreamResult(plain));
      TransformService c14n = TransformService.getInstance(CanonicalizationMethod.INCLUSIVE_11, "DOM");
      c14n.init(null);
      OctetStreamData data = (OctetStreamData) c14n.transform(
          new OctetStreamData(new ByteArrayInputStream(plain.toByteArray())), null);
      return data.getOctetStream().readAllBytes();
    } catch (Exception e) {
      throw new IllegalStateException("the invoice XML cannot be canonicalised", e);
    }
  }

  /** base64 of SHA-256 of the canonical document. */
  public static String of(String xml) {
    return Base64.getEncoder().encodeToString(sha256(canonical(xml)));
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void collect(NodeList nodes, List<Node> out, boolean onlyQr) {
    for (int i = 0; i < nodes.getLength(); i++) {
      Element e = (Element) nodes.item(i);
      if (!onlyQr || "QR".equals(firstChildText(e, "ID"))) {
        out.add(e);
      }
    }
  }

  private static String firstChildText(Element e, String local) {
    NodeList ids = e.getElementsByTagNameNS(UblInvoice.CBC, local);
    return ids.getLength() == 0 ? null : ids.item(0).getTextContent();
  }
}
