# SPDX-License-Identifier: GPL-3.0-or-later
# Sanitizer builds (see CMakePresets.json: dev-asan, dev-tsan, fuzz).
#
# GENRESCOPE_SANITIZE: empty (normal build), "address,undefined" or "thread". Applies to every
#   target of the project (the libraries, the apps and the tests), never to Qt or the system
#   libraries, which stay uninstrumented. UBSan never recovers: the first finding fails the test.
# GENRESCOPE_FUZZ (clang only) adds libFuzzer's coverage instrumentation (fuzzer-no-link) to
#   an ASan+UBSan build and the fuzz targets of tests/fuzz (linked with -fsanitize=fuzzer), so
#   that one build runs both the whole suite and the fuzzers (dev-asan). It implies
#   address,undefined when GENRESCOPE_SANITIZE is empty.
# GENRESCOPE_SANITIZER_ENV: the environment every CTest test gets in such a build (the runtime
#   options and the suppression files in tests/sanitizers/), so that a plain `ctest` in the
#   build folder runs with them. Each option is explained where it is set.
# GENRESCOPE_ASAN_IGNORE_FLAGS: for the few source files that compile third-party header code
#   ASan must not instrument (tests/sanitizers/asan-ignorelist.txt says which and why); empty
#   in other builds.
# GENRESCOPE_TIMEOUT_SCALE: sanitized code runs 2-15x slower; CTest time-outs are multiplied by it.
set(GENRESCOPE_SANITIZE "" CACHE STRING "Sanitizers for the whole build: empty, address,undefined or thread")
set_property(CACHE GENRESCOPE_SANITIZE PROPERTY STRINGS "" "address,undefined" "thread")

set(GENRESCOPE_SANITIZER_ENV "")
set(GENRESCOPE_ASAN_IGNORE_FLAGS "")
set(GENRESCOPE_TIMEOUT_SCALE 1)
set(_gs_supp "${PROJECT_SOURCE_DIR}/tests/sanitizers")
set(_gs_sanitize "${GENRESCOPE_SANITIZE}")
if(GENRESCOPE_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "GENRESCOPE_FUZZ needs clang (e.g. -DCMAKE_CXX_COMPILER=clang++-14)")
  endif()
  if(_gs_sanitize STREQUAL "")
    set(_gs_sanitize "address,undefined")
  elseif(NOT _gs_sanitize STREQUAL "address,undefined")
    message(FATAL_ERROR "GENRESCOPE_FUZZ goes with GENRESCOPE_SANITIZE=address,undefined (not ${_gs_sanitize})")
  endif()
endif()
if(_gs_sanitize STREQUAL "address,undefined")
  if(GENRESCOPE_FUZZ)
    add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
                        -fno-omit-frame-pointer)
  else()
    add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  endif()
  add_link_options(-fsanitize=address,undefined)
  # ccache does not hash the list's content: its checksum in a definition makes an edit of the
  # list recompile those files (and CMake re-configure).
  file(MD5 "${_gs_supp}/asan-ignorelist.txt" _gs_ignore_md5)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${_gs_supp}/asan-ignorelist.txt")
  set(GENRESCOPE_ASAN_IGNORE_FLAGS "-fsanitize-ignorelist=${_gs_supp}/asan-ignorelist.txt"
                                   "-DGENRESCOPE_ASAN_IGNORELIST_MD5=${_gs_ignore_md5}")
  # exitcode=86 (ASan, LSan and UBSan): a finding in a program that a test runs (genrescope-cli
  # under QProcess) shows as an exit code no command of ours uses, so a test that expects exit
  # code 1 or 2 does not take the finding for the expected failure.
  set(_asan
      halt_on_error=1               # the first error ends the process (also the default)
      exitcode=86
      detect_leaks=1                # LeakSanitizer at exit (lsan.supp lists what system libraries keep)
      detect_stack_use_after_return=1
      check_initialization_order=1  # static initialisers that read another file's globals
      strict_init_order=1)
  set(_lsan
      suppressions=${_gs_supp}/lsan.supp
      print_suppressions=0)         # keep the log of a green run short
  set(_ubsan
      print_stacktrace=1            # a finding names the whole call chain, not only the line
      halt_on_error=1
      exitcode=86)
  list(JOIN _asan ":" _asan)
  list(JOIN _lsan ":" _lsan)
  list(JOIN _ubsan ":" _ubsan)
  set(GENRESCOPE_SANITIZER_ENV "ASAN_OPTIONS=${_asan}" "LSAN_OPTIONS=${_lsan}" "UBSAN_OPTIONS=${_ubsan}")
  set(GENRESCOPE_TIMEOUT_SCALE 4)
elseif(_gs_sanitize STREQUAL "thread")
  add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
  add_link_options(-fsanitize=thread)
  set(_tsan
      suppressions=${_gs_supp}/tsan.supp
      halt_on_error=1               # the first race fails the test (as UBSan does)
      second_deadlock_stack=1)      # lock-order reports show both acquisitions
  list(JOIN _tsan ":" _tsan)
  set(GENRESCOPE_SANITIZER_ENV "TSAN_OPTIONS=${_tsan}")
  set(GENRESCOPE_TIMEOUT_SCALE 6)
elseif(NOT _gs_sanitize STREQUAL "")
  message(FATAL_ERROR "GENRESCOPE_SANITIZE must be empty, address,undefined or thread (not ${_gs_sanitize})")
endif()
unset(_gs_supp)
unset(_gs_sanitize)
