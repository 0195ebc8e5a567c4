# SPDX-License-Identifier: MIT
# lotse_options: one INTERFACE target with warnings and sanitizers; every target links it PRIVATE.
add_library(lotse_options INTERFACE)
target_compile_options(lotse_options INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
  # GCC 12 reports false positives inside Boost.Graph and libstdc++ at -O2 (GCC bugs 105562, 105329, 106199).
  $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized -Wno-restrict -Wno-stringop-overflow -Wno-array-bounds>)
if(LOTSE_WERROR)
  target_compile_options(lotse_options INTERFACE -Werror)
endif()
if(LOTSE_SANITIZE)
  target_compile_options(lotse_options INTERFACE -fsanitize=${LOTSE_SANITIZE} -fno-omit-frame-pointer
                                                 -fno-sanitize-recover=all)
  target_link_options(lotse_options INTERFACE -fsanitize=${LOTSE_SANITIZE})
endif()

# Declares a layer library from all .cpp files of its folder (and sub-folders given in ARGN).
# Adding a unit is adding its files; CONFIGURE_DEPENDS re-runs the glob on every build.
function(lotse_layer name dir)
  set(patterns ${dir}/*.cpp)
  foreach(sub IN LISTS ARGN)
    list(APPEND patterns ${dir}/${sub}/*.cpp)
  endforeach()
  file(GLOB sources CONFIGURE_DEPENDS ${patterns})
  add_library(${name} STATIC ${sources})
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR})
  target_link_libraries(${name} PRIVATE lotse_options)
endfunction()

# libFuzzer harnesses (fuzz/, docs/fuzzing.md): clang only. Every library gets the coverage
# instrumentation (-fsanitize=fuzzer-no-link); only the harness executables link libFuzzer's main.
option(LOTSE_FUZZ "Build the libFuzzer harnesses in fuzz/ (needs clang and libclang-rt-14-dev)" OFF)
if(LOTSE_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "LOTSE_FUZZ=ON needs clang: -DCMAKE_CXX_COMPILER=clang++ (apt-get install clang libclang-rt-14-dev)")
  endif()
  target_compile_options(lotse_options INTERFACE -fsanitize=fuzzer-no-link -fno-omit-frame-pointer)
  target_link_options(lotse_options INTERFACE -fsanitize=fuzzer-no-link)
endif()
