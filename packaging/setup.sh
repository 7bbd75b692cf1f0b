#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# One entry point for a fresh Debian 12 machine (root, or a user with sudo):
#   packaging/setup.sh run    install what is needed, build, start GenreScope
#   packaging/setup.sh test   install what is needed, build, run the whole test suite, check the
#                             .deb, then run each fuzz target briefly (build-asan)
#   packaging/setup.sh test --sanitizers   the same, and then the whole suite under ASan+UBSan
#                             (the same clang build, build-asan) and the tests labelled `threads`
#                             under TSan (build-tsan, only those targets built)
#   packaging/setup.sh test --quick   the same without any sanitizer build (for development)
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
  libfftw3-dev libeigen3-dev libsndfile1-dev libsoxr-dev libmpg123-dev
  zlib1g-dev libbenchmark-dev libhnswlib-dev libsvm-dev liblinear-dev libtorch-dev
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-libav
  libgl1-mesa-dri xvfb xauth python3-numpy umap-learn python3-sklearn
  desktop-file-utils appstream dpkg-dev ccache lintian
  clang-14 libclang-rt-14-dev
  slurm-wlm munge
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

# Every build goes through ccache when present, with paths relative to the checkout so that
# every clone shares one cache. Called after install_deps: on a fresh machine ccache arrives
# with the packages, and the first build must already fill the cache.
launcher=()
use_ccache() {
  command -v ccache >/dev/null || return 0
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
  export CCACHE_BASEDIR="$here" CCACHE_NOHASHDIR=1
  # The normal, ASan and TSan object files together outgrow ccache's default 5 GB beside other
  # checkouts; an evicted cache turns the next run into a cold build.
  export CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-8G}"
}

build() {
  cmake -S "$here" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" \
        -DGENRESCOPE_WERROR="${GENRESCOPE_WERROR:-ON}" >/dev/null
  cmake --build "$build_dir" -j "$(nproc)"
}

# The sanitizer builds (README "Sanitizers and fuzzing"). Each CTest test of these builds gets
# its runtime options and suppression files from cmake/Sanitizers.cmake (ASan, LSan and UBSan halt
# on the first finding with exit code 86; suppressions name only code that is not ours), so the
# plain ctest calls below run with them.
# build-asan (preset dev-asan = fuzz, clang-14): ASan+UBSan with -fno-sanitize-recover=undefined
# and libFuzzer coverage: one build for the libFuzzer targets (label fuzz, GENRESCOPE_FUZZ_SECONDS
# each) and, with --sanitizers, the whole suite (all but the Slurm test, label cluster).
fuzz_tests() {
  local t0=$SECONDS
  echo "setup: building the fuzz targets (build-asan)" >&2
  (cd "$here" && cmake --preset fuzz "${launcher[@]}" >/dev/null)
  cmake --build "$here/build-asan" -j "$(nproc)" --target fuzzers
  echo "setup: each fuzz target for a short time" >&2
  run_tests_in "$here/build-asan" -L fuzz
  echo "setup: fuzzing took $((SECONDS - t0)) s" >&2
}

asan_suite() {
  local t0=$SECONDS
  echo "setup: ASan+UBSan: building the whole suite (build-asan)" >&2
  (cd "$here" && cmake --preset dev-asan "${launcher[@]}" >/dev/null)
  cmake --build "$here/build-asan" -j "$(nproc)"
  echo "setup: ASan+UBSan: the whole suite" >&2
  run_tests_in "$here/build-asan" -LE 'cluster|fuzz' "$@"
  echo "setup: ASan+UBSan build and suite took $((SECONDS - t0)) s" >&2
}

# build-tsan (preset dev-tsan, clang-14): ThreadSanitizer; only the test targets labelled
# `threads` (and what they run) are built.
tsan_suite() {
  local t0=$SECONDS
  echo "setup: TSan: building the tests labelled threads (build-tsan)" >&2
  (cd "$here" && cmake --preset dev-tsan "${launcher[@]}" >/dev/null)
  local targets
  mapfile -t targets < <(ctest --test-dir "$here/build-tsan" -N -L threads | sed -n 's/^ *Test *#[0-9]*: *//p')
  [ "${#targets[@]}" -gt 0 ] || { echo "setup: TSan: no test labelled threads" >&2; exit 1; }
  cmake --build "$here/build-tsan" -j "$(nproc)" --target "${targets[@]}"
  echo "setup: TSan: ${targets[*]}" >&2
  run_tests_in "$here/build-tsan" -L threads "$@"
  echo "setup: TSan build and run took $((SECONDS - t0)) s" >&2
}

run_tests_in() {
  local dir="$1"; shift
  QT_QPA_PLATFORM=offscreen ctest --test-dir "$dir" --output-on-failure -j "$(nproc)" --timeout 900 "$@"
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
  build) install_deps; use_ccache; build ;;
  test)
    mode=fuzz
    case "${1:-}" in
      --quick) mode=quick; shift ;;
      --sanitizers) mode=sanitizers; shift ;;
    esac
    install_deps; use_ccache; build; run_tests_in "$build_dir" "$@"; "$here/packaging/check-deb.sh" "$build_dir"
    [ "$mode" = quick ] || fuzz_tests
    if [ "$mode" = sanitizers ]; then asan_suite "$@"; tsan_suite "$@"; fi ;;
  run)   install_deps; use_ccache; build; run_app "$@" ;;
  *) echo "usage: $0 run|test [--quick|--sanitizers] [CTEST OPTION...]|deps|build" >&2; exit 2 ;;
esac
