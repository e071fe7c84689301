#!/usr/bin/env bash
# The main job on the bundled example (examples/corp-dev), for x86_64 on a fresh Debian machine:
# prepares the machine, installs capsem-java into the local Maven repository, makes the inputs a
# real project would bring (a kernel source tarball from the Debian archive, placeholder guest
# agents and artifacts, a THROWAWAY minisign key in a settings.xml server), then runs the example's
# whole pipeline (`mvn verify`: validate, build through Docker, SBOM, release profile, catalog,
# signatures, image verify, catalog check) and ends with the real `minisign -V` on the catalog.
# Run it again unchanged: the image build does no container work. Options go to the example's mvn
# (e.g. `scripts/run-example.sh capsem:verify-reproducible` after a first run).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"
example="$root/examples/corp-dev"
target="$example/target"

scripts/setup-machine.sh
kernel="$(scripts/kernel-source.sh | awk '{print $2}')"
[ -d "$root/../shared/conformance/capsem/guest" ] || {
  echo "example: upstream's guest configuration is expected at ../shared/conformance/capsem/guest" >&2
  exit 1
}
# The plugin and what it depends on, without the tests (scripts/test.sh runs them).
mvn -B -q install -DskipTests -pl '!it'

# Placeholder guest inputs: upstream ships real guest agents; these scripts only name themselves.
inputs="$target/guest-inputs"
mkdir -p "$inputs/artifacts/capsem_bench" "$inputs/artifacts/diagnostics" "$inputs/binaries/x86_64" "$inputs/wheels"
placeholder() { printf '%s\n' "$2" > "$1.tmp" && chmod 755 "$1.tmp" && mv "$1.tmp" "$1"; }
placeholder "$inputs/artifacts/capsem-init" $'#!/bin/sh\n# placeholder PID 1\nexec /bin/sh'
placeholder "$inputs/artifacts/capsem-bashrc" '# placeholder capsem-bashrc'
placeholder "$inputs/artifacts/capsem-doctor" $'#!/bin/sh\necho 2026.05.20'
placeholder "$inputs/artifacts/capsem-bench" $'#!/bin/sh\necho placeholder capsem-bench'
placeholder "$inputs/artifacts/snapshots" $'#!/bin/sh\necho placeholder snapshots'
placeholder "$inputs/artifacts/capsem_bench/__main__.py" "print('placeholder')"
placeholder "$inputs/artifacts/diagnostics/test_placeholder.py" $'def test_placeholder():\n    pass'
for name in banner.txt tips.txt; do
  cp "$root/../shared/conformance/capsem/guest/artifacts/$name" "$inputs/artifacts/$name"
done
for name in capsem-pty-agent capsem-net-proxy capsem-dns-proxy capsem-mcp-server capsem-sysutil; do
  placeholder "$inputs/binaries/x86_64/$name" "#!/bin/sh
echo '$name placeholder'"
done
cp capsem-core/src/test/resources/dev/capsem/core/testing/capsem-test-ca.crt "$inputs/capsem-ca.crt"

# A throwaway signing key (no password), made once, and the settings.xml server that names it.
signing="$target/signing"
mkdir -p "$signing"
[ -s "$signing/test.key" ] || minisign -G -W -f -p "$signing/test.pub" -s "$signing/test.key" >/dev/null
cat > "$signing/settings.xml.tmp" <<SETTINGS
<settings>
  <servers>
    <server>
      <id>capsem-signing</id>
      <privateKey>$signing/test.key</privateKey>
    </server>
  </servers>
</settings>
SETTINGS
mv "$signing/settings.xml.tmp" "$signing/settings.xml"

# The machine's CA bundle, for builds behind a TLS-inspecting proxy.
build_ca=()
[ -f /etc/ssl/certs/ca-certificates.crt ] && build_ca=(-Dcapsem.buildCa=/etc/ssl/certs/ca-certificates.crt)

# The example still takes upstream's guest artifacts, whose capsem-init has no boot test mode: the
# boot proof is skipped (W500, recorded in release.json) until the example builds with the guest kit.
boot_test=(-Dcapsem.skipBootTest=true)

started=$(date +%s)
# The key's server comes from a global settings file, so the user's own settings.xml still applies.
mvn -B -gs "$signing/settings.xml" -f "$example/pom.xml" \
  -Dcapsem.kernelSource="$kernel" "${build_ca[@]}" "${boot_test[@]}" "${@:-verify}"
echo "example: mvn took $(( $(date +%s) - started )) s; reports in examples/corp-dev/target/capsem/"

if [ $# -eq 0 ]; then
  minisign -Vm "$target/capsem/release/manifest.json" -p "$signing/test.pub"
fi
