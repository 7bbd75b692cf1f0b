// SPDX-License-Identifier: GPL-3.0-or-later
#include "MlpNet.h"

#include <torch/nn/functional/activation.h>

namespace gstorch {

MlpNetImpl::MlpNetImpl(int64_t inputs, int64_t classes)
    : m_fc1(register_module("fc1", torch::nn::Linear(inputs, kHidden1))),
      m_fc2(register_module("fc2", torch::nn::Linear(kHidden1, kHidden2))),
      m_out(register_module("out", torch::nn::Linear(kHidden2, classes))),
      m_drop(register_module("drop", torch::nn::Dropout(kDropout)))
{
}

torch::Tensor MlpNetImpl::forward(const torch::Tensor& x)
{
    torch::Tensor h = torch::relu(m_fc1->forward(x));
    h = torch::relu(m_fc2->forward(m_drop->forward(h)));
    return m_out->forward(m_drop->forward(h));
}

} // namespace gstorch
