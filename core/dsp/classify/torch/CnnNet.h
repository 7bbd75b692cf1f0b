// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The small convolutional net of the cnn classifier, on mel-spectrogram patches
// (batch x 1 x bands x frames, mel dB as float32). It standardises its input itself: each
// mel band by the mean and standard deviation of that band over every training frame
// (setStandardization(), kept as buffers, so they travel with the weights). Then a 2x2
// average (a 128 x 128 patch is seen at 64 x 64: a fifth of the work, for 2 cores), three
// blocks of 3x3 convolution (8, 16, 32 channels), batch normalisation, ReLU and 2x2 max
// pooling, a global average over what is left, dropout 0.3 and a linear layer to the logits
// (batch x classes). Needs at least 16 bands and 16 frames (four halvings).
// Part of the torch module only (links libtorch, never Qt).
#include <torch/nn/module.h>
#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/dropout.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/pimpl.h>

namespace gstorch {

class CnnNetImpl : public torch::nn::Module
{
public:
    static constexpr int64_t kMinSize = 16;
    static constexpr double kDropout = 0.3;

    CnnNetImpl(int64_t bands, int64_t classes);
    /// Band means and scales (each `bands` values, scales > 0).
    void setStandardization(const torch::Tensor& mean, const torch::Tensor& scale);
    torch::Tensor forward(const torch::Tensor& x);

private:
    torch::nn::Sequential m_features{nullptr};
    torch::nn::Dropout m_drop{nullptr};
    torch::nn::Linear m_out{nullptr};
    torch::Tensor m_mean, m_scale; ///< (1 x 1 x bands x 1) buffers
};
TORCH_MODULE(CnnNet);

} // namespace gstorch
