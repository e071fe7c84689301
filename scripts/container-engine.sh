#!/usr/bin/env bash
# Makes this machine able to run real image builds, idempotently:
#  1. starts the Docker engine (dockerd) when it does not answer, and waits until it does;
#  2. makes the base image the image plan names (debian:<release>-slim, default bookworm) from the
#     Debian archive with debootstrap + docker import, because no image registry is reachable from
#     these machines (deb.debian.org is).
# Run as root (or with sudo). Environment: CAPSEM_BASE_RELEASE (bookworm), CAPSEM_DEBIAN_MIRROR
# (http://deb.debian.org/debian), DOCKERD_LOG (/var/log/dockerd.log).
set -euo pipefail

release="${CAPSEM_BASE_RELEASE:-bookworm}"
mirror="${CAPSEM_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
log="${DOCKERD_LOG:-/var/log/dockerd.log}"
tag="debian:${release}-slim"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

if ! docker info >/dev/null 2>&1; then
  if [ -n "${DOCKER_HOST:-}" ]; then
    echo "engine: DOCKER_HOST=$DOCKER_HOST does not answer; start that engine first" >&2
    exit 1
  fi
  echo "engine: starting dockerd (log: $log)"
  $sudo sh -c "nohup dockerd >'$log' 2>&1 &"
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    sleep 1
  done
  if ! docker info >/dev/null 2>&1; then
    echo "engine: dockerd did not answer within 60 s; last lines of $log:" >&2
    $sudo tail -n 20 "$log" >&2 || true
    exit 1
  fi
fi
echo "engine: $(docker version --format 'client {{.Client.Version}}, server {{.Server.Version}}' 2>/dev/null)"

if docker image inspect "$tag" >/dev/null 2>&1; then
  echo "engine: base image $tag present"
  exit 0
fi

echo "engine: making $tag with debootstrap from $mirror (a few minutes)"
root="$(mktemp -d /var/tmp/capsem-base.XXXXXX)"
trap '$sudo rm -rf "$root"' EXIT
$sudo debootstrap --variant=minbase "$release" "$root" "$mirror" >/dev/null
# As the official slim images: no documentation, no apt lists or caches, the archive over http
# with the deb822 sources file the image build switches to https.
$sudo sh -c "cat >'$root/etc/dpkg/dpkg.cfg.d/docker-slim'" <<'CFG'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
CFG
$sudo rm -f "$root/etc/apt/sources.list"
$sudo sh -c "cat >'$root/etc/apt/sources.list.d/debian.sources'" <<SRC
Types: deb
URIs: http://deb.debian.org/debian
Suites: ${release} ${release}-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: http://deb.debian.org/debian-security
Suites: ${release}-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
$sudo rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb \
  "$root"/var/log/* "$root"/usr/share/doc "$root"/usr/share/man "$root"/usr/share/info
$sudo tar -C "$root" --numeric-owner -c . | docker import \
  --change 'CMD ["bash"]' --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  - "$tag" >/dev/null
echo "engine: base image $tag made ($(docker image inspect "$tag" --format '{{.Size}}') bytes)"
