#!/bin/sh
# source_tarball_test.sh BUILD WORK: the CPack source tarball holds the tracked
# sources (build scripts, tests, scenarios) and none of a working tree's build
# folders, outputs or git metadata.
set -eu
build=$1
work=$2
rm -rf "$work"
mkdir -p "$work"
fail() { echo "FAIL: $*"; exit 1; }
cpack --config "$build/CPackSourceConfig.cmake" -B "$work" >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail "cpack"; }
tarball=$(ls "$work"/faultline-*.tar.gz)
tar tzf "$tarball" >"$work/files"
top=$(head -1 "$work/files" | cut -d/ -f1)
for f in CMakeLists.txt README.md tools/test tools/demo tools/install-deps cmake/help-to-man.sh \
         scenarios/reference.json tests/package/consumer/CMakeLists.txt router/include/faultline/router/router.hpp; do
  grep -qxF "$top/$f" "$work/files" || fail "$(basename "$tarball") has no $f"
done
if grep -qE "^$top/(build|out)/|^$top/\.git(/|$)" "$work/files"; then
  fail "$(basename "$tarball") holds build output or git metadata: $(grep -E "^$top/(build|out)/|^$top/\.git" "$work/files" | head -3)"
fi
echo "$(basename "$tarball"): $(wc -l <"$work/files") entries"
