package io.moeen.billing.zatca;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * A device's (EGS unit's) key and certificate. The key is ECDSA on secp256k1, which the JDK no longer offers:
 * BouncyCastle makes and uses it. {@link #csr} is the PKCS#10 request ZATCA's compliance API takes (with the
 * EGS serial, VAT number, branch and the invoice types it issues); {@link #selfSigned} stands in for the
 * certificate ZATCA would return — a simulation, said so in docs/billing.md.
 */
public final class DeviceKeys {
  static final Provider BC = new BouncyCastleProvider();
  private static final ASN1ObjectIdentifier TEMPLATE_NAME = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2");

  private DeviceKeys() {
  }

  public static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
      generator.initialize(new ECGenParameterSpec("secp256k1"), new SecureRandom());
      return generator.generateKeyPair();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** ZATCA's subject and its SAN directory name (SN: solution|model|serial, UID: VAT number, title: invoice types). */
  static X500Name subject(String commonName, String vatNumber, String branch, String organisation) {
    return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "SA").addRDN(BCStyle.OU, branch)
        .addRDN(BCStyle.O, organisation).addRDN(BCStyle.CN, commonName).build();
  }

  private static GeneralNames alternativeName(String serial, String vatNumber, String types, String address) {
    X500Name directory = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.SURNAME, serial)
        .addRDN(BCStyle.UID, vatNumber).addRDN(BCStyle.T, types).addRDN(new ASN1ObjectIdentifier("2.5.4.26"), address)
        .addRDN(new ASN1ObjectIdentifier("2.5.4.15"), "Healthcare").build();
    return new GeneralNames(new GeneralName(directory));
  }

  /** The PEM certificate signing request for ZATCA's compliance CSID (types "1100": standard and simplified). */
  public static String csr(KeyPair keys, String commonName, String vatNumber, String branch, String organisation,
                           String serial, String address, boolean production) {
    try {
      ExtensionsGenerator extensions = new ExtensionsGenerator();
      extensions.addExtension(TEMPLATE_NAME, false,
          new DERPrintableString(production ? "ZATCA-Code-Signing" : "PREZATCA-Code-Signing"));
      extensions.addExtension(Extension.subjectAlternativeName, false, alternativeName(serial, vatNumber, "1100", address));
      var request = new JcaPKCS10CertificationRequestBuilder(subject(commonName, vatNumber, branch, organisation),
          keys.getPublic())
          .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
          .build(signer(keys.getPrivate()));
      return pem(request);
    } catch (Exception e) {
      throw new IllegalStateException("the CSR cannot be made", e);
    }
  }

  /** A self-signed certificate for the device's key: what the simulation uses instead of ZATCA's CSID. */
  public static X509Certificate selfSigned(KeyPair keys, String commonName, String vatNumber, String branch,
                                           String organisation, Instant now) {
    try {
      X500Name name = subject(commonName, vatNumber, branch, organisation);
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, new SecureRandom()),
          Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(365 * 5))), name,
          keys.getPublic());
      return new JcaX509CertificateConverter().setProvider(BC).getCertificate(builder.build(signer(keys.getPrivate())));
    } catch (Exception e) {
      throw new IllegalStateException("the certificate cannot be made", e);
    }
  }

  private static ContentSigner signer(PrivateKey key) throws Exception {
    return new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BC).build(key);
  }

  /** ECDSA (SHA-256) over {@code bytes}: the signature over the canonical invoice, i.e. over its hash. */
  static byte[] sign(PrivateKey key, byte[] bytes) {
    try {
      Signature s = Signature.getInstance("SHA256withECDSA", BC);
      s.initSign(key);
      s.update(bytes);
      return s.sign();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static boolean verify(X509Certificate certificate, byte[] bytes, byte[] signature) {
    try {
      Signature s = Signature.getInstance("SHA256withECDSA", BC);
      s.initVerify(certificate.getPublicKey());
      s.update(bytes);
      return s.verify(signature);
    } catch (java.security.GeneralSecurityException e) {
      return false;
    }
  }

  public static String pem(Object object) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }

  public static PrivateKey privateKey(String pkcs8Base64) {
    try {
      return KeyFactory.getInstance("EC", BC).generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8Base64)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static X509Certificate certificate(String derBase64) {
    try {
      return (X509Certificate) CertificateFactory.getInstance("X.509", BC)
          .generateCertificate(new java.io.ByteArrayInputStream(Base64.getDecoder().decode(derBase64)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
