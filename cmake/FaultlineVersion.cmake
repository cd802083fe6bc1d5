# Generates faultline/version.hpp at build time (not configure time) so the git
# commit printed by `faultline --version` is never stale.
set(FAULTLINE_VERSION_DIR ${CMAKE_BINARY_DIR}/generated)
add_custom_target(faultline_version_header
  COMMAND ${CMAKE_COMMAND}
    -DSOURCE_DIR=${CMAKE_SOURCE_DIR}
    -DOUTPUT=${FAULTLINE_VERSION_DIR}/faultline/version.hpp
    -DVERSION=${PROJECT_VERSION}
    -P ${CMAKE_CURRENT_LIST_DIR}/WriteVersion.cmake
  BYPRODUCTS ${FAULTLINE_VERSION_DIR}/faultline/version.hpp
  COMMENT "Checking faultline version header")
