// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The multilayer perceptron of the mlp classifier (as in the blog's part 2, smaller): inputs
// -> 128 -> 64 -> classes, ReLU after each hidden layer, dropout 0.25 before each linear layer
// after the first. forward() takes (batch x inputs) float32 rows that are already
// standardised (dsp::Standardizer, outside the net) and gives the logits (batch x classes).
// Part of the torch module only (links libtorch, never Qt).
#include <torch/nn/module.h>
#include <torch/nn/modules/dropout.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/pimpl.h>

namespace gstorch {

class MlpNetImpl : public torch::nn::Module
{
public:
    static constexpr int64_t kHidden1 = 128;
    static constexpr int64_t kHidden2 = 64;
    static constexpr double kDropout = 0.25;

    MlpNetImpl(int64_t inputs, int64_t classes);
    torch::Tensor forward(const torch::Tensor& x);

private:
    torch::nn::Linear m_fc1{nullptr}, m_fc2{nullptr}, m_out{nullptr};
    torch::nn::Dropout m_drop{nullptr};
};
TORCH_MODULE(MlpNet);

} // namespace gstorch
