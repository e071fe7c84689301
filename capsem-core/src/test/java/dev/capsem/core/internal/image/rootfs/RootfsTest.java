package dev.capsem.core.internal.image.rootfs;

import static dev.capsem.core.testing.TarStream.directory;
import static dev.capsem.core.testing.TarStream.file;
import static dev.capsem.core.testing.TarStream.symlink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.image.verify.ImageInventory;
import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.squashfs.Listing;
import dev.capsem.core.internal.squashfs.SquashfsException;
import dev.capsem.core.internal.squashfs.SquashfsWriter;
import dev.capsem.core.ports.SquashfsCodec;
import dev.capsem.core.testing.ReferenceBlake3;
import dev.capsem.core.testing.SpdxValidation;
import dev.capsem.core.testing.TarStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rootfs use cases on a small Debian-like tree written by our writer (gzip on the JDK). */
class RootfsTest {

  private static final String STATUS =
      String.join(
          "\n",
          "Package: curl",
          "Status: install ok installed",
          "Priority: optional",
          "Architecture: amd64",
          "Version: 7.88.1-10+deb12u5",
          "Description: command line tool",
          " continuation line",
          "",
          "Package: libc6",
          "Status: install ok installed",
          "Architecture: amd64",
          "Multi-Arch: same",
          "Version: 2.36-9+deb12u7",
          "",
          "Package: tzdata",
          "Status: install ok installed",
          "Architecture: all",
          "Version: 2024a-0+deb12u1",
          "",
          "Package: removed-tool",
          "Status: deinstall ok config-files",
          "Architecture: amd64",
          "Version: 1.0",
          "");

  private static final byte[] AGENT = "\u007fELF pretend agent".getBytes(StandardCharsets.UTF_8);

  @TempDir Path temp;
  private Path image;
  private Rootfs rootfs;

  static byte[] tree() {
    return new TarStream()
        .add(file("var/lib/dpkg/status", STATUS))
        .add(
            file(
                "etc/passwd",
                "root:x:0:0:root:/root:/bin/bash\n_apt:x:42:65534::/nonexistent:/usr/sbin/nologin\n"))
        .add(file("etc/group", "root:x:0:\nstaff:x:50:\n"))
        .add(file("home/app/notes", "x").withOwner(42, 50))
        .add(
            file(
                "usr/lib/os-release",
                "PRETTY_NAME=\"Debian GNU/Linux 12\"\nID=debian\nVERSION_ID=\"12\"\n"))
        .add(symlink("etc/os-release", "../usr/lib/os-release"))
        .add(
            file(
                "usr/lib/python3/dist-packages/PyYAML-6.0.egg-info/PKG-INFO",
                "Metadata-Version: 2.1\nName: PyYAML\nVersion: 6.0\n\nlong description\nName: not-this\n"))
        .add(
            file(
                "usr/local/lib/python3.11/dist-packages/requests-2.32.3.dist-info/METADATA",
                "Metadata-Version: 2.1\nName: requests\nVersion: 2.32.3\n"))
        .add(
            file(
                "usr/local/lib/python3.11/dist-packages/requests-2.32.3.dist-info/RECORD",
                "requests/__init__.py,sha256=abc,100\nrequests/api.py,sha256=def,200\n"))
        .add(
            file(
                "usr/local/lib/python3.11/dist-packages/broken-1.dist-info/METADATA",
                "Metadata-Version: 2.1\n"))
        .add(file("usr/lib/python3/dist-packages/six.py", "# not a distribution"))
        .add(
            file(
                "opt/ai-clis/lib/node_modules/@openai/codex/package.json",
                "{\"name\": \"@openai/codex\", \"version\": \"0.1.0\", \"bin\": {}}"))
        .add(
            file(
                "usr/local/nvm/versions/node/v24.1.0/lib/node_modules/npm/package.json",
                "{\"version\": \"11.4.0\", \"name\": \"npm\"}"))
        .add(directory("opt/ai-clis/lib/node_modules/.bin"))
        .add(file("usr/local/bin/capsem-pty-agent", AGENT).withMode(0555))
        .add(file("usr/local/bin/other-tool", "not a guest agent"))
        .add(symlink("usr/local/bin/capsem-link", "capsem-pty-agent"))
        .bytes();
  }

  @BeforeEach
  void image() throws IOException {
    rootfs = Rootfs.with(List.of(SquashfsCodec.gzip(9)), new ReferenceBlake3());
    image = temp.resolve("rootfs.squashfs");
    rootfs.write(
        new ByteArrayInputStream(tree()),
        image,
        new SquashfsWriter.Settings(SquashfsCodec.gzip(9), 65536, 1_779_364_800L, 2));
  }

  @Test
  void catalog_debianLikeRootfs_readsEveryPackageKindFromTheFilesystem() throws IOException {
    RootfsCatalog catalog = rootfs.catalog(image);

    assertThat(catalog.distro()).isEqualTo("debian-12");
    assertThat(catalog.packages())
        .extracting(p -> p.kind() + " " + p.name() + " " + p.version() + " " + p.architecture())
        .containsExactly(
            "apt curl 7.88.1-10+deb12u5 amd64",
            "apt libc6 2.36-9+deb12u7 amd64",
            "apt tzdata 2024a-0+deb12u1 all",
            "python PyYAML 6.0 ",
            "python requests 2.32.3 ",
            "node @openai/codex 0.1.0 ",
            "node npm 11.4.0 ");
    assertThat(catalog.packages("python").get(1).files()).isEqualTo(2);
    assertThat(catalog.packages("node").get(1).source())
        .isEqualTo("/usr/local/nvm/versions/node/v24.1.0/lib/node_modules/npm/package.json");
    assertThat(catalog.warnings())
        .extracting(Diagnostic::code, Diagnostic::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Code.W531,
                "/usr/local/lib/python3.11/dist-packages/broken-1.dist-info/METADATA: no Name or"
                    + " Version; package skipped"));
  }

  @Test
  void catalog_guestAgents_carryTheirDigests() throws Exception {
    RootfsCatalog catalog = rootfs.catalog(image);

    assertThat(catalog.files()).hasSize(1);
    RootfsFile agent = catalog.files().get(0);
    assertThat(agent.path()).isEqualTo("/usr/local/bin/capsem-pty-agent");
    assertThat(agent.size()).isEqualTo(AGENT.length);
    assertThat(agent.blake3()).isEqualTo(new ReferenceBlake3().hex(AGENT));
    assertThat(agent.sha256())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(AGENT)));
    assertThat(agent.sha1())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(AGENT)));
  }

  @Test
  void sbom_fromTheRootfs_passesSpdxValidationWithDebianPurls() throws Exception {
    Path kernel = Files.writeString(temp.resolve("vmlinuz"), "kernel bytes");
    Path initrd = Files.writeString(temp.resolve("initrd.img"), "initrd bytes");

    Rootfs.Sbom sbom =
        rootfs.sbom(
            new Rootfs.SbomRequest(
                "corp-dev",
                "2026.0521.1",
                "blake3:" + "ab".repeat(32),
                "x86_64",
                image,
                List.of(kernel, initrd),
                Instant.parse("2026-05-21T12:00:00Z")));

    assertThat(SpdxValidation.errors(sbom.json())).isEmpty();
    ObjectNode document = (ObjectNode) JsonReader.read(sbom.json(), JsonDialect.PYTHON);
    assertThat(sbom.json())
        .contains(
            "\"referenceLocator\": \"pkg:deb/debian/curl@7.88.1-10%2Bdeb12u5?arch=amd64&distro=debian-12\"")
        .contains(
            "\"referenceLocator\": \"pkg:deb/debian/tzdata@2024a-0%2Bdeb12u1?arch=all&distro=debian-12\"")
        .contains("\"referenceLocator\": \"pkg:pypi/pyyaml@6.0\"")
        .contains("\"referenceLocator\": \"pkg:npm/%40openai/codex@0.1.0\"")
        .contains("\"fileName\": \"./usr/local/bin/capsem-pty-agent\"")
        .contains("\"fileName\": \"./vmlinuz\"")
        .contains("\"created\": \"2026-05-21T12:00:00Z\"");
    assertThat(document.string("documentNamespace"))
        .isEqualTo(
            "https://capsem.dev/spdx/corp-dev/2026.0521.1/x86-64/blake3-"
                + "ab".repeat(32)
                + "/rootfs-blake3-"
                + new ReferenceBlake3().hexOfFile(image));
    assertThat(sbom.catalog().packages()).hasSize(7);
  }

  @Test
  void sbom_sameRootfsTwice_sameBytes() throws IOException {
    Rootfs.SbomRequest request =
        new Rootfs.SbomRequest(
            "p", "1", "blake3:" + "00".repeat(32), "arm64", image, List.of(), Instant.EPOCH);

    assertThat(rootfs.sbom(request).json()).isEqualTo(rootfs.sbom(request).json());
  }

  @Test
  void crossCheck_inventoryThatMatches_findsNothing() throws IOException {
    ImageInventory inventory =
        new ImageInventory(
            ordered(
                "curl",
                "7.88.1-10+deb12u5",
                "libc6",
                "2.36-9+deb12u7",
                "tzdata",
                "2024a-0+deb12u1"),
            ordered("pyyaml", "6.0", "requests", "2.32.3"),
            ordered("@openai/codex", "0.1.0"),
            ordered("capsem_doctor", "2026.05.20"));

    assertThat(rootfs.crossCheck(inventory, "inv.json", rootfs.catalog(image), "x86_64")).isEmpty();
  }

  @Test
  void crossCheck_inventoryThatDisagrees_reportsE537ForEachDifference() throws IOException {
    ImageInventory inventory =
        new ImageInventory(
            ordered("curl", "7.88.1-10+deb12u4", "libc6", "2.36-9+deb12u7", "wget", "1.21"),
            ordered("pyyaml", "6.0"),
            ordered("@openai/codex", "0.2.0", "left-pad", "1.3.0"),
            ordered());

    List<Diagnostic> found =
        rootfs.crossCheck(
            inventory, "x86_64/image-inventory.json", rootfs.catalog(image), "x86_64");

    assertThat(found).allSatisfy(d -> assertThat(d.code()).isEqualTo(Code.E537));
    assertThat(found)
        .allSatisfy(d -> assertThat(d.file()).isEqualTo("x86_64/image-inventory.json"));
    assertThat(found)
        .extracting(Diagnostic::message)
        .containsExactly(
            "x86_64/apt/curl: the inventory says 7.88.1-10+deb12u4, the rootfs holds 7.88.1-10+deb12u5",
            "x86_64/apt/tzdata: in the rootfs (2024a-0+deb12u1), not in the inventory",
            "x86_64/apt/wget: the inventory says 1.21, the rootfs has no such package",
            "x86_64/python/requests: in the rootfs (2.32.3), not in the inventory",
            "x86_64/node/@openai/codex: the inventory says 0.2.0, the rootfs holds 0.1.0",
            "x86_64/node/left-pad: the inventory says 1.3.0, the rootfs has no such package");
  }

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put(pairs[i], pairs[i + 1]);
    }
    return out;
  }

  @Test
  void cat_fileThroughSymlinks_printsItsBytes() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    rootfs.cat(image, "/etc/os-release", out);

    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("PRETTY_NAME=");
  }

  @Test
  void cat_directoryOrMissingPath_failsE534() {
    assertThatThrownBy(() -> rootfs.cat(image, "/usr/local/bin", OutputStreamNull.INSTANCE))
        .isInstanceOfSatisfying(
            SquashfsException.class, e -> assertThat(e.code()).isEqualTo(Code.E534))
        .hasMessage("not a regular file: /usr/local/bin (a directory)");
    assertThatThrownBy(() -> rootfs.cat(image, "etc/nope", OutputStreamNull.INSTANCE))
        .isInstanceOfSatisfying(
            SquashfsException.class, e -> assertThat(e.code()).isEqualTo(Code.E534))
        .hasMessage("no such file in rootfs.squashfs: /etc/nope");
  }

  @Test
  void list_aFolder_listsItsAncestorsThenItsTree() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    rootfs.list(image, "/usr/local/bin", Listing.Style.PATHS, Listing.Names.numeric(), out);

    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "squashfs-root\nsquashfs-root/usr\nsquashfs-root/usr/local\n"
                + "squashfs-root/usr/local/bin\nsquashfs-root/usr/local/bin/capsem-link\n"
                + "squashfs-root/usr/local/bin/capsem-pty-agent\n"
                + "squashfs-root/usr/local/bin/other-tool\n");
  }

  @Test
  void list_withTheGuestsNames_showsThemForOwnersItKnows() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    rootfs.list(image, "/home/app/notes", Listing.Style.LONG_NAMES, rootfs.names(image), out);

    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(" root/root ")
        .contains("-rw-r--r-- _apt/staff ")
        .endsWith(" squashfs-root/home/app/notes\n");
  }

  @Test
  void list_missingPath_failsE534() {
    assertThatThrownBy(
            () ->
                rootfs.list(
                    image,
                    "/nope",
                    Listing.Style.PATHS,
                    Listing.Names.numeric(),
                    OutputStreamNull.INSTANCE))
        .isInstanceOfSatisfying(
            SquashfsException.class, e -> assertThat(e.code()).isEqualTo(Code.E534));
  }

  @Test
  void write_damagedStream_leavesNoFileBehind() throws IOException {
    byte[] damaged = tree();
    damaged[0] ^= 1;
    Path target = temp.resolve("broken").resolve("rootfs.squashfs");
    Files.createDirectories(target.getParent());

    assertThatThrownBy(
            () ->
                rootfs.write(
                    new ByteArrayInputStream(damaged),
                    target,
                    new SquashfsWriter.Settings(SquashfsCodec.gzip(9), 65536, 0, 1)))
        .isInstanceOfSatisfying(
            SquashfsException.class, e -> assertThat(e.code()).isEqualTo(Code.E535));
    try (Stream<Path> left = Files.list(target.getParent())) {
      assertThat(left).isEmpty();
    }
  }

  /** Output nobody reads. */
  private static final class OutputStreamNull extends java.io.OutputStream {
    static final OutputStreamNull INSTANCE = new OutputStreamNull();

    @Override
    public void write(int b) {}
  }
}
