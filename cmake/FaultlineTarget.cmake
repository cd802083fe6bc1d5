# Project-wide compile settings applied target by target, so that third-party
# sources (ImGui backends) compile without our warning policy.

if(FAULTLINE_FUZZ)
  # libFuzzer builds: every library instrumented for coverage, with ASan + UBSan (tests/fuzz/).
  set(FAULTLINE_SANITIZE ON)
  set(FAULTLINE_SANITIZER_FLAGS -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
    -fno-omit-frame-pointer)
elseif(FAULTLINE_SANITIZE)
  set(FAULTLINE_SANITIZER_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
endif()

# faultline_apply_policy(target [UNINSTRUMENTED]): warnings as errors and sanitizers for our
# own code (UNINSTRUMENTED: the warnings only, for libraries installed for other projects).
function(faultline_apply_policy target)
  cmake_parse_arguments(ARG "UNINSTRUMENTED" "" "" ${ARGN})
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
    -Wno-sign-conversion -Wnon-virtual-dtor -Wold-style-cast
    # Warnings are errors with the compiler CI builds with (GCC); clang's extra ones in a fuzz build are not.
    $<$<NOT:$<BOOL:${FAULTLINE_FUZZ}>>:-Werror>
    # GCC 12 at -O3 reports std::string concatenation as overlapping memcpy (GCC bug 105329).
    $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>
    # With -fsanitize GCC 12 reports boost::optional's storage in Boost.Graph's named_graph as
    # uninitialized (a known false positive of the sanitizer instrumentation); the optimised
    # build keeps both warnings.
    $<$<AND:$<CXX_COMPILER_ID:GNU>,$<BOOL:${FAULTLINE_SANITIZE}>>:-Wno-uninitialized -Wno-maybe-uninitialized>)
  if(FAULTLINE_SANITIZE AND NOT ARG_UNINSTRUMENTED)
    target_compile_options(${target} PRIVATE ${FAULTLINE_SANITIZER_FLAGS})
    target_link_options(${target} PRIVATE ${FAULTLINE_SANITIZER_FLAGS})
  endif()
endfunction()

# faultline_module(name SOURCES ... ): a library target faultline_<name> with the
# alias faultline::<name> and public headers under <module>/include.
function(faultline_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES" ${ARGN})
  add_library(faultline_${name} STATIC ${ARG_SOURCES})
  add_library(faultline::${name} ALIAS faultline_${name})
  # Installed headers sit under <prefix>/include (cmake/FaultlineInstall.cmake exports faultline::router).
  target_include_directories(faultline_${name} PUBLIC
    $<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/include> $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
  target_compile_features(faultline_${name} PUBLIC cxx_std_20)
  faultline_apply_policy(faultline_${name})
  if(FAULTLINE_SANITIZE)
    target_link_options(faultline_${name} INTERFACE ${FAULTLINE_SANITIZER_FLAGS})
  endif()
endfunction()
