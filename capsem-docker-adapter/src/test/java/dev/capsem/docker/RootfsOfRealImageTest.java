package dev.capsem.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.image.GuestProbes;
import dev.capsem.core.internal.image.rootfs.Rootfs;
import dev.capsem.core.internal.image.rootfs.RootfsCatalog;
import dev.capsem.core.internal.image.rootfs.RootfsPackage;
import dev.capsem.core.internal.image.verify.ImageInventory;
import dev.capsem.core.internal.image.verify.InventoryReader;
import dev.capsem.core.internal.squashfs.SquashfsWriter;
import dev.capsem.core.ports.ContainerCommand;
import dev.capsem.core.testing.SpdxValidation;
import dev.capsem.docker.compression.RealTools;
import dev.capsem.docker.compression.SquashfsCodecs;
import dev.capsem.signing.Blake3;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real image (Debian with Python, Node, git and an npm package in the AI-CLI prefix) exported by
 * the real engine, streamed straight into our squashfs writer: the rootfs catalogue lists exactly
 * what {@code dpkg-query -W}, {@code pip list} and {@code npm ls -g} list inside a container of the
 * image, the inventory the build would write agrees with it, the SBOM passes SPDX's validator, and
 * {@code unsquashfs} extracts the exported files' bytes.
 */
class RootfsOfRealImageTest {

  static final String TAG = "capsem-rootfs-probe:test";
  static final String DOCKERFILE =
      String.join(
          "\n",
          "FROM " + RealEngine.BASE_IMAGE,
          "RUN apt-get update -o Acquire::Check-Valid-Until=false -o Acquire::Check-Date=false \\",
          " && apt-get install -y --no-install-recommends curl git python3 python3-pip python3-yaml"
              + " nodejs npm ca-certificates \\",
          " && rm -rf /var/lib/apt/lists/*",
          "RUN mkdir -p /tmp/pkg && cd /tmp/pkg \\",
          " && printf '{\"name\":\"@capsem/probe-cli\",\"version\":\"1.2.3\",\"bin\":{\"probe-cli\":\"cli.js\"}}\\n'"
              + " > package.json \\",
          " && printf '#!/usr/bin/env node\\nconsole.log(\"probe\")\\n' > cli.js \\",
          " && npm pack --silent && npm install -g --offline --prefix /opt/ai-clis"
              + " ./capsem-probe-cli-1.2.3.tgz \\",
          " && rm -rf /tmp/pkg /root/.npm",
          "RUN printf 'pretend guest agent\\n' > /usr/local/bin/capsem-pty-agent"
              + " && chmod 555 /usr/local/bin/capsem-pty-agent",
          "");

  @TempDir static Path temp;

  private static DockerCli docker;
  private static Path image;
  private static Rootfs rootfs;

  @BeforeAll
  static void exportIntoOurWriter() throws Exception {
    docker = RealEngine.require();
    Path context = Files.createDirectories(temp.resolve("context"));
    Files.writeString(context.resolve("Dockerfile"), DOCKERFILE);
    docker.execute(new ContainerCommand.Build(null, TAG, context, Map.of(), false));
    String container =
        docker.execute(new ContainerCommand.Create(null, TAG, false, List.of("/bin/true"))).strip();
    rootfs = Rootfs.with(SquashfsCodecs.readers(), Blake3.hasher());
    image = temp.resolve("rootfs.squashfs");
    try {
      docker.exportStream(
          container,
          tar ->
              rootfs.write(
                  tar,
                  image,
                  new SquashfsWriter.Settings(SquashfsCodecs.zstd(15), 65536, 1_779_364_800L, 2)));
    } finally {
      docker.execute(new ContainerCommand.RemoveContainer(container));
    }
  }

  @AfterAll
  static void removeImage() throws Exception {
    if (docker != null) {
      docker.execute(new ContainerCommand.RemoveImage(TAG));
    }
  }

  /**
   * What the build's own inventory script collects in a container of the image, read back as
   * verification reads the file it writes.
   *
   * @param withoutPip runs it with a {@code pip} module ahead on the path that only fails, as in an
   *     image without pip
   */
  private static ImageInventory inventoryOfTheImage(boolean withoutPip) throws Exception {
    String config = "{\"npm_prefix\":\"/opt/ai-clis\",\"version_commands\":{}}";
    String hidePip =
        "mkdir -p /tmp/nopip/pip && : > /tmp/nopip/pip/__init__.py"
            + " && echo 'raise SystemExit(1)' > /tmp/nopip/pip/__main__.py"
            + " && export PYTHONPATH=/tmp/nopip && ";
    String printed =
        docker.execute(
            new ContainerCommand.Run(
                null,
                TAG,
                false,
                List.of(
                    "sh",
                    "-c",
                    (withoutPip ? hidePip : "") + "exec python3 -c \"$0\" \"$1\"",
                    GuestProbes.INVENTORY_SCRIPT,
                    config)));
    Path file = Files.createTempFile(temp, "image-inventory", ".json");
    Files.writeString(file, GuestProbes.inventoryDocument(printed));
    InventoryReader.Read read = InventoryReader.read(file, "image-inventory.json");
    assertThat(read.diagnostics()).isEmpty();
    return read.inventory();
  }

  @Test
  void catalog_listsEveryPackageDpkgQueryListsInTheImage() throws Exception {
    ImageInventory inside = inventoryOfTheImage(false);

    RootfsCatalog catalog = rootfs.catalog(image);

    Map<String, String> apt = new TreeMap<>();
    for (RootfsPackage p : catalog.packages("apt")) {
      apt.put(p.name(), p.version());
    }
    assertThat(apt).isEqualTo(inside.apt()).hasSizeGreaterThan(100).containsKey("curl");
    assertThat(catalog.distro()).isEqualTo("debian-12");
    assertThat(catalog.packages("apt"))
        .extracting(RootfsPackage::architecture)
        .containsAnyOf("amd64", "arm64")
        .contains("all")
        .doesNotContain("x86_64");
  }

  @Test
  void crossCheck_theInventoryTheBuildWrites_agreesWithTheRootfs() throws Exception {
    ImageInventory inside = inventoryOfTheImage(false);

    List<Diagnostic> found =
        rootfs.crossCheck(inside, "image-inventory.json", rootfs.catalog(image), "x86_64");

    assertThat(found).isEmpty();
    assertThat(inside.pythonModules()).containsKeys("pip", "pyyaml");
    assertThat(inside.nodePackages()).containsEntry("@capsem/probe-cli", "1.2.3");
  }

  @Test
  void crossCheck_imageWithoutPip_theInterpretersOwnListAgreesWithTheRootfsAndWithPip()
      throws Exception {
    ImageInventory withoutPip = inventoryOfTheImage(true);

    List<Diagnostic> found =
        rootfs.crossCheck(withoutPip, "image-inventory.json", rootfs.catalog(image), "x86_64");

    assertThat(found).isEmpty();
    assertThat(withoutPip.pythonModules())
        .containsKeys("pyyaml")
        .isEqualTo(inventoryOfTheImage(false).pythonModules());
  }

  @Test
  void sbom_ofTheRealRootfs_passesSpdxValidation() throws Exception {
    Rootfs.Sbom sbom =
        rootfs.sbom(
            new Rootfs.SbomRequest(
                "probe",
                "2026.0521.1",
                "blake3:" + "0".repeat(64),
                "x86_64",
                image,
                List.of(),
                Instant.parse("2026-05-21T12:00:00Z")));

    assertThat(SpdxValidation.errors(sbom.json())).isEmpty();
    assertThat(sbom.json())
        .contains("pkg:deb/debian/curl@")
        .contains("&distro=debian-12")
        .contains("pkg:pypi/pyyaml@")
        .contains("pkg:npm/%40capsem/probe-cli@1.2.3")
        .contains("\"fileName\": \"./usr/local/bin/capsem-pty-agent\"");
  }

  @Test
  void image_extractedByUnsquashfs_holdsTheExportedFilesBytes() throws Exception {
    Path unsquashfs = RealTools.require("unsquashfs", "squashfs-tools");
    String container =
        docker.execute(new ContainerCommand.Create(null, TAG, false, List.of("/bin/true"))).strip();
    Path tar = temp.resolve("export.tar");
    try {
      docker.execute(new ContainerCommand.Export(container, tar));
    } finally {
      docker.execute(new ContainerCommand.RemoveContainer(container));
    }
    Path fromTar = Files.createDirectories(temp.resolve("from-tar"));
    RealTools.run(List.of("tar", "-xf", tar.toString(), "-C", fromTar.toString()));
    Path fromImage = temp.resolve("from-image");
    RealTools.run(
        List.of(unsquashfs.toString(), "-no-xattrs", "-d", fromImage.toString(), image.toString()));

    try {
      assertThat(blake3OfFiles(fromImage))
          .isEqualTo(blake3OfFiles(fromTar))
          .hasSizeGreaterThan(5000);
    } finally {
      // Removed here: JUnit warns about every symbolic link leaving its folder.
      RealTools.run(List.of("rm", "-rf", fromTar.toString(), fromImage.toString()));
    }
  }

  private static Map<String, String> blake3OfFiles(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).forEach(files::add);
    }
    for (Path file : files) {
      out.put(root.relativize(file).toString(), Blake3.hasher().hexOfFile(file));
    }
    return out;
  }
}
