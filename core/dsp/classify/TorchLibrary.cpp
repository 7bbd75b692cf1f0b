// SPDX-License-Identifier: GPL-3.0-or-later
#include "TorchLibrary.h"

#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>
#include <mutex>

#ifndef GENRESCOPE_MODULE_RELDIR
#define GENRESCOPE_MODULE_RELDIR "../lib/genrescope"
#endif
#ifndef GENRESCOPE_TORCH_BUILT
#define GENRESCOPE_TORCH_BUILT 0
#endif

namespace dsp {
namespace {

std::string executableDir()
{
    std::string path(4096, '\0');
    const ssize_t n = ::readlink("/proc/self/exe", path.data(), path.size() - 1);
    if (n <= 0)
        return {};
    path.resize(size_t(n));
    const std::string::size_type slash = path.rfind('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

/// `s` on one line: control characters become '?'.
std::string oneLine(std::string s)
{
    for (char& c : s)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            c = '?';
    return s;
}

struct Loaded
{
    const gs_torch_api* api = nullptr;
    std::string error;
};

Loaded load()
{
    Loaded out;
    if (!TorchLibrary::built()) {
        out.error = "the mlp and cnn classifiers are not in this build (it was configured without the "
                    "neural-network module, as sanitizer builds are)";
        return out;
    }
    std::string reasons;
    for (const std::string& candidate : TorchLibrary::candidates()) {
        void* handle = ::dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!handle) {
            const char* why = ::dlerror();
            reasons += (reasons.empty() ? "" : "; ") + std::string(why ? why : candidate.c_str());
            continue;
        }
        const auto entry = reinterpret_cast<gs_torch_module_api_function>(::dlsym(handle, "gs_torch_module_api"));
        const gs_torch_api* api = entry ? entry() : nullptr;
        if (!api || api->abi_version != GS_TORCH_ABI_VERSION) {
            reasons += (reasons.empty() ? "" : "; ") + candidate + " is not this version's module";
            ::dlclose(handle);
            continue;
        }
        out.api = api; // never unloaded: libtorch does not support it
        return out;
    }
    out.error = oneLine("the mlp and cnn classifiers need the neural-network module " + std::string(TorchLibrary::kFileName) +
                        " and libtorch (Debian: libtorch1.13), which could not be loaded: " + reasons);
    return out;
}

} // namespace

bool TorchLibrary::built() { return GENRESCOPE_TORCH_BUILT != 0; }

std::vector<std::string> TorchLibrary::candidates()
{
    if (const char* explicitPath = std::getenv("GENRESCOPE_TORCH_MODULE"); explicitPath && *explicitPath)
        return {explicitPath};
    std::vector<std::string> out;
    if (const std::string dir = executableDir(); !dir.empty())
        out.push_back(dir + "/" GENRESCOPE_MODULE_RELDIR "/" + kFileName);
    out.emplace_back(kFileName);
    return out;
}

const gs_torch_api* TorchLibrary::api(std::string* error)
{
    static std::once_flag once;
    static Loaded loaded;
    std::call_once(once, [] { loaded = load(); });
    if (!loaded.api && error)
        *error = loaded.error;
    return loaded.api;
}

} // namespace dsp
