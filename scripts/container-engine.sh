#!/usr/bin/env bash
# Makes this machine able to run real image builds, idempotently:
#  1. starts the Docker engine (dockerd) when it does not answer, and waits until it does;
#  2. makes the base image the image plan names (debian:<release>-slim, default bookworm) from the
#     Debian archive with debootstrap + docker import, because no image registry is reachable from
#     these machines (deb.debian.org is);
#  3. for every other architecture this machine can run through qemu-user binfmt (see
#     scripts/setup-machine.sh), makes the same base image for that architecture under the per-arch
#     repository of Docker's official images (arm64v8/debian:<release>-slim, amd64/debian:...).
#     The engine's classic image store holds one platform per tag, so `debian:bookworm-slim` cannot
#     also be the arm64 image; image builds of a foreign architecture start from the per-arch tag,
#     which is also what a registry would serve under that name.
# Run as root (or with sudo). Environment: CAPSEM_BASE_RELEASE (bookworm), CAPSEM_DEBIAN_MIRROR
# (http://deb.debian.org/debian), DOCKERD_LOG (/var/log/dockerd.log), CAPSEM_FOREIGN_ARCHES (the
# Debian architectures to make besides the engine's; default: every one with a binfmt handler
# among amd64 arm64; "none" for none).
set -euo pipefail

release="${CAPSEM_BASE_RELEASE:-bookworm}"
mirror="${CAPSEM_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
log="${DOCKERD_LOG:-/var/log/dockerd.log}"
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

# Docker's architecture names are Debian's for the two we build; the official images' per-arch
# repositories are amd64/ and arm64v8/.
engine_arch="$(docker version --format '{{.Server.Arch}}')"
repository_prefix() {
  case "$1" in
    amd64) echo "amd64/" ;;
    arm64) echo "arm64v8/" ;;
    *) return 1 ;;
  esac
}
qemu_name() {
  case "$1" in
    amd64) echo "qemu-x86_64" ;;
    arm64) echo "qemu-aarch64" ;;
    *) return 1 ;;
  esac
}

path=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

# load_image ROOT ARCH TAG: ROOT as a one-layer image for linux/ARCH, through `docker load` of a
# docker-archive (manifest.json, the config, the layer). Without a creation time the config, and
# so the image id, depends only on the layer.
load_image() {
  local root="$1" arch="$2" tag="$3" archive diff variant=""
  archive="$(mktemp -d /var/tmp/capsem-image.XXXXXX)"
  mkdir "$archive/layer"
  $sudo tar -C "$root" --numeric-owner -c . >"$archive/layer/layer.tar"
  diff="$(sha256sum "$archive/layer/layer.tar" | cut -d' ' -f1)"
  [ "$arch" = arm64 ] && variant='"variant":"v8",'
  printf '{"architecture":"%s",%s"os":"linux","config":{"Env":["PATH=%s"],"Cmd":["bash"]},"rootfs":{"type":"layers","diff_ids":["sha256:%s"]}}' \
    "$arch" "$variant" "$path" "$diff" >"$archive/config.json"
  printf '[{"Config":"config.json","RepoTags":["%s"],"Layers":["layer/layer.tar"]}]' "$tag" >"$archive/manifest.json"
  tar -C "$archive" -c manifest.json config.json layer | docker load >/dev/null
  rm -rf "$archive"
}

# make_base ARCH TAG: a minbase Debian of ARCH from the archive, trimmed as the official slim
# images are, imported as TAG for linux/ARCH.
make_base() {
  local arch="$1" tag="$2" root
  echo "engine: making $tag (linux/$arch) with debootstrap from $mirror (a few minutes)"
  root="$(mktemp -d /var/tmp/capsem-base.XXXXXX)"
  # debootstrap runs the foreign architecture's second stage through the binfmt handler.
  if ! $sudo debootstrap --variant=minbase --arch="$arch" "$release" "$root" "$mirror" >"$root.log" 2>&1; then
    echo "engine: debootstrap of $arch failed; last lines:" >&2
    tail -n 20 "$root.log" >&2
    $sudo rm -rf "$root" "$root.log"
    return 1
  fi
  rm -f "$root.log"
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
  # As Docker's own Debian-based images have long done: dpkg without a sync after every package. A
  # build container is thrown away if it dies mid-install, and the syncs made the package steps of
  # an image build about a third slower here (430 packages: 67 s instead of 90 to 103 s).
  echo force-unsafe-io | $sudo sh -c "cat >'$root/etc/dpkg/dpkg.cfg.d/docker-apt-speedup'"
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
  if [ "$arch" = "$engine_arch" ]; then
    $sudo tar -C "$root" --numeric-owner -c . | docker import \
      --change 'CMD ["bash"]' --change "ENV PATH=$path" - "$tag" >/dev/null
  else
    # docker import labels every image with the engine's architecture (20.10 ignores --platform),
    # and the engine then refuses to run it as linux/$arch: load it as an image archive whose
    # config names the architecture instead.
    load_image "$root" "$arch" "$tag"
  fi
  $sudo rm -rf "$root"
  echo "engine: base image $tag made ($(docker image inspect "$tag" --format '{{.Size}}') bytes)"
}

tag="debian:${release}-slim"
if docker image inspect "$tag" >/dev/null 2>&1; then
  echo "engine: base image $tag present"
else
  make_base "$engine_arch" "$tag"
fi

foreign="${CAPSEM_FOREIGN_ARCHES:-}"
if [ -z "$foreign" ]; then
  for arch in amd64 arm64; do
    [ "$arch" = "$engine_arch" ] && continue
    # Only where the kernel runs that architecture's binaries (the handler is enabled).
    if grep -qx enabled "/proc/sys/fs/binfmt_misc/$(qemu_name "$arch")" 2>/dev/null; then
      foreign="$foreign $arch"
    else
      echo "engine: no binfmt handler for $arch; its base image is not made (scripts/setup-machine.sh installs one)"
    fi
  done
fi
[ "$foreign" = none ] && foreign=""
for arch in $foreign; do
  prefix="$(repository_prefix "$arch")" || { echo "engine: unknown architecture $arch" >&2; exit 1; }
  foreign_tag="${prefix}debian:${release}-slim"
  labelled="$(docker image inspect "$foreign_tag" --format '{{.Architecture}}' 2>/dev/null || true)"
  if [ "$labelled" = "$arch" ]; then
    echo "engine: base image $foreign_tag present"
  else
    # Absent, or imported with the engine's architecture by an older version of this script.
    make_base "$arch" "$foreign_tag"
  fi
done
