#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# One entry point for a fresh Debian 12 machine (root, or a user with sudo):
#   packaging/setup.sh run    install what is needed, build, start GenreScope
#   packaging/setup.sh test   install what is needed, build, run the whole test suite
#   packaging/setup.sh deps   only install the Debian packages
#   packaging/setup.sh build  only configure and build (into ./build)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${GENRESCOPE_BUILD_DIR:-$here/build}"

# Build, runtime and test packages (Debian 12 names).
packages=(
  cmake ninja-build g++ pkg-config file
  qt6-base-dev qt6-multimedia-dev qt6-charts-dev libqt6opengl6-dev libqt6sql6-sqlite
  qt6-svg-dev qt6-qpa-plugins fonts-dejavu-core
  libfftw3-dev libeigen3-dev libsndfile1-dev libsoxr-dev
  libbenchmark-dev
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-libav
  libgl1-mesa-dri xvfb xauth python3-numpy
  desktop-file-utils appstream dpkg-dev ccache lintian
)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_deps() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    echo "setup: all ${#packages[@]} Debian packages present" >&2
    return
  fi
  echo "setup: installing ${missing[*]}" >&2
  as_root apt-get -o DPkg::Lock::Timeout=600 update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=600 --no-install-recommends "${missing[@]}"
}

build() {
  local launcher=()
  if command -v ccache >/dev/null; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
    # Paths relative to the checkout, so that every clone shares one cache.
    export CCACHE_BASEDIR="$here" CCACHE_NOHASHDIR=1
  fi
  cmake -S "$here" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" \
        -DGENRESCOPE_WERROR="${GENRESCOPE_WERROR:-ON}" >/dev/null
  cmake --build "$build_dir" -j "$(nproc)"
}

run_tests() {
  QT_QPA_PLATFORM=offscreen ctest --test-dir "$build_dir" --output-on-failure -j "$(nproc)" \
    --timeout 900 "$@"
}

run_app() {
  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "setup: no display found (under sudo, or on a headless machine): starting GenreScope on a" >&2
    echo "setup: virtual X server (xvfb-run), where it runs but cannot be seen. From a desktop" >&2
    echo "setup: session, run this script as your own user, without sudo." >&2
    exec xvfb-run -a "$build_dir/app/gui/genrescope" "$@"
  fi
  exec "$build_dir/app/gui/genrescope" "$@"
}

cmd="${1:-}"
shift || true
case "$cmd" in
  deps)  install_deps ;;
  build) install_deps; build ;;
  test)  install_deps; build; run_tests "$@"; "$here/packaging/check-deb.sh" "$build_dir" ;;
  run)   install_deps; build; run_app "$@" ;;
  *) echo "usage: $0 run|test|deps|build" >&2; exit 2 ;;
esac
