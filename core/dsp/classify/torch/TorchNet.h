// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One trained (or trainable) network of the torch module, MLP or CNN (gs_torch_spec.net),
// with its training recipe and its byte form. Every member throws (std::invalid_argument for
// a bad spec or bad data, c10::Error from libtorch); TorchApi.cpp turns that into messages.
//
// Training (Adam, cross-entropy; random state from the spec's seed only, through
// torch::manual_seed, so the caller serialises trainings):
//   mlp  mini-batches of 32 shuffled rows per step, learning rate 1e-3, weight decay 1e-4.
//   cnn  each epoch draws kPatchesPerRow patches of patch_frames columns at random offsets
//        from every training image, shuffled, in mini-batches of 16; learning rate 1e-3.
// Prediction: mlp: softmax of the logits. cnn: the mean of the softmax over the patches at
// offsets 0, patch/2, patch, ... and the last patch ending at the image's end.
// After train() or load() the net is in evaluation mode and read-only: predict() and save()
// may run on several threads at once.
#include "CnnNet.h"
#include "MlpNet.h"
#include "TorchAbi.h"

#include <functional>
#include <string>
#include <vector>

namespace gstorch {

class TorchNet
{
public:
    static constexpr int64_t kPatchesPerRow = 4;
    static constexpr int64_t kMlpBatch = 32;
    static constexpr int64_t kCnnBatch = 16;

    /// Validates the spec and makes a net of freshly initialised weights (seeded).
    explicit TorchNet(const gs_torch_spec& spec);

    void train(const double* x, const int32_t* y, int64_t rows, const std::function<bool()>& cancelled);
    void predict(const double* x, int64_t rows, double* probabilities) const;
    [[nodiscard]] std::string save() const;
    /// The weights of save()'s bytes; throws unless every tensor has this net's shape and is finite.
    void load(const char* bytes, size_t size);
    [[nodiscard]] const gs_torch_spec& spec() const { return m_spec; }
    /// The mean training loss (cross-entropy over the epoch's batches, weighted by batch
    /// size) of every epoch of the last train(), first epoch first; empty after load().
    [[nodiscard]] const std::vector<double>& epochLosses() const { return m_losses; }

private:
    [[nodiscard]] torch::nn::Module& module() const;
    [[nodiscard]] torch::Tensor rowsOf(const double* x, int64_t rows) const;
    void trainMlp(const torch::Tensor& x, const torch::Tensor& y, const std::function<bool()>& cancelled);
    void trainCnn(const torch::Tensor& images, const torch::Tensor& y, const std::function<bool()>& cancelled);
    [[nodiscard]] torch::Tensor cnnProbabilities(const torch::Tensor& image) const;

    gs_torch_spec m_spec{};
    int64_t m_frames = 0; ///< cnn: columns of an image
    std::vector<double> m_losses; ///< of the last train(), one per epoch
    MlpNet m_mlp{nullptr};
    CnnNet m_cnn{nullptr};
};

} // namespace gstorch
