# Install rules (docs/install.md): the executables with a man page each, the JSON
# Schemas, the shipped scenarios as examples, the docs (component `runtime`), and
# the router as a library other projects find with find_package or pkg-config
# (component `dev`). Included from the top-level CMakeLists after the modules.
include(CMakePackageConfigHelpers)

# Every executable faultline ships, in one place: a name here gets installed, a man
# page generated from its --help, packaged and tested (tests/package) when its
# target exists in this build (faultline-gui, faultline-mpi and faultline-gateway
# are optional).
set(FAULTLINE_EXECUTABLES faultline faultline-gui faultline-mpi faultline-gateway)

set(FAULTLINE_MAN_DIR ${PROJECT_BINARY_DIR}/man)
set(FAULTLINE_INSTALLED_EXECUTABLES)
foreach(program IN LISTS FAULTLINE_EXECUTABLES)
  if(NOT TARGET ${program})
    continue()
  endif()
  list(APPEND FAULTLINE_INSTALLED_EXECUTABLES ${program})
  install(TARGETS ${program} RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
  # Generated at build time from the built program, so the page cannot go stale.
  add_custom_command(OUTPUT ${FAULTLINE_MAN_DIR}/${program}.1 ${FAULTLINE_MAN_DIR}/${program}.1.gz
    COMMAND ${CMAKE_COMMAND} -E make_directory ${FAULTLINE_MAN_DIR}
    COMMAND sh ${PROJECT_SOURCE_DIR}/cmake/help-to-man.sh $<TARGET_FILE:${program}> ${program}
      ${PROJECT_VERSION} ${FAULTLINE_MAN_DIR}/${program}.1
    DEPENDS ${program} ${PROJECT_SOURCE_DIR}/cmake/help-to-man.sh
    COMMENT "Man page ${program}.1 from ${program} --help"
    VERBATIM)
  list(APPEND FAULTLINE_MAN_PAGES ${FAULTLINE_MAN_DIR}/${program}.1)
  install(FILES ${FAULTLINE_MAN_DIR}/${program}.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT runtime)
endforeach()
add_custom_target(faultline_man_pages ALL DEPENDS ${FAULTLINE_MAN_PAGES})

install(DIRECTORY ${PROJECT_SOURCE_DIR}/scenarios/schema/
  DESTINATION ${CMAKE_INSTALL_DATADIR}/faultline/schema COMPONENT runtime)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/scenarios/
  DESTINATION ${CMAKE_INSTALL_DATADIR}/faultline/scenarios COMPONENT runtime
  PATTERN schema EXCLUDE)
# The scenarios name their schema as "schema/...": a link keeps that path valid.
install(CODE "file(CREATE_LINK ../schema
  \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_DATADIR}/faultline/scenarios/schema\" SYMBOLIC)"
  COMPONENT runtime)
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT runtime)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs COMPONENT runtime)

# The router for other projects. A sanitizer build instruments faultline_router and
# makes everything linking it link the sanitizers; an outside project must not need
# them, so such a build installs a plain copy compiled from the same sources.
set(router_library faultline_router)
if(FAULTLINE_SANITIZE)
  get_target_property(router_sources faultline_router SOURCES)
  get_target_property(router_dir faultline_router SOURCE_DIR)
  list(TRANSFORM router_sources PREPEND ${router_dir}/)
  add_library(faultline_router_uninstrumented STATIC ${router_sources})
  target_include_directories(faultline_router_uninstrumented PUBLIC
    $<BUILD_INTERFACE:${router_dir}/include> $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
  target_compile_features(faultline_router_uninstrumented PUBLIC cxx_std_20)
  faultline_apply_policy(faultline_router_uninstrumented UNINSTRUMENTED)
  set_target_properties(faultline_router_uninstrumented PROPERTIES OUTPUT_NAME faultline_router)
  set(router_library faultline_router_uninstrumented)
endif()
set_target_properties(${router_library} PROPERTIES EXPORT_NAME router)
install(TARGETS ${router_library} EXPORT faultlineRouterTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/router/include/faultline/router
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/faultline COMPONENT dev)

set(FAULTLINE_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/faultline)
install(EXPORT faultlineRouterTargets NAMESPACE faultline:: FILE faultline-router-targets.cmake
  DESTINATION ${FAULTLINE_CMAKE_DIR} COMPONENT dev)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/faultlineConfig.cmake.in
  ${PROJECT_BINARY_DIR}/package/faultlineConfig.cmake INSTALL_DESTINATION ${FAULTLINE_CMAKE_DIR})
# Semantic versioning: before 1.0 a minor release may break the API, from 1.0 only a major one.
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(router_compatibility SameMinorVersion)
else()
  set(router_compatibility SameMajorVersion)
endif()
write_basic_package_version_file(${PROJECT_BINARY_DIR}/package/faultlineConfigVersion.cmake
  COMPATIBILITY ${router_compatibility})
install(FILES ${PROJECT_BINARY_DIR}/package/faultlineConfig.cmake
  ${PROJECT_BINARY_DIR}/package/faultlineConfigVersion.cmake
  DESTINATION ${FAULTLINE_CMAKE_DIR} COMPONENT dev)

# pkg-config: paths relative to the .pc file, so any install prefix works.
file(RELATIVE_PATH FAULTLINE_PC_PREFIX /${CMAKE_INSTALL_LIBDIR}/pkgconfig /)
string(REGEX REPLACE "/$" "" FAULTLINE_PC_PREFIX "${FAULTLINE_PC_PREFIX}")
configure_file(${PROJECT_SOURCE_DIR}/cmake/faultline-router.pc.in ${PROJECT_BINARY_DIR}/package/faultline-router.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/package/faultline-router.pc
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT dev)
