// SPDX-License-Identifier: GPL-3.0-or-later
#include "CnnNet.h"

#include <torch/nn/modules/activation.h>
#include <torch/nn/modules/pooling.h>

namespace gstorch {

CnnNetImpl::CnnNetImpl(int64_t bands, int64_t classes)
{
    torch::nn::Sequential features;
    int64_t in = 1;
    features->push_back(torch::nn::AvgPool2d(torch::nn::AvgPool2dOptions(2)));
    for (int64_t out : {8, 16, 32}) {
        features->push_back(torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, 3).padding(1).bias(false)));
        features->push_back(torch::nn::BatchNorm2d(out));
        features->push_back(torch::nn::ReLU());
        features->push_back(torch::nn::MaxPool2d(torch::nn::MaxPool2dOptions(2)));
        in = out;
    }
    m_features = register_module("features", features);
    m_drop = register_module("drop", torch::nn::Dropout(kDropout));
    m_out = register_module("out", torch::nn::Linear(in, classes));
    m_mean = register_buffer("band_mean", torch::zeros({1, 1, bands, 1}));
    m_scale = register_buffer("band_scale", torch::ones({1, 1, bands, 1}));
}

void CnnNetImpl::setStandardization(const torch::Tensor& mean, const torch::Tensor& scale)
{
    torch::NoGradGuard noGrad;
    m_mean.copy_(mean.reshape(m_mean.sizes()));
    m_scale.copy_(scale.reshape(m_scale.sizes()));
}

torch::Tensor CnnNetImpl::forward(const torch::Tensor& x)
{
    torch::Tensor h = m_features->forward((x - m_mean) / m_scale);
    h = h.mean({2, 3}); // global average: batch x channels
    return m_out->forward(m_drop->forward(h));
}

} // namespace gstorch
