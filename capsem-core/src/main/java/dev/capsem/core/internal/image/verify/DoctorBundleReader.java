package dev.capsem.core.internal.image.verify;

import dev.capsem.core.internal.tar.TarEntry;
import dev.capsem.core.internal.tar.TarReader;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the pytest counts of a {@code capsem-doctor --bundle} tar (plain or gzip): the first
 * regular member named {@code pytest-junit.xml}, wherever it sits.
 *
 * <p>Upstream reads the counts from the XML root only. Real pytest (5.1 and later) writes a {@code
 * <testsuites>} root without counts around one {@code <testsuite>} per run, so upstream reads zero
 * tests and fails every real bundle. Ours: a {@code <testsuites>} root that lacks a count takes the
 * sum of its {@code <testsuite>} children's; a {@code <testsuite>} root reads as upstream reads it.
 */
public final class DoctorBundleReader {

  static final String JUNIT = "pytest-junit.xml";
  private static final long MAX_JUNIT_BYTES = 64L << 20;
  private static final String[] COUNTS = {"tests", "failures", "errors", "skipped"};

  private DoctorBundleReader() {}

  /** The probe of the bundle {@code file}, shown in the report as {@code shownAs}. */
  public static DoctorBundleProbe read(Path file, String shownAs) {
    byte[] junit;
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
      junit = junitXml(decompressed(raw, shownAs), shownAs);
    } catch (IOException e) {
      throw new VerificationInputException(
          "cannot read doctor bundle " + shownAs + ": " + e.getMessage(), e);
    }
    Element root = parse(junit, shownAs);
    long[] counts = new long[COUNTS.length];
    for (int i = 0; i < COUNTS.length; i++) {
      counts[i] = count(root, COUNTS[i], shownAs);
    }
    return new DoctorBundleProbe(shownAs, counts[0], counts[1], counts[2], counts[3]);
  }

  private static InputStream decompressed(InputStream raw, String shownAs) throws IOException {
    raw.mark(6);
    byte[] magic = raw.readNBytes(6);
    raw.reset();
    if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
      return new BufferedInputStream(new GZIPInputStream(raw));
    }
    boolean bzip2 = magic.length >= 3 && magic[0] == 'B' && magic[1] == 'Z' && magic[2] == 'h';
    boolean xz =
        magic.length >= 6
            && (magic[0] & 0xff) == 0xfd
            && magic[1] == '7'
            && magic[2] == 'z'
            && magic[3] == 'X'
            && magic[4] == 'Z'
            && magic[5] == 0;
    if (bzip2 || xz) {
      throw new VerificationInputException(
          "doctor bundle "
              + shownAs
              + " is compressed with "
              + (bzip2 ? "bzip2" : "xz")
              + "; capsem-doctor writes a plain tar (gzip is read too): decompress it first");
    }
    return raw;
  }

  private static byte[] junitXml(InputStream tar, String shownAs) throws IOException {
    TarReader entries = new TarReader(tar);
    for (TarEntry entry = entries.next(); entry != null; entry = entries.next()) {
      if (entry.isFile() && JUNIT.equals(baseName(entry.path()))) {
        return entries.read(MAX_JUNIT_BYTES);
      }
    }
    throw new VerificationInputException("doctor bundle missing " + JUNIT + ": " + shownAs);
  }

  /** The last path segment, as Python's {@code PurePosixPath(name).name}. */
  static String baseName(String name) {
    String last = "";
    for (String part : name.split("/")) {
      if (!part.isEmpty() && !part.equals(".")) {
        last = part;
      }
    }
    return last;
  }

  private static Element parse(byte[] xml, String shownAs) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      // Report the first error through the exception, never on standard error.
      builder.setErrorHandler(new DefaultHandler());
      return builder.parse(new ByteArrayInputStream(xml)).getDocumentElement();
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new VerificationInputException(
          "doctor bundle " + shownAs + ": " + JUNIT + " is not valid XML: " + e.getMessage(), e);
    }
  }

  private static long count(Element root, String attribute, String shownAs) {
    if (root.hasAttribute(attribute)) {
      return integer(root.getAttribute(attribute), attribute, shownAs);
    }
    if (!root.getTagName().equals("testsuites")) {
      return 0;
    }
    long sum = 0;
    for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element suite
          && suite.getTagName().equals("testsuite")
          && suite.hasAttribute(attribute)) {
        sum += integer(suite.getAttribute(attribute), attribute, shownAs);
      }
    }
    return sum;
  }

  /** Python's {@code int()} of an attribute value. */
  private static long integer(String value, String attribute, String shownAs) {
    String text = value.strip();
    String digits = text.replaceFirst("^[+-]", "");
    if (!digits.matches("[0-9]+(_[0-9]+)*")) {
      throw new VerificationInputException(
          "doctor bundle "
              + shownAs
              + ": "
              + JUNIT
              + " attribute '"
              + attribute
              + "' is not an integer: '"
              + value
              + "'");
    }
    try {
      return Long.parseLong(text.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new VerificationInputException(
          "doctor bundle "
              + shownAs
              + ": "
              + JUNIT
              + " attribute '"
              + attribute
              + "' is too large");
    }
  }
}
