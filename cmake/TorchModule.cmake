# SPDX-License-Identifier: GPL-3.0-or-later
# The neural-network module (core/dsp/classify/torch): whether it is built and where it lives.
#
# GENRESCOPE_TORCH (default ON, OFF in sanitizer builds: libtorch is not built with ASan/TSan
#   and must not be loaded into an instrumented process). OFF builds the programs without it:
#   the mlp and cnn classifiers then fail with a one-line reason, and their tests skip.
# GENRESCOPE_MODULE_BUILD_DIR: <build>/lib/genrescope; every program of the build tree has it
#   in its build RPATH (dlopen of the bare file name finds it there). The installed programs
#   have no RPATH (CMake drops the build RPATH on install).
# GENRESCOPE_MODULE_INSTALL_DIR: <libdir>/genrescope, and GENRESCOPE_MODULE_RELDIR the same
#   relative to <bindir>, compiled into dsp::TorchLibrary (found from the executable's folder).
if(GENRESCOPE_SANITIZE OR GENRESCOPE_FUZZ)
  set(_gs_torch_default OFF)
else()
  set(_gs_torch_default ON)
endif()
option(GENRESCOPE_TORCH "Build the mlp/cnn classifier module on libtorch (off under sanitizers)" ${_gs_torch_default})
set(GENRESCOPE_MODULE_BUILD_DIR ${PROJECT_BINARY_DIR}/lib/genrescope)
set(GENRESCOPE_MODULE_INSTALL_DIR ${CMAKE_INSTALL_LIBDIR}/genrescope)
file(RELATIVE_PATH GENRESCOPE_MODULE_RELDIR ${CMAKE_INSTALL_FULL_BINDIR} ${CMAKE_INSTALL_FULL_LIBDIR}/genrescope)
if(GENRESCOPE_TORCH)
  list(APPEND CMAKE_BUILD_RPATH ${GENRESCOPE_MODULE_BUILD_DIR})
endif()
