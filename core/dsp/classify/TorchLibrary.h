// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The neural-network module (libgenrescope-torch.so, core/dsp/classify/torch), loaded on the
// first use of an mlp or cnn classifier and never unloaded; the programs do not link libtorch,
// so nothing of it is loaded before that (start-up stays free of it).
//
// Where it is looked for, in order (the first that loads wins):
//   1. $GENRESCOPE_TORCH_MODULE, when set: that file only (tests, unusual installs);
//   2. <folder of this executable>/<GENRESCOPE_MODULE_RELDIR>/libgenrescope-torch.so: the
//      install tree and the .deb (/usr/bin -> /usr/lib/genrescope);
//   3. the bare file name, which the dynamic loader finds through the executable's build
//      RPATH: the build tree (<build>/lib/genrescope).
// A build without the module (GENRESCOPE_TORCH=OFF, e.g. under sanitizers) never loads one.
// Threads: api() may be called from any thread; the first call loads, later calls return
// the same result (the loaded table, or the same one-line reason).
#include "torch/TorchAbi.h"

#include <string>
#include <vector>

namespace dsp {

class TorchLibrary
{
public:
    static constexpr const char* kFileName = "libgenrescope-torch.so";

    /// The module's functions, or nullptr with `error` (one line, printable) set.
    static const gs_torch_api* api(std::string* error = nullptr);
    /// Whether this build has the module at all (GENRESCOPE_TORCH).
    static bool built();
    /// The places tried, in order (see above).
    static std::vector<std::string> candidates();
};

} // namespace dsp
