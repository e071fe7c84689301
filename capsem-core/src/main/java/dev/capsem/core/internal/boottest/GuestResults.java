package dev.capsem.core.internal.boottest;

import dev.capsem.core.internal.tar.TarEntry;
import dev.capsem.core.internal.tar.TarReader;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What the guest left on its result disk: a tar written with {@code tar -c} straight onto the raw
 * device, read here as a tar stream (no file system, no tool on the host). The archive is the
 * doctor bundle; its {@code pytest-junit.xml} holds one test case per check.
 *
 * @param bundle the archive's bytes, up to and including its end-of-archive blocks; empty when the
 *     guest wrote nothing
 * @param members the regular files of the archive by base name (the last one wins)
 * @param cases the checks of {@code pytest-junit.xml} in report order
 */
record GuestResults(byte[] bundle, Map<String, byte[]> members, List<Check> cases) {

  static final String JUNIT = "pytest-junit.xml";
  private static final long MEMBER_LIMIT = 16L << 20;
  private static final int BLOCK = 512;

  /** One test case: {@code group/name}, and what failed or why it was skipped. */
  record Check(String group, String name, Outcome outcome, String message, String output) {
    String id() {
      return group + "/" + name;
    }
  }

  /** How a check ended. */
  enum Outcome {
    PASSED,
    FAILED,
    SKIPPED
  }

  GuestResults {
    bundle = bundle.clone();
    members = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(members));
    cases = List.copyOf(cases);
  }

  boolean empty() {
    return bundle.length == 0;
  }

  long count(Outcome outcome) {
    return cases.stream().filter(c -> c.outcome() == outcome).count();
  }

  String text(String member) {
    byte[] bytes = members.get(member);
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * Reads {@code disk}. A disk that starts with a zero block holds no results.
   *
   * @throws IOException when the disk cannot be read or holds a broken archive
   */
  static GuestResults read(Path disk) throws IOException {
    Map<String, byte[]> members = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(disk)) {
      byte[] first = in.readNBytes(BLOCK);
      if (first.length < BLOCK || isZero(first)) {
        return new GuestResults(new byte[0], Map.of(), List.of());
      }
    }
    long end;
    try (Counting in = new Counting(new BufferedInputStream(Files.newInputStream(disk)))) {
      TarReader entries = new TarReader(in);
      for (TarEntry entry = entries.next(); entry != null; entry = entries.next()) {
        if (entry.isFile()) {
          members.put(baseName(entry.path()), entries.read(MEMBER_LIMIT));
        }
      }
      // The reader stopped after the first zero block; a tar ends with two.
      end = Math.min(in.count() + BLOCK, Files.size(disk));
    }
    byte[] bundle = new byte[(int) end];
    try (InputStream in = Files.newInputStream(disk)) {
      in.readNBytes(bundle, 0, bundle.length);
    }
    byte[] junit = members.get(JUNIT);
    return new GuestResults(bundle, members, junit == null ? List.of() : cases(junit));
  }

  /** The test cases of a JUnit report. */
  static List<Check> cases(byte[] junit) throws IOException {
    Element root;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(new DefaultHandler());
      root = builder.parse(new ByteArrayInputStream(junit)).getDocumentElement();
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException(JUNIT + " is not valid XML: " + e.getMessage(), e);
    }
    List<Check> checks = new ArrayList<>();
    NodeList testcases = root.getElementsByTagName("testcase");
    for (int i = 0; i < testcases.getLength(); i++) {
      Element testcase = (Element) testcases.item(i);
      Element failure = first(testcase, "failure");
      if (failure == null) {
        failure = first(testcase, "error");
      }
      Element skipped = first(testcase, "skipped");
      Outcome outcome =
          failure != null ? Outcome.FAILED : skipped != null ? Outcome.SKIPPED : Outcome.PASSED;
      Element detail = failure != null ? failure : skipped;
      checks.add(
          new Check(
              testcase.getAttribute("classname"),
              testcase.getAttribute("name"),
              outcome,
              detail == null ? "" : detail.getAttribute("message"),
              detail == null ? "" : detail.getTextContent()));
    }
    return checks;
  }

  private static Element first(Element parent, String tag) {
    NodeList list = parent.getElementsByTagName(tag);
    return list.getLength() == 0 ? null : (Element) list.item(0);
  }

  private static String baseName(String name) {
    String last = "";
    for (String part : name.split("/")) {
      if (!part.isEmpty() && !part.equals(".")) {
        last = part;
      }
    }
    return last;
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  /** Counts the bytes read through it, to find where the archive ends on the disk. */
  private static final class Counting extends FilterInputStream {
    private long count;

    Counting(InputStream in) {
      super(in);
    }

    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += skipped;
      return skipped;
    }
  }
}
