package dev.capsem.core.internal.provenance;

import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one release's provenance states.
 *
 * @param subjects every released file, unique names (sorted by the statement)
 * @param parameters the external parameters
 * @param internalParameters what the builder chose itself (the SOURCE_DATE_EPOCH, the engine), in
 *     order
 * @param dependencies the resolved inputs, in order
 * @param builderId the builder's URI (who ran the build: a CI runner, a workstation's tool)
 * @param builderVersion component to version ({@code capsem-java} → {@code 0.1.0}), in order
 * @param invocationId this run's id (a CI run URL, or an id derived from the inputs)
 * @param startedOn when the build started (from the injected clock)
 * @param finishedOn when it finished; not before {@code startedOn}
 */
public record ProvenanceInputs(
    List<Subject> subjects,
    BuildParameters parameters,
    Map<String, String> internalParameters,
    List<Dependency> dependencies,
    String builderId,
    Map<String, String> builderVersion,
    String invocationId,
    Instant startedOn,
    Instant finishedOn) {

  public ProvenanceInputs {
    subjects = List.copyOf(subjects);
    if (subjects.isEmpty()) {
      throw new IllegalArgumentException("a provenance statement needs at least one subject");
    }
    Set<String> names = new HashSet<>();
    for (Subject subject : subjects) {
      if (!names.add(subject.name())) {
        throw new IllegalArgumentException("two subjects named " + subject.name());
      }
    }
    Objects.requireNonNull(parameters, "parameters");
    internalParameters = Collections.unmodifiableMap(new LinkedHashMap<>(internalParameters));
    dependencies = List.copyOf(dependencies);
    Objects.requireNonNull(builderId, "builderId");
    if (builderId.isBlank()) {
      throw new IllegalArgumentException("builderId must not be blank");
    }
    builderVersion = Collections.unmodifiableMap(new LinkedHashMap<>(builderVersion));
    Objects.requireNonNull(invocationId, "invocationId");
    Objects.requireNonNull(startedOn, "startedOn");
    Objects.requireNonNull(finishedOn, "finishedOn");
    if (finishedOn.isBefore(startedOn)) {
      throw new IllegalArgumentException(
          "finishedOn " + finishedOn + " is before startedOn " + startedOn);
    }
  }
}
