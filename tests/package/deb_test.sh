#!/bin/sh
# deb_test.sh BUILD WORK PROGRAM...: `cpack -G DEB` makes faultline and faultline-dev;
# the runtime package holds the programs, man pages, schemas and scenarios, and its
# Depends names the package of every shared library the programs link (from their
# NEEDED entries, looked up with dpkg -S), and no -dev package; faultline-dev holds
# the router's headers, library, CMake package and pkg-config file.
set -eu
build=$1
work=$2
shift 2
rm -rf "$work"
mkdir -p "$work"
fail() { echo "FAIL: $*"; exit 1; }
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work" >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail "cpack"; }
runtime=$(ls "$work"/faultline_*.deb)
dev=$(ls "$work"/faultline-dev_*.deb)
dpkg-deb -c "$runtime" | awk '{ print $6 }' >"$work/runtime.files"
dpkg-deb -c "$dev" | awk '{ print $6 }' >"$work/dev.files"

has() {  # has LIST PATH
  grep -qxF "$2" "$1" || fail "$(basename "$1" .files) package has no $2"
}
for program in "$@"; do
  has "$work/runtime.files" "./usr/bin/$program"
  has "$work/runtime.files" "./usr/share/man/man1/$program.1.gz"
done
has "$work/runtime.files" ./usr/share/faultline/schema/scenario.schema.json
has "$work/runtime.files" ./usr/share/faultline/schema/topology.schema.json
has "$work/runtime.files" ./usr/share/faultline/scenarios/reference.json
has "$work/runtime.files" ./usr/share/doc/faultline/README.md
has "$work/dev.files" ./usr/include/faultline/router/router.hpp
grep -q '^\./usr/lib/\(.*/\)\?libfaultline_router\.a$' "$work/dev.files" || fail "dev package has no libfaultline_router.a"
grep -q '^\./usr/lib/\(.*/\)\?cmake/faultline/faultlineConfig\.cmake$' "$work/dev.files" || fail "dev package has no faultlineConfig.cmake"
grep -q '^\./usr/lib/\(.*/\)\?pkgconfig/faultline-router\.pc$' "$work/dev.files" || fail "dev package has no faultline-router.pc"
if grep -q '^\./usr/include/' "$work/runtime.files"; then fail "runtime package holds headers"; fi
if grep -q '^\./usr/bin/' "$work/dev.files"; then fail "dev package holds programs"; fi

depends=$(dpkg-deb -f "$runtime" Depends)
echo "Depends: $depends"
# Package names only: "libc6 (>= 2.34), libstdc++6 (>= 12)" -> "libc6 libstdc++6".
names=" $(printf '%s\n' "$depends" | tr ',' '\n' | sed 's/^ *//; s/ .*//' | tr '\n' ' ')"
case "$names" in *-dev\ *) fail "Depends names a -dev package: $depends" ;; esac
dpkg-deb -x "$runtime" "$work/root"
needed=0
for program in "$@"; do
  paths=$(ldd "$work/root/usr/bin/$program" | awk '$2 == "=>" && $3 ~ /^\// { print $1 "=" $3 }')
  for library in $(objdump -p "$work/root/usr/bin/$program" | awk '$1 == "NEEDED" { print $2 }'); do
    path=$(printf '%s\n' "$paths" | sed -n "s|^$library=||p" | head -1)
    [ -n "$path" ] || fail "$program: ldd does not resolve $library"
    owner=$(dpkg -S "$path" 2>/dev/null || dpkg -S "$(readlink -f "$path")" 2>/dev/null) ||
      fail "$program: no Debian package owns $path"
    package=$(printf '%s\n' "$owner" | head -1 | sed 's/:.*//')
    case "$names" in *" $package "*) needed=$((needed + 1)) ;; *) fail "$program links $library ($package), Depends lacks it" ;; esac
  done
done
[ "$needed" -gt 0 ] || fail "found no NEEDED libraries"
echo "$(wc -l <"$work/runtime.files") files in $(basename "$runtime"), $(wc -l <"$work/dev.files") in $(basename "$dev"); $needed linked libraries all in Depends"
