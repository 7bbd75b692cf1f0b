// SPDX-License-Identifier: GPL-3.0-or-later
// The module's C interface (TorchAbi.h): every entry point catches whatever libtorch or the
// standard library throws and reports it as one line, so that no exception crosses into the
// program. Trainings and loads are serialised (they seed libtorch's global generator);
// every call runs on one intra-op thread.
#include "TorchAbi.h"
#include "TorchNet.h"

#include <ATen/Parallel.h>
#include <c10/util/Exception.h>
#include <torch/version.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <new>
#include <string>

struct gs_torch_net
{
    explicit gs_torch_net(const gs_torch_spec& spec) : net(spec) {}
    gstorch::TorchNet net;
};

namespace {

std::mutex g_seeded; // held while a net is made, trained or loaded

void setError(gs_torch_error* error, std::string text)
{
    if (!error)
        return;
    const std::string::size_type eol = text.find_first_of("\r\n"); // c10 messages carry a backtrace below
    if (eol != std::string::npos)
        text.resize(eol);
    if (text.empty())
        text = "the neural network failed";
    std::strncpy(error->message, text.c_str(), sizeof error->message - 1);
    error->message[sizeof error->message - 1] = '\0';
}

template <typename F>
bool guarded(gs_torch_error* error, F&& body)
{
    try {
        at::set_num_threads(1);
        body();
        return true;
    } catch (const c10::Error& e) {
        setError(error, e.what_without_backtrace());
    } catch (const std::bad_alloc&) {
        setError(error, "out of memory in the neural network");
    } catch (const std::exception& e) {
        setError(error, e.what());
    } catch (...) {
        setError(error, "the neural network failed");
    }
    return false;
}

gs_torch_net* train(const gs_torch_spec* spec, const double* x, const int32_t* y, int64_t rows, gs_torch_cancelled cancelled,
                    void* context, gs_torch_error* error)
{
    std::unique_ptr<gs_torch_net> net;
    const bool ok = guarded(error, [&] {
        if (!spec || !x || !y)
            throw std::invalid_argument("no training data");
        const std::lock_guard<std::mutex> lock(g_seeded);
        net = std::make_unique<gs_torch_net>(*spec);
        net->net.train(x, y, rows, [&] { return cancelled && cancelled(context) != 0; });
    });
    return ok ? net.release() : nullptr;
}

int32_t predict(const gs_torch_net* net, const double* x, int64_t rows, double* probabilities, gs_torch_error* error)
{
    return guarded(error, [&] {
        if (!net || !x || !probabilities)
            throw std::invalid_argument("no net or no rows");
        net->net.predict(x, rows, probabilities);
    }) ? 0 : -1;
}

void spec(const gs_torch_net* net, gs_torch_spec* out)
{
    if (net && out)
        *out = net->net.spec();
}

int32_t save(const gs_torch_net* net, char** bytes, size_t* size, gs_torch_error* error)
{
    return guarded(error, [&] {
        if (!net || !bytes || !size)
            throw std::invalid_argument("no net");
        const std::string s = net->net.save();
        char* copy = static_cast<char*>(std::malloc(s.empty() ? 1 : s.size()));
        if (!copy)
            throw std::bad_alloc();
        std::memcpy(copy, s.data(), s.size());
        *bytes = copy;
        *size = s.size();
    }) ? 0 : -1;
}

void freeBytes(char* bytes) { std::free(bytes); }

gs_torch_net* load(const gs_torch_spec* spec, const char* bytes, size_t size, gs_torch_error* error)
{
    std::unique_ptr<gs_torch_net> net;
    const bool ok = guarded(error, [&] {
        if (!spec || !bytes)
            throw std::invalid_argument("no network weights");
        const std::lock_guard<std::mutex> lock(g_seeded);
        net = std::make_unique<gs_torch_net>(*spec);
        net->net.load(bytes, size);
    });
    return ok ? net.release() : nullptr;
}

void freeNet(gs_torch_net* net) { delete net; }

int32_t epochLosses(const gs_torch_net* net, double* out, int32_t capacity)
{
    if (!net)
        return 0;
    const std::vector<double>& losses = net->net.epochLosses();
    const auto n = int32_t(std::min<size_t>(losses.size(), INT32_MAX));
    if (out)
        std::copy_n(losses.begin(), std::min(n, std::max(capacity, 0)), out);
    return n;
}

#define GS_STR2(x) #x
#define GS_STR(x) GS_STR2(x)
const gs_torch_api kApi = {
    GS_TORCH_ABI_VERSION,
    GS_STR(TORCH_VERSION_MAJOR) "." GS_STR(TORCH_VERSION_MINOR) "." GS_STR(TORCH_VERSION_PATCH),
    train, predict, spec, save, freeBytes, load, freeNet, epochLosses,
};

} // namespace

extern "C" __attribute__((visibility("default"))) const gs_torch_api* gs_torch_module_api(void)
{
    return &kApi;
}
