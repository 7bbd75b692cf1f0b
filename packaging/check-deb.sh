#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# packaging/check-deb.sh BUILD_DIR
# Builds the Debian package from a configured and built BUILD_DIR (cpack -G DEB), installs it
# on this machine with apt-get (root, or sudo), and checks the INSTALLED result:
#   - file name genrescope_<version>_<arch>.deb and the runtime Depends;
#   - /usr/bin/genrescope-cli --version and --help, and `features` on a demo clip (a corpus
#     clip shipped in /usr/share/genrescope/demo): two .npy files of the right shapes and
#     summary.csv with the genre;
#   - the demo library against its manifest (sha256);
#   - desktop-file-validate and appstreamcli validate --no-net on the installed files;
#   - lintian on the .deb: any error fails, warnings are printed;
#   - the DEP-5 copyright file and the changelog in /usr/share/doc/genrescope.
# Exits non-zero on the first failure. Leaves the package installed.
set -euo pipefail

build_dir="${1:?usage: $0 BUILD_DIR}"
build_dir="$(cd "$build_dir" && pwd)"
app_id=io.github.genrescope.GenreScope
cli=/usr/bin/genrescope-cli

fail() { echo "check-deb: FAIL: $*" >&2; exit 1; }
step() { echo "check-deb: $*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# --- build the package ------------------------------------------------------------------
version="$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build_dir/CPackConfig.cmake")"
release="$(sed -n 's/^set(CPACK_DEBIAN_PACKAGE_RELEASE "\(.*\)")$/\1/p' "$build_dir/CPackConfig.cmake")"
[ -n "$version" ] && [ -n "$release" ] ||
  fail "no CPackConfig.cmake with a version and a Debian release in $build_dir (configure first)"
deb_version="$version-$release"   # the package's Version; the programs print the upstream $version
arch="$(dpkg --print-architecture)"
deb="$build_dir/genrescope_${deb_version}_${arch}.deb"
rm -f "$build_dir"/genrescope_*.deb
step "cpack -G DEB in $build_dir"
(cd "$build_dir" && cpack -G DEB --config CPackConfig.cmake >"$work/cpack.log" 2>&1) ||
  { cat "$work/cpack.log" >&2; fail "cpack failed"; }
[ -f "$deb" ] || { ls "$build_dir"/*.deb >&2 || true; fail "expected $deb"; }
step "built $(basename "$deb") ($(du -h "$deb" | cut -f1))"

depends="$(dpkg-deb -f "$deb" Depends)"
for p in libqt6core6 libqt6gui6 libqt6multimedia6 libqt6sql6-sqlite libqt6svg6 qt6-qpa-plugins \
         gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-libav \
         libsndfile1 libmpg123-0 libsoxr0 libfftw3-single3 libsvm3 liblinear4; do
  grep -Eq "(^|, )$p( |,|$)" <<<"$depends" || fail "Depends lacks $p: $depends"
done
[ "$(dpkg-deb -f "$deb" Section)" = sound ] || fail "Section is not sound"

# lintian's exit status is non-zero when it reports an error (--fail-on error); the rest is shown.
step "lintian $(basename "$deb")"
lintian --fail-on error --display-info "$deb" >"$work/lintian.log" 2>&1 ||
  { cat "$work/lintian.log" >&2; fail "lintian reports errors"; }
if [ -s "$work/lintian.log" ]; then sed 's/^/check-deb:   /' "$work/lintian.log" >&2; else step "lintian: clean"; fi

# --- install it -------------------------------------------------------------------------
step "apt-get install ./$(basename "$deb")"
(cd "$build_dir" && as_root env DEBIAN_FRONTEND=noninteractive \
   apt-get install -y -q -o DPkg::Lock::Timeout=600 --reinstall --no-install-recommends "./$(basename "$deb")") \
   >"$work/apt.log" 2>&1 || { cat "$work/apt.log" >&2; fail "apt-get install failed"; }
[ "$(dpkg-query -W -f='${Version}' genrescope)" = "$deb_version" ] || fail "genrescope $deb_version not installed"
for f in "$cli" /usr/share/applications/$app_id.desktop /usr/share/metainfo/$app_id.metainfo.xml \
         /usr/share/icons/hicolor/scalable/apps/$app_id.svg \
         /usr/share/icons/hicolor/{48x48,128x128,256x256}/apps/$app_id.png \
         /usr/share/man/man1/genrescope-cli.1.gz /usr/share/genrescope/demo/CREDITS.md \
         /usr/share/doc/genrescope/copyright /usr/share/doc/genrescope/changelog.Debian.gz \
         /usr/share/genrescope/slurm/genrescope-array.sbatch /usr/share/genrescope/slurm/genrescope-submit; do
  [ -s "$f" ] || fail "not installed: $f"
done
# (list first: grep -q closing the pipe early would fail the pipeline under pipefail)
listing="$(dpkg-deb -c "$deb")"
if grep -q '\./usr/bin/genrescope$' <<<"$listing"; then
  [ -x /usr/bin/genrescope ] || fail "not installed: /usr/bin/genrescope"
  [ -s /usr/share/man/man1/genrescope.1.gz ] || fail "not installed: genrescope.1.gz"
  gui_version="$(/usr/bin/genrescope --version 2>/dev/null)" || fail "/usr/bin/genrescope --version failed"
  step "$gui_version (GUI installed)"
else
  step "NOTE: this build has no GUI target; the package holds genrescope-cli only"
fi

# --- run the installed CLI, away from the user's own data ----------------------------------
export HOME="$work/home" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" \
       XDG_CACHE_HOME="$work/cache" GENRESCOPE_LIBRARY="$work/library"
unset GENRESCOPE_DEMO_DIR
mkdir -p "$HOME"
out="$("$cli" --version)" || fail "$cli --version exited $?"
[ "$out" = "genrescope-cli $version" ] || fail "$cli --version printed '$out'"
"$cli" --help >"$work/help.txt" || fail "$cli --help exited non-zero"
grep -q '^Usage: genrescope-cli' "$work/help.txt" || fail "$cli --help printed no usage"
step "$out; --help ok"

clip=/usr/share/genrescope/demo/metal/01-armygeddon.mp3
[ -s "$clip" ] || fail "demo clip missing: $clip"
"$cli" features --help >/dev/null 2>&1 || fail "$cli features --help exited non-zero"
"$cli" features "$clip" --out "$work/features" 2>"$work/features.log" ||
  { cat "$work/features.log" >&2; fail "$cli features $clip exited non-zero"; }
# .npy: magic "\x93NUMPY", then a header dict holding 'shape': (rows, frames).
npy_shape() { head -c 200 "$1" | tr -d '\000' | grep -ao "'shape': ([0-9]*, [0-9]*)" | tr -dc '0-9,'; }
mel="$work/features/01-armygeddon.mel_db.npy"
mfcc="$work/features/01-armygeddon.mfcc.npy"
for f in "$mel" "$mfcc"; do
  [ -s "$f" ] || fail "features wrote no $(basename "$f")"
  [ "$(head -c 6 "$f" | tail -c 5)" = NUMPY ] || fail "$(basename "$f") is not a .npy file"
done
mel_shape="$(npy_shape "$mel")"; mfcc_shape="$(npy_shape "$mfcc")"
[ "${mel_shape%%,*}" = 128 ] || fail "mel_db.npy shape '$mel_shape' is not (128, frames)"
[ "${mfcc_shape%%,*}" = 20 ] || fail "mfcc.npy shape '$mfcc_shape' is not (20, frames)"
[ "${mel_shape#*,}" = "${mfcc_shape#*,}" ] || fail "mel ($mel_shape) and mfcc ($mfcc_shape) frame counts differ"
[ "$(grep -c . "$work/features/summary.csv")" -eq 2 ] || fail "summary.csv does not hold a header and one row"
grep -q '^path,genre' "$work/features/summary.csv" || fail "summary.csv header is not path,genre,..."
grep -q ',metal,' "$work/features/summary.csv" || fail "summary.csv does not give the genre metal"
step "features: mel_db ($mel_shape) mfcc ($mfcc_shape) summary.csv"

# The neural-network module (mlp, cnn) from the installed tree: found next to the program,
# libtorch loaded only then; an mlp trained on the installed demo predicts a clip.
module=/usr/lib/genrescope/libgenrescope-torch.so
if grep -q '\./usr/lib/genrescope/libgenrescope-torch\.so$' <<<"$(dpkg-deb -c "$deb")"; then
  cli_libs="$(ldd "$cli")"
  ! grep -q libtorch <<<"$cli_libs" || fail "$cli links libtorch (it must load it on demand only)"
  "$cli" classify train /usr/share/genrescope/demo --classifier mlp --epochs 5 --folds 2 --group-by none \
    --model "$work/demo-mlp.gsm" >"$work/mlp.log" 2>&1 || { cat "$work/mlp.log" >&2; fail "classify train --classifier mlp"; }
  "$cli" classify predict --model "$work/demo-mlp.gsm" "$clip" >"$work/mlp.csv" 2>"$work/mlp.err" ||
    { cat "$work/mlp.err" >&2; fail "classify predict with the mlp model"; }
  [ "$(grep -c . "$work/mlp.csv")" -eq 2 ] || fail "classify predict (mlp) did not print a header and one row"
  step "mlp: trained and predicted with $module"
else
  step "NOTE: this package has no neural-network module (built without libtorch-dev)"
fi

# --- installed demo and metadata ----------------------------------------------------------
(cd /usr/share/genrescope/demo &&
 tail -n +2 manifest.csv | awk -F, '{sub(/\r$/, ""); print $NF "  " $1}' | sha256sum --quiet -c -) ||
  fail "installed demo does not match its manifest"
desktop-file-validate /usr/share/applications/$app_id.desktop || fail "desktop-file-validate"
appstreamcli validate --no-net /usr/share/metainfo/$app_id.metainfo.xml >"$work/as.log" 2>&1 ||
  { cat "$work/as.log" >&2; fail "appstreamcli validate"; }
gzip -t /usr/share/man/man1/genrescope-cli.1.gz || fail "man page is not valid gzip"
# The copyright file is DEP-5 and names the licence of every installed demo clip.
copyright=/usr/share/doc/genrescope/copyright
head -1 "$copyright" | grep -q '^Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' ||
  fail "$copyright is not DEP-5"
grep -q '^License: GPL-3+$' "$copyright" || fail "$copyright does not give the program's GPL-3+"
(cd /usr/share/genrescope/demo && find . -name '*.mp3' | sed 's|^\./|resources/demo/|') >"$work/clips.txt"
while read -r clip; do
  grep -Eq "^(Files:)? +$clip\$" "$copyright" || fail "$copyright has no Files entry for $clip"
done <"$work/clips.txt"
zcat /usr/share/doc/genrescope/changelog.Debian.gz | head -1 | grep -q "^genrescope ($deb_version) " ||
  fail "changelog.Debian.gz does not start with genrescope ($deb_version)"
step "PASS: $(basename "$deb") installs; CLI, demo, desktop entry and metainfo check out"
