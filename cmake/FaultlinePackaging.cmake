# CPack (docs/install.md): `cpack -G DEB` makes two Debian packages from the
# install components, faultline (runtime: executables, man pages, schemas,
# scenarios, docs) and faultline-dev (the router's headers, static library, CMake
# package and pkg-config file); `cpack --config CPackSourceConfig.cmake` makes the
# source tarball. Build packages from an optimised build: a FAULTLINE_SANITIZE
# build packages sanitizer-instrumented executables (the router library stays plain).
set(FAULTLINE_PACKAGE_CONTACT "faultline maintainers <maintainers@users.noreply.b-seed-75d06597.example>"
  CACHE STRING "Maintainer field of the Debian packages")

set(CPACK_PACKAGE_NAME faultline)
set(CPACK_PACKAGE_VENDOR faultline)
set(CPACK_PACKAGE_CONTACT ${FAULTLINE_PACKAGE_CONTACT})
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "resilience simulator and RTO/RPO planner for multi-region AI systems")
set(CPACK_PACKAGE_DESCRIPTION "faultline replays outages of multi-region AI systems under Hot/Hot, Hot/Warm
and Hot/Cold recovery patterns through the routing code a production gateway
runs, and reports RTO, RPO, availability and cost side by side.")
set(CPACK_RESOURCE_FILE_README ${PROJECT_SOURCE_DIR}/README.md)
set(CPACK_GENERATOR DEB)  # installs under /usr (the DEB generator's default prefix)
# Debian ships stripped binaries; the debug information stays in the build tree.
set(CPACK_STRIP_FILES ON)

set(CPACK_COMPONENTS_ALL runtime dev)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME faultline)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION science)
# graphviz for `faultline graph -o FILE.svg`, chromium for PDF reports.
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SUGGESTS "graphviz, chromium")
set(CPACK_DEBIAN_DEV_PACKAGE_NAME faultline-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEV_PACKAGE_SUGGESTS "g++ (>= 4:12), cmake (>= 3.25), pkg-config")

set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_PACKAGE_FILE_NAME faultline-${PROJECT_VERSION})
# Only what git tracks matters; these are what a working tree adds (worktrees have a .git file).
string(REGEX REPLACE "([][+.*()^$?|\\\\])" "\\\\\\1" source_root "${PROJECT_SOURCE_DIR}")
set(CPACK_SOURCE_IGNORE_FILES "^${source_root}/\\.git(/|$)" "^${source_root}/build" "^${source_root}/out/"
  "\\.swp$" "~$")

include(CPack)
cpack_add_component(runtime DISPLAY_NAME "faultline programs"
  DESCRIPTION "faultline, its companion programs, man pages, schemas, example scenarios and docs")
cpack_add_component(dev DISPLAY_NAME "router library"
  DESCRIPTION "faultline::router for other projects: headers, static library, CMake package, pkg-config file")
