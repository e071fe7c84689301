#!/usr/bin/env bash
# Coverage-guided fuzzing of every parser with Jazzer (the @FuzzTest methods), one target at a time:
# Jazzer fuzzes one test per JVM, and the machines this runs on are small.
#
#   scripts/fuzz.sh                      every target, 100,000 inputs each (the long campaign)
#   scripts/fuzz.sh --duration 5s        every target for 5 seconds (the short run of scripts/test.sh)
#   scripts/fuzz.sh --executions 1000000 profileToml catalog
#
# Each target ends with libFuzzer's "Done N runs in S second(s)"; a finding (an uncaught exception, a
# timeout of 10 s on one input, an OutOfMemoryError) fails the target, and Jazzer saves the input
# under src/test/resources/<package>/<Class>Inputs/<method>/, where it stays a regression test once
# the bug is fixed. The generated corpus grows in <module>/.cifuzz-corpus/ (not checked in).
# Logs: target/fuzz/<method>.log. Exit status: the number of failed targets.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

all_targets=(
  capsem-core:dev.capsem.core.internal.profile.ProfileFuzzTest#profileToml
  capsem-core:dev.capsem.core.internal.profile.ProfileFuzzTest#profileJson
  capsem-core:dev.capsem.core.internal.settings.SettingsFuzzTest#settingsToml
  capsem-core:dev.capsem.core.internal.settings.SettingsFuzzTest#settingsJson
  capsem-core:dev.capsem.core.internal.enforcement.PolicyPackFuzzTest#policyPackToml
  capsem-core:dev.capsem.core.internal.enforcement.PolicyPackFuzzTest#policyPackJson
  capsem-core:dev.capsem.core.internal.detection.SigmaFuzzTest#sigmaYaml
  capsem-core:dev.capsem.core.internal.detection.SigmaFuzzTest#detectionPackYaml
  capsem-core:dev.capsem.core.internal.policycontext.EventsFuzzTest#eventsJsonl
  capsem-core:dev.capsem.core.internal.manifest.CatalogFuzzTest#catalog
  capsem-core:dev.capsem.core.internal.manifest.CatalogFuzzTest#assetManifest
  capsem-signing:dev.capsem.signing.SignatureFilesFuzzTest#minisig
  capsem-signing:dev.capsem.signing.SignatureFilesFuzzTest#publicKey
  capsem-signing:dev.capsem.signing.SignatureFilesFuzzTest#secretKey
)

executions=100000
duration=""
wanted=()
while [ $# -gt 0 ]; do
  case "$1" in
    --executions) executions="$2"; shift 2 ;;
    --duration) duration="$2"; executions=0; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) wanted+=("$1"); shift ;;
  esac
done

targets=()
for target in "${all_targets[@]}"; do
  if [ ${#wanted[@]} -eq 0 ] || printf '%s\n' "${wanted[@]}" | grep -qx "${target##*#}"; then
    targets+=("$target")
  fi
done
if [ ${#targets[@]} -eq 0 ]; then
  echo "fuzz: no such target: ${wanted[*]}" >&2
  exit 2
fi

mkdir -p target/fuzz
failed=0
for target in "${targets[@]}"; do
  module="${target%%:*}"
  test="${target#*:}"
  method="${test##*#}"
  log="target/fuzz/$method.log"
  printf 'fuzz: %-20s ' "$method"
  set +e
  JAZZER_FUZZ=1 \
    JAZZER_MAX_EXECUTIONS="$executions" \
    JAZZER_MAX_DURATION="${duration:-10h}" \
    mvn -B -o -Denforcer.skip=true test-compile surefire:test@fuzz-regression -pl "$module" -am \
    -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false \
    -Dcapsem.fuzz.inputTimeout="100 h" \
    -Djazzer.internal.arg.0=jazzer -Djazzer.internal.arg.1=-timeout=10 >"$log" 2>&1
  status=$?
  set -e
  runs="$(grep -aoE 'Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1 || true)"
  if [ $status -eq 0 ] && [ -n "$runs" ]; then
    echo "ok: ${runs}(s)"
  else
    echo "FAILED (exit $status): see $log"
    failed=$((failed + 1))
  fi
done
exit $failed
