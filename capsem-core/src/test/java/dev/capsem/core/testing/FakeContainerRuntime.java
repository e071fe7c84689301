package dev.capsem.core.testing;

import dev.capsem.core.internal.tar.TarWriter;
import dev.capsem.core.ports.ContainerCommand;
import dev.capsem.core.ports.ContainerRuntime;
import dev.capsem.core.ports.ContainerRuntimeException;
import dev.capsem.core.ports.ContainerRuntimeException.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * An in-memory container runtime for tests of the build logic. Images and containers are maps of
 * path to bytes. A Dockerfile is understood as far as {@code FROM}, {@code COPY <src> <dst>} and
 * {@code RUN exit <n>} go; containers answer {@code cat <path>} and whatever a test scripts with
 * {@link #respond}. Failures are injected with {@link #fail}.
 */
public final class FakeContainerRuntime implements ContainerRuntime {

  /** A container's files and command, which scripted responses may read and change. */
  public static final class Container {
    private final String image;
    private final List<String> command;
    private final Map<String, byte[]> files;

    Container(String image, List<String> command, Map<String, byte[]> files) {
      this.image = image;
      this.command = List.copyOf(command);
      this.files = new TreeMap<>(files);
    }

    public String image() {
      return image;
    }

    public List<String> command() {
      return command;
    }

    public Map<String, byte[]> files() {
      return files;
    }
  }

  private record Failure(
      Predicate<ContainerCommand> when, Kind kind, int exitCode, String stderr) {}

  private record Response(Predicate<List<String>> when, Function<Container, String> action) {}

  private final Set<String> baseImages;
  private final Map<String, String> baseImageIds = new LinkedHashMap<>();
  private final Map<String, String> inspectAnswers = new LinkedHashMap<>();
  private final Map<String, Map<String, byte[]>> images = new LinkedHashMap<>();
  private final Map<String, Map<String, byte[]>> scriptedImages = new LinkedHashMap<>();
  private final Map<String, Container> containers = new LinkedHashMap<>();
  // The untagged last image of every stage but the final one, with its label, as the classic
  // builder leaves them: id -> "key=value" of the build-id label, or "" without one.
  private final Map<String, String> stageImages = new LinkedHashMap<>();
  private final List<Failure> failures = new ArrayList<>();
  private final List<Response> responses = new ArrayList<>();
  private final List<ContainerCommand> executed = new ArrayList<>();
  private final Set<String> unsupportedPlatforms = new HashSet<>();
  private Kind probeFailure;
  private String enginePlatform = "linux/amd64";
  private int nextId = 1;
  private int nextStage = 1;

  /**
   * {@code baseImages} are what {@code FROM} may name (a fake registry-less engine), by tag or by
   * their image id ({@code sha256:} of the tag, until {@link #replaceBaseImage}).
   */
  public FakeContainerRuntime(Set<String> baseImages) {
    this.baseImages = Set.copyOf(baseImages);
    for (String image : baseImages) {
      baseImageIds.put(image, id(image));
    }
  }

  /** The id {@code docker image inspect} gives a base image. */
  public String baseImageId(String image) {
    return baseImageIds.get(image);
  }

  /** {@code docker image inspect image} prints {@code answer} (an engine that misbehaves). */
  public FakeContainerRuntime inspectAnswer(String image, String answer) {
    inspectAnswers.put(image, answer);
    return this;
  }

  /** The tag {@code image} now names another image (a new base image made on the engine). */
  public FakeContainerRuntime replaceBaseImage(String image) {
    baseImageIds.put(image, id(baseImageIds.get(image)));
    return this;
  }

  private static String id(String seed) {
    try {
      return "sha256:"
          + java.util.HexFormat.of()
              .formatHex(
                  java.security.MessageDigest.getInstance("SHA-256")
                      .digest(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether {@code image} names a base image, by tag or by its current id. */
  private boolean isBase(String image) {
    return baseImages.contains(image) || baseImageIds.containsValue(image);
  }

  /**
   * Builds of {@code tag} (or of any tag of that repository, {@code tag:<anything>}) produce these
   * files, whatever the Dockerfile says.
   */
  public FakeContainerRuntime image(String tag, Map<String, byte[]> files) {
    scriptedImages.put(tag, new TreeMap<>(files));
    return this;
  }

  /** Containers whose command matches {@code when} run {@code action}; its result is stdout. */
  public FakeContainerRuntime respond(
      Predicate<List<String>> when, Function<Container, String> action) {
    responses.add(new Response(when, action));
    return this;
  }

  /** Commands matching {@code when} fail. */
  public FakeContainerRuntime fail(
      Predicate<ContainerCommand> when, Kind kind, int exitCode, String stderr) {
    failures.add(new Failure(when, kind, exitCode, stderr));
    return this;
  }

  /** {@link #probe} fails with {@code kind}. */
  public FakeContainerRuntime probeFails(Kind kind) {
    this.probeFailure = kind;
    return this;
  }

  /** The platform {@link #enginePlatform} reports (default {@code linux/amd64}), or null: none. */
  public FakeContainerRuntime enginePlatform(String platform) {
    this.enginePlatform = platform;
    return this;
  }

  public FakeContainerRuntime cannotRun(String platform) {
    unsupportedPlatforms.add(platform);
    return this;
  }

  /** Every command run so far, in order. */
  public List<ContainerCommand> executed() {
    return List.copyOf(executed);
  }

  public Set<String> imageTags() {
    return Set.copyOf(images.keySet());
  }

  /** The untagged stage images that builds left and nothing removed yet. */
  public Set<String> stageImages() {
    return Set.copyOf(stageImages.keySet());
  }

  public Set<String> containerIds() {
    return Set.copyOf(containers.keySet());
  }

  @Override
  public String probe() throws ContainerRuntimeException {
    if (probeFailure != null) {
      throw new ContainerRuntimeException(
          probeFailure,
          List.of("fake", "version"),
          probeFailure == Kind.NOT_FOUND ? -1 : 1,
          probeFailure == Kind.UNREACHABLE ? "Cannot connect to the fake daemon" : "",
          probeFailure == Kind.NOT_FOUND ? "fake not found on PATH" : "the fake engine is down");
    }
    return "fake runtime";
  }

  @Override
  public Optional<String> enginePlatform() {
    return probeFailure != null ? Optional.empty() : Optional.ofNullable(enginePlatform);
  }

  @Override
  public Optional<String> platformProblem(String platform) {
    return unsupportedPlatforms.contains(platform)
        ? Optional.of("the fake engine cannot run " + platform + "\n  fix: use another engine")
        : Optional.empty();
  }

  @Override
  public List<String> commandLine(ContainerCommand command) {
    List<String> line = new ArrayList<>(List.of("fake", command.verb()));
    if (command instanceof ContainerCommand.Build build) {
      if (build.platform() != null) {
        line.add(build.platform());
      }
      build.buildArgs().forEach((key, value) -> line.add(key + "=" + value));
      line.add(build.tag());
      line.add(build.context().toString());
    } else {
      line.add(command.toString());
    }
    return line;
  }

  /** Streams the container's files as {@link ContainerCommand.Export} would write them. */
  @Override
  public <T> T exportStream(String container, TarStreamReader<T> reader)
      throws ContainerRuntimeException, java.io.IOException {
    ContainerCommand recorded = new ContainerCommand.Export(container, java.nio.file.Path.of("-"));
    executed.add(recorded);
    Container found = containers.get(container);
    if (found == null) {
      throw failed(recorded, 1, "Error: No such container: " + container);
    }
    return reader.read(new java.io.ByteArrayInputStream(tar(found.files())));
  }

  @Override
  public String execute(ContainerCommand command) throws ContainerRuntimeException {
    executed.add(command);
    for (Failure failure : failures) {
      if (failure.when().test(command)) {
        throw new ContainerRuntimeException(
            failure.kind(),
            commandLine(command),
            failure.exitCode(),
            failure.stderr(),
            "'fake " + command.verb() + "' failed (exit " + failure.exitCode() + ")");
      }
    }
    try {
      return run(command);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String run(ContainerCommand command) throws IOException, ContainerRuntimeException {
    if (command instanceof ContainerCommand.Build build) {
      images.put(build.tag(), build(build));
      leaveStages(build);
      return "";
    }
    if (command instanceof ContainerCommand.Create create) {
      Map<String, byte[]> image = isBase(create.image()) ? Map.of() : images.get(create.image());
      if (image == null) {
        throw failed(command, 1, "Unable to find image '" + create.image() + "' locally");
      }
      String id = "fake-container-" + nextId++;
      containers.put(id, new Container(create.image(), create.command(), image));
      return id + "\n";
    }
    if (command instanceof ContainerCommand.Export export) {
      Files.write(export.tar(), tar(container(command, export.container()).files()));
      return "";
    }
    if (command instanceof ContainerCommand.CopyOut copy) {
      byte[] content = container(command, copy.container()).files().get(copy.path());
      if (content == null) {
        throw failed(
            command,
            1,
            "Error: Could not find the file " + copy.path() + " in container " + copy.container());
      }
      Files.write(copy.target(), content);
      return "";
    }
    if (command instanceof ContainerCommand.CopyIn copy) {
      container(command, copy.container())
          .files()
          .put(copy.path(), Files.readAllBytes(copy.source()));
      return "";
    }
    if (command instanceof ContainerCommand.Start start) {
      return answer(command, container(command, start.container()));
    }
    if (command instanceof ContainerCommand.Run run) {
      Map<String, byte[]> image = isBase(run.image()) ? Map.of() : images.get(run.image());
      if (image == null) {
        throw failed(command, 125, "Unable to find image '" + run.image() + "' locally");
      }
      return answer(command, new Container(run.image(), run.command(), image));
    }
    if (command instanceof ContainerCommand.RemoveContainer remove) {
      containers.remove(remove.container());
      return "";
    }
    if (command instanceof ContainerCommand.RemoveImage remove) {
      images.remove(remove.image());
      return "";
    }
    if (command instanceof ContainerCommand.RemoveImageAndLayers remove) {
      images.remove(remove.image());
      stageImages.remove(remove.image());
      return "";
    }
    if (command instanceof ContainerCommand.ListUntaggedImages list) {
      StringBuilder ids = new StringBuilder();
      stageImages.forEach(
          (id, label) -> {
            if (label.equals(list.label())) {
              ids.append(id).append('\n');
            }
          });
      return ids.toString();
    }
    if (command instanceof ContainerCommand.InspectImage inspect) {
      if (inspectAnswers.containsKey(inspect.image())) {
        return inspectAnswers.get(inspect.image());
      }
      if (baseImageIds.containsKey(inspect.image())) {
        return baseImageIds.get(inspect.image()) + "\n";
      }
      if (!images.containsKey(inspect.image()) && !isBase(inspect.image())) {
        throw failed(command, 1, "Error: No such image: " + inspect.image());
      }
      return (isBase(inspect.image()) ? inspect.image() : id(inspect.image())) + "\n";
    }
    return "";
  }

  private void leaveStages(ContainerCommand.Build build) throws IOException {
    Path dockerfile = build.context().resolve("Dockerfile");
    if (!Files.exists(dockerfile)) {
      return;
    }
    String buildId = build.buildArgs().get("CAPSEM_BUILD_ID");
    long stages =
        Files.readAllLines(dockerfile).stream().filter(line -> line.startsWith("FROM ")).count();
    for (long i = 1; i < stages; i++) {
      stageImages.put(
          "sha256:fake-stage-" + nextStage++,
          buildId == null ? "" : "dev.capsem.image-build=" + buildId);
    }
  }

  private Map<String, byte[]> build(ContainerCommand.Build build)
      throws IOException, ContainerRuntimeException {
    String repository =
        build.tag().contains(":")
            ? build.tag().substring(0, build.tag().indexOf(':'))
            : build.tag();
    for (String scripted : List.of(build.tag(), repository)) {
      if (scriptedImages.containsKey(scripted)) {
        return new TreeMap<>(scriptedImages.get(scripted));
      }
    }
    Map<String, byte[]> files = new TreeMap<>();
    for (String raw : Files.readAllLines(build.context().resolve("Dockerfile"))) {
      String line = raw.strip();
      if (line.startsWith("FROM ")) {
        String[] words = line.split("\\s+");
        String image = words[words.length - 1];
        if (words.length >= 4 && words[words.length - 2].equalsIgnoreCase("AS")) {
          image = words[words.length - 3];
        }
        if (!image.equals("scratch") && !isBase(image) && !images.containsKey(image)) {
          throw failed(build, 1, "pull access denied for " + image + ", repository does not exist");
        }
        files = new TreeMap<>(images.getOrDefault(image, Map.of()));
      } else if (line.startsWith("COPY ") && !line.contains("--from=")) {
        String[] words = line.split("\\s+");
        copy(build.context().resolve(words[1]), words[2], files);
      } else if (line.matches("RUN exit \\d+")) {
        int code = Integer.parseInt(line.substring("RUN exit ".length()));
        if (code != 0) {
          throw failed(
              build,
              1,
              "The command '/bin/sh -c exit " + code + "' returned a non-zero code: " + code);
        }
      }
    }
    return files;
  }

  private static void copy(Path source, String target, Map<String, byte[]> files)
      throws IOException {
    if (Files.isDirectory(source)) {
      try (Stream<Path> walk = Files.walk(source)) {
        for (Path file : walk.filter(Files::isRegularFile).toList()) {
          String relative = source.relativize(file).toString().replace('\\', '/');
          files.put(
              (target.endsWith("/") ? target : target + "/") + relative, Files.readAllBytes(file));
        }
      }
    } else {
      String path = target.endsWith("/") ? target + source.getFileName().toString() : target;
      files.put(path, Files.readAllBytes(source));
    }
  }

  private String answer(ContainerCommand command, Container container)
      throws ContainerRuntimeException {
    for (Response response : responses) {
      if (response.when().test(container.command())) {
        return response.action().apply(container);
      }
    }
    List<String> args = container.command();
    if (args.size() == 2 && args.get(0).equals("cat")) {
      byte[] content = container.files().get(args.get(1));
      if (content == null) {
        throw failed(command, 1, "cat: " + args.get(1) + ": No such file or directory");
      }
      return new String(content, StandardCharsets.UTF_8);
    }
    return "";
  }

  private Container container(ContainerCommand command, String id)
      throws ContainerRuntimeException {
    Container container = containers.get(id);
    if (container == null) {
      throw failed(command, 1, "Error: No such container: " + id);
    }
    return container;
  }

  private ContainerRuntimeException failed(ContainerCommand command, int exit, String stderr) {
    return new ContainerRuntimeException(
        Kind.FAILED,
        commandLine(command),
        exit,
        stderr,
        "'fake " + command.verb() + "' failed (exit " + exit + ")");
  }

  /** The container's files as an export's tar: sorted, names relative to the root. */
  private static byte[] tar(Map<String, byte[]> files) {
    Map<String, byte[]> members = new TreeMap<>();
    files.forEach((path, content) -> members.put(path.replaceFirst("^/", ""), content));
    return TarWriter.archive(members);
  }
}
