// SPDX-License-Identifier: GPL-3.0-or-later
#include "TorchNet.h"

#include <torch/nn/functional/activation.h>
#include <torch/nn/functional/loss.h>
#include <torch/optim/adam.h>
#include <torch/serialize/input-archive.h>
#include <torch/serialize/output-archive.h>

#include <sstream>
#include <stdexcept>
#include <vector>

namespace gstorch {
namespace {

void require(bool ok, const std::string& why)
{
    if (!ok)
        throw std::invalid_argument(why);
}

void checkCancelled(const std::function<bool()>& cancelled)
{
    if (cancelled && cancelled())
        throw std::runtime_error("cancelled");
}

/// name -> shape of every parameter and buffer.
std::vector<std::pair<std::string, std::vector<int64_t>>> shapes(const torch::nn::Module& m)
{
    std::vector<std::pair<std::string, std::vector<int64_t>>> out;
    for (const auto& p : m.named_parameters())
        out.emplace_back(p.key(), p.value().sizes().vec());
    for (const auto& b : m.named_buffers())
        out.emplace_back(b.key(), b.value().sizes().vec());
    return out;
}

} // namespace

TorchNet::TorchNet(const gs_torch_spec& spec) : m_spec(spec)
{
    require(spec.n_features >= 1 && spec.n_classes >= 1 && spec.n_classes <= 4096, "the net's sizes are invalid");
    require(spec.epochs >= 1 && spec.epochs <= 100000, "the net's epoch count is invalid");
    torch::manual_seed(spec.seed);
    if (spec.net == GS_TORCH_NET_MLP) {
        m_mlp = MlpNet(spec.n_features, spec.n_classes);
        return;
    }
    require(spec.net == GS_TORCH_NET_CNN, "unknown net kind " + std::to_string(spec.net));
    require(spec.image_rows >= 1 && spec.n_features % spec.image_rows == 0,
            "the cnn's features are not an image of " + std::to_string(spec.image_rows) + " rows");
    m_frames = spec.n_features / spec.image_rows;
    require(spec.image_rows >= CnnNetImpl::kMinSize && spec.patch_frames >= CnnNetImpl::kMinSize &&
                spec.patch_frames <= m_frames,
            "the cnn needs at least 16 mel bands and patches of 16 to " + std::to_string(m_frames) + " frames");
    m_cnn = CnnNet(spec.image_rows, spec.n_classes);
}

torch::nn::Module& TorchNet::module() const
{
    return m_mlp ? static_cast<torch::nn::Module&>(*m_mlp.ptr()) : static_cast<torch::nn::Module&>(*m_cnn.ptr());
}

torch::Tensor TorchNet::rowsOf(const double* x, int64_t rows) const
{
    require(rows >= 1, "no rows");
    // from_blob does not own or modify the caller's doubles; to() copies them into float32.
    return torch::from_blob(const_cast<double*>(x), {rows, int64_t(m_spec.n_features)}, torch::kFloat64).to(torch::kFloat32);
}

void TorchNet::train(const double* x, const int32_t* y, int64_t rows, const std::function<bool()>& cancelled)
{
    const torch::Tensor features = rowsOf(x, rows);
    require(torch::isfinite(features).all().item<bool>(), "the features hold a value that is not finite");
    std::vector<int64_t> labels(static_cast<size_t>(rows));
    for (int64_t r = 0; r < rows; ++r) {
        require(y[r] >= 0 && y[r] < m_spec.n_classes, "a label is out of range");
        labels[size_t(r)] = y[r];
    }
    const torch::Tensor target = torch::tensor(labels, torch::kLong);
    torch::manual_seed(m_spec.seed + 1); // batches, patches and dropout
    m_losses.clear();
    module().train();
    if (m_mlp)
        trainMlp(features, target, cancelled);
    else
        trainCnn(features.view({rows, 1, m_spec.image_rows, m_frames}), target, cancelled);
    module().eval();
}

void TorchNet::trainMlp(const torch::Tensor& x, const torch::Tensor& y, const std::function<bool()>& cancelled)
{
    torch::optim::Adam adam(m_mlp->parameters(), torch::optim::AdamOptions(1e-3).weight_decay(1e-4));
    const int64_t n = x.size(0);
    for (int epoch = 0; epoch < m_spec.epochs; ++epoch) {
        const torch::Tensor order = torch::randperm(n, torch::kLong);
        double lossSum = 0.0;
        for (int64_t start = 0; start < n; start += kMlpBatch) {
            checkCancelled(cancelled);
            const torch::Tensor batch = order.slice(0, start, std::min(n, start + kMlpBatch));
            adam.zero_grad();
            const torch::Tensor loss = torch::nn::functional::cross_entropy(m_mlp->forward(x.index_select(0, batch)),
                                                                            y.index_select(0, batch));
            loss.backward();
            adam.step();
            lossSum += loss.item<double>() * double(batch.size(0));
        }
        m_losses.push_back(lossSum / double(n));
    }
}

void TorchNet::trainCnn(const torch::Tensor& images, const torch::Tensor& y, const std::function<bool()>& cancelled)
{
    {
        // Each band's mean and standard deviation over every frame of every training image.
        const torch::Tensor mean = images.mean({0, 1, 3});
        const torch::Tensor sd = images.std({0, 1, 3}, /*unbiased=*/false);
        m_cnn->setStandardization(mean, torch::where(sd > 1e-6, sd, torch::ones_like(sd)));
    }
    torch::optim::Adam adam(m_cnn->parameters(), torch::optim::AdamOptions(1e-3));
    const int64_t n = images.size(0), patch = m_spec.patch_frames;
    const int64_t draws = n * kPatchesPerRow;
    for (int epoch = 0; epoch < m_spec.epochs; ++epoch) {
        const torch::Tensor offsets = torch::randint(0, m_frames - patch + 1, {draws}, torch::kLong);
        const torch::Tensor order = torch::randperm(draws, torch::kLong);
        const auto* off = offsets.data_ptr<int64_t>();
        const auto* ord = order.data_ptr<int64_t>();
        double lossSum = 0.0;
        for (int64_t start = 0; start < draws; start += kCnnBatch) {
            checkCancelled(cancelled);
            std::vector<torch::Tensor> patches;
            std::vector<int64_t> rows;
            for (int64_t i = start; i < std::min(draws, start + kCnnBatch); ++i) {
                const int64_t row = ord[i] / kPatchesPerRow;
                patches.push_back(images[row].narrow(2, off[ord[i]], patch));
                rows.push_back(row);
            }
            adam.zero_grad();
            const torch::Tensor loss = torch::nn::functional::cross_entropy(
                m_cnn->forward(torch::stack(patches)), y.index_select(0, torch::tensor(rows, torch::kLong)));
            loss.backward();
            adam.step();
            lossSum += loss.item<double>() * double(rows.size());
        }
        m_losses.push_back(lossSum / double(draws));
    }
}

torch::Tensor TorchNet::cnnProbabilities(const torch::Tensor& image) const
{
    const int64_t patch = m_spec.patch_frames, step = std::max<int64_t>(1, patch / 2);
    std::vector<torch::Tensor> patches;
    for (int64_t at = 0;; at += step) {
        const int64_t offset = std::min(at, m_frames - patch);
        patches.push_back(image.narrow(2, offset, patch));
        if (offset == m_frames - patch)
            break;
    }
    const torch::Tensor p = torch::softmax(m_cnn.ptr()->forward(torch::stack(patches)), 1);
    return p.mean(0);
}

void TorchNet::predict(const double* x, int64_t rows, double* probabilities) const
{
    torch::NoGradGuard noGrad;
    constexpr int64_t kChunk = 256; // rows at once (memory bound)
    for (int64_t start = 0; start < rows; start += kChunk) {
        const int64_t count = std::min(kChunk, rows - start);
        const torch::Tensor features = rowsOf(x + start * m_spec.n_features, count);
        torch::Tensor p;
        if (m_mlp) {
            p = torch::softmax(m_mlp.ptr()->forward(features), 1);
        } else {
            const torch::Tensor images = features.view({count, 1, m_spec.image_rows, m_frames});
            std::vector<torch::Tensor> each;
            for (int64_t r = 0; r < count; ++r)
                each.push_back(cnnProbabilities(images[r]));
            p = torch::stack(each);
        }
        const torch::Tensor out = p.to(torch::kFloat64).contiguous();
        std::copy_n(out.data_ptr<double>(), count * m_spec.n_classes, probabilities + start * m_spec.n_classes);
    }
}

std::string TorchNet::save() const
{
    torch::serialize::OutputArchive archive;
    module().save(archive);
    std::ostringstream bytes;
    archive.save_to(bytes);
    return bytes.str();
}

void TorchNet::load(const char* bytes, size_t size)
{
    const auto expected = shapes(module());
    torch::serialize::InputArchive archive;
    archive.load_from(bytes, size);
    module().load(archive);
    require(shapes(module()) == expected, "the model's network weights do not fit its network");
    for (const auto& t : module().parameters())
        require(t.scalar_type() == torch::kFloat32 && torch::isfinite(t).all().item<bool>(),
                "the model's network weights are not finite float32");
    for (const auto& t : module().buffers())
        if (t.is_floating_point())
            require(torch::isfinite(t).all().item<bool>(), "the model's network state is not finite");
    module().eval();
}

} // namespace gstorch
