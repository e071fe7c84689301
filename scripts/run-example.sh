#!/usr/bin/env bash
# The main job on the bundled example (examples/corp-dev), for x86_64 on a fresh Debian machine,
# with nothing beside this checkout: prepares the machine, installs capsem-java into the local Maven
# repository, makes a THROWAWAY minisign key in a settings.xml server, then runs the example's whole
# pipeline (`mvn verify`: validate, build through Docker, SBOM, release profile, catalog,
# signatures, image verify, catalog check) and ends with the real `minisign -V` on the catalog.
# Every guest input is the product's guest kit, the kernel source is Debian's linux-source (apt, in
# the build container), the CA is the project CA made once in examples/corp-dev/.capsem/ca.
# Run it again unchanged: the image build does no container work. Options go to the example's mvn
# (e.g. `scripts/run-example.sh capsem:verify-reproducible` after a first run).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"
example="$root/examples/corp-dev"
target="$example/target"

# The plugin and what it depends on, without the tests (scripts/test.sh runs them). Where Maven and
# a JDK are already there, this compiles while the machine is prepared (the base image's
# debootstrap); else after the set-up has installed them.
# A build this short is over before the JIT's optimising compiler pays back: with C1 alone it takes
# half the CPU (27 CPU-seconds instead of 59 on two cores), which the debootstrap beside it needs.
install=(env MAVEN_OPTS="${MAVEN_OPTS:-} -XX:TieredStopAtLevel=1" mvn -B -q install -DskipTests -pl '!it')
installing=
if command -v mvn >/dev/null && command -v java >/dev/null; then
  "${install[@]}" &
  installing=$!
  trap '[ -z "$installing" ] || kill "$installing" 2>/dev/null || true' EXIT
fi
# The example is built for x86_64 only: no base image for a foreign architecture is made (the tests'
# set-up, scripts/test.sh, makes them).
CAPSEM_FOREIGN_ARCHES="${CAPSEM_FOREIGN_ARCHES:-none}" scripts/setup-machine.sh
if [ -n "$installing" ]; then
  wait "$installing"
  installing=
else
  "${install[@]}"
fi

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

started=$(date +%s)
# The key's server comes from a global settings file, so the user's own settings.xml still applies.
mvn -B -gs "$signing/settings.xml" -f "$example/pom.xml" "${build_ca[@]}" "${@:-verify}"
echo "example: mvn took $(( $(date +%s) - started )) s; reports in examples/corp-dev/target/capsem/"

if [ $# -eq 0 ]; then
  minisign -Vm "$target/capsem/release/manifest.json" -p "$signing/test.pub"
fi
