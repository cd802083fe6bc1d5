#!/bin/sh
# install_test.sh BUILD WORK CONSUMER CXX PROGRAM...: installs the build tree into
# WORK/prefix, checks the installed files and programs, then builds and runs the
# outside consumer of faultline::router found with find_package and with pkg-config.
set -eu
build=$1
work=$2
consumer=$3
cxx=$4
shift 4
prefix=$work/prefix
rm -rf "$work"
mkdir -p "$work"
cmake --install "$build" --prefix "$prefix" >"$work/install.log"

fail() { echo "FAIL: $*"; exit 1; }
libdir=$(sed -n 's/^CMAKE_INSTALL_LIBDIR:PATH=//p' "$build/CMakeCache.txt")
for f in share/faultline/schema/scenario.schema.json share/faultline/schema/topology.schema.json \
         share/faultline/scenarios/reference.json share/faultline/scenarios/topologies/foundry-two-region.json \
         share/faultline/scenarios/schema/scenario.schema.json share/doc/faultline/README.md \
         share/doc/faultline/docs/install.md include/faultline/router/router.hpp \
         "$libdir/libfaultline_router.a" "$libdir/cmake/faultline/faultlineConfig.cmake" \
         "$libdir/cmake/faultline/faultlineConfigVersion.cmake" "$libdir/pkgconfig/faultline-router.pc"; do
  [ -f "$prefix/$f" ] || fail "$f is not installed"
done
for program in "$@"; do
  [ -x "$prefix/bin/$program" ] || fail "bin/$program is not installed"
  [ -f "$prefix/share/man/man1/$program.1.gz" ] || fail "share/man/man1/$program.1.gz is not installed"
done
# The installed program on an installed example: the linter finds the 9 errors and
# 6 warnings the mistakes file is made of (as in tests/topology/topology_cli_test.cpp).
status=0
"$prefix/bin/faultline" lint "$prefix/share/faultline/scenarios/topologies/foundry-two-region-mistakes.json" \
  >"$work/lint.txt" || status=$?
[ "$status" -eq 1 ] || fail "installed faultline lint exited $status, expected 1 (error findings)"
grep -q "9 error(s), 6 warning(s), 0 info" "$work/lint.txt" || fail "installed faultline lint: $(tail -1 "$work/lint.txt")"
"$prefix/bin/faultline" --version | grep -q "^faultline " || fail "installed faultline --version"

# The router library must not need the sanitizers (a FAULTLINE_SANITIZE build installs a plain copy):
# the consumer is compiled and linked without them.
unset ASAN_OPTIONS UBSAN_OPTIONS
consume() {  # consume NAME CMAKE_ARGS...: configure, build and run the consumer
  name=$1
  shift
  cmake -S "$consumer" -B "$work/$name" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=Release "$@" \
    >"$work/$name.configure.log" 2>&1 || { cat "$work/$name.configure.log"; fail "$name: configure"; }
  cmake --build "$work/$name" >"$work/$name.build.log" 2>&1 || { cat "$work/$name.build.log"; fail "$name: build"; }
  "$work/$name/router_round" || fail "$name: the pick/report round gave other picks"
  echo "$name: consumer built and passed"
}
consume find_package -DCMAKE_PREFIX_PATH="$prefix"
PKG_CONFIG_PATH="$prefix/$libdir/pkgconfig" consume pkg_config -DCONSUMER_USE_PKG_CONFIG=ON
# The version file refuses the next minor release (0.x: minors may break; docs/install.md).
version=$(sed -n 's/^set(PACKAGE_VERSION "\(.*\)")/\1/p' "$prefix/$libdir/cmake/faultline/faultlineConfigVersion.cmake")
next=$(echo "$version" | awk -F. '{ print ($1 == 0) ? "0." ($2 + 1) : ($1 + 1) ".0" }')
if cmake -S "$consumer" -B "$work/too_new" -DCMAKE_PREFIX_PATH="$prefix" -DCONSUMER_FAULTLINE_VERSION="$next" \
    >"$work/too_new.log" 2>&1; then
  fail "find_package(faultline $next) accepted the installed version $version"
fi
grep -q "faultlineConfig.cmake, version: $version" "$work/too_new.log" ||
  { cat "$work/too_new.log"; fail "find_package(faultline $next) failed for another reason"; }
echo "installed into $prefix: files, programs ($*), find_package, pkg-config pass; $next refused for $version"
