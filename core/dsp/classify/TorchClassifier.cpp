// SPDX-License-Identifier: GPL-3.0-or-later
#include "TorchClassifier.h"

#include "TorchLibrary.h"

#include <algorithm>

namespace dsp {
namespace {

using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

const gs_torch_api& module()
{
    std::string why;
    const gs_torch_api* api = TorchLibrary::api(&why);
    if (!api)
        throw ParameterError(why);
    return *api;
}

int netOf(ClassifierKind kind)
{
    if (kind == ClassifierKind::Mlp)
        return GS_TORCH_NET_MLP;
    if (kind == ClassifierKind::Cnn)
        return GS_TORCH_NET_CNN;
    throw ParameterError("not a neural-network classifier: " + classifierName(kind));
}

// A lower bound of the float32 parameters of a net of `spec` (torch/MlpNet.h, CnnNet.h): the
// mlp's first and last layers, the cnn's per-band standardisation and its output layer.
double minimumParameters(const gs_torch_spec& spec)
{
    if (spec.net == GS_TORCH_NET_MLP)
        return double(spec.n_features) * 128.0 + 64.0 * double(spec.n_classes);
    return 2.0 * double(spec.image_rows) + double(spec.n_classes);
}

} // namespace

TorchClassifier::TorchClassifier(const ClassifierSpec& spec) : m_spec(spec)
{
    m_net.net = netOf(spec.kind);
    if (spec.epochs < 0 || spec.epochs > 100000)
        throw ParameterError("the epoch count must be from 1 to 100000");
    if (spec.kind == ClassifierKind::Cnn && spec.imageRows < 1)
        throw ParameterError("the cnn classifier takes the mel-image feature set (mel-spectrogram patches)");
}

TorchClassifier::~TorchClassifier() { reset(nullptr); }

void TorchClassifier::reset(gs_torch_net* net)
{
    if (m_trained && m_api)
        m_api->free_net(m_trained);
    m_trained = net;
}

int TorchClassifier::defaultEpochs(ClassifierKind kind) { return kind == ClassifierKind::Cnn ? kCnnEpochs : kMlpEpochs; }

void TorchClassifier::train(const Eigen::MatrixXd& x, const std::vector<int>& y, int nClasses)
{
    checkTrainingData(x, y, nClasses);
    const gs_torch_api& api = module();
    gs_torch_spec spec{};
    spec.net = m_net.net;
    spec.n_features = int32_t(x.cols());
    spec.n_classes = nClasses;
    if (m_spec.kind == ClassifierKind::Cnn) {
        if (x.cols() % m_spec.imageRows != 0)
            throw ParameterError("the cnn's rows are not images of " + std::to_string(m_spec.imageRows) + " mel bands");
        spec.image_rows = m_spec.imageRows;
        spec.patch_frames = int32_t(std::min<Eigen::Index>(kPatchFrames, x.cols() / m_spec.imageRows));
    }
    spec.epochs = m_spec.epochs > 0 ? m_spec.epochs : defaultEpochs(m_spec.kind);
    spec.seed = m_spec.seed;
    const RowMajor rows = x;
    const std::vector<int32_t> labels(y.begin(), y.end());
    gs_torch_error error{};
    gs_torch_net* net = api.train(&spec, rows.data(), labels.data(), rows.rows(), nullptr, nullptr, &error);
    if (!net)
        throw ParameterError(std::string("the ") + classifierName(m_spec.kind) + " could not be trained: " + error.message);
    m_api = &api;
    reset(net);
    m_net = spec;
    m_losses.assign(std::size_t(std::max(0, api.epoch_losses(net, nullptr, 0))), 0.0);
    api.epoch_losses(net, m_losses.data(), int32_t(m_losses.size()));
}

Eigen::MatrixXd TorchClassifier::predictProba(const Eigen::MatrixXd& x) const
{
    if (!m_trained)
        throw ParameterError("the " + classifierName(m_spec.kind) + " is not trained");
    checkWidth(x, m_net.n_features);
    if (x.rows() == 0)
        return Eigen::MatrixXd(0, m_net.n_classes);
    const RowMajor rows = x;
    RowMajor p(x.rows(), m_net.n_classes);
    gs_torch_error error{};
    if (m_api->predict(m_trained, rows.data(), rows.rows(), p.data(), &error) != 0)
        throw ParameterError(std::string("the ") + classifierName(m_spec.kind) + " could not predict: " + error.message);
    for (Eigen::Index r = 0; r < p.rows(); ++r) // float32 softmax to rows that sum to 1 in double
        if (const double sum = p.row(r).sum(); sum > 0.0)
            p.row(r) /= sum;
    return p;
}

void TorchClassifier::save(ByteWriter& out) const
{
    if (!m_trained)
        throw ParameterError("the " + classifierName(m_spec.kind) + " is not trained");
    char* bytes = nullptr;
    std::size_t size = 0;
    gs_torch_error error{};
    if (m_api->save(m_trained, &bytes, &size, &error) != 0)
        throw ParameterError(std::string("the network could not be saved: ") + error.message);
    const std::string weights(bytes, size);
    m_api->free_bytes(bytes);
    out.i32(m_net.net);
    out.i32(m_net.n_features);
    out.i32(m_net.n_classes);
    out.i32(m_net.image_rows);
    out.i32(m_net.patch_frames);
    out.i32(m_net.epochs);
    out.u32(std::uint32_t(m_net.seed & 0xffffffffu));
    out.u32(std::uint32_t(m_net.seed >> 32));
    out.str(weights);
}

std::unique_ptr<TorchClassifier> TorchClassifier::load(ClassifierKind kind, ByteReader& in)
{
    gs_torch_spec spec{};
    spec.net = in.intIn(GS_TORCH_NET_MLP, GS_TORCH_NET_CNN, "network kind");
    if (spec.net != netOf(kind))
        throw ParameterError("the model's network is not a " + classifierName(kind));
    spec.n_features = in.intIn(1, 1 << 24, "feature count");
    spec.n_classes = in.intIn(1, 1 << 12, "class count");
    spec.image_rows = in.intIn(0, 1 << 16, "image rows");
    spec.patch_frames = in.intIn(0, 1 << 24, "patch frames");
    spec.epochs = in.intIn(1, 100000, "epoch count");
    const std::uint64_t low = in.u32();
    spec.seed = low | (std::uint64_t(in.u32()) << 32);
    if ((kind == ClassifierKind::Cnn) != (spec.image_rows > 0))
        throw ParameterError("the model's image rows do not fit its network");
    if (kind == ClassifierKind::Cnn && (spec.n_features % spec.image_rows != 0 || spec.patch_frames < 1 ||
                                        spec.patch_frames > spec.n_features / spec.image_rows))
        throw ParameterError("the model's image sizes do not fit its network");
    const std::string weights = in.str(kMaxWeightBytes);
    // libtorch makes the net of the declared sizes before it reads the weights: sizes that
    // the weights cannot hold are refused here, before it allocates for them.
    if (double(weights.size()) < 4.0 * minimumParameters(spec))
        throw ParameterError("the model's network weights are too short for its declared sizes");
    ClassifierSpec s(kind);
    s.imageRows = spec.image_rows;
    s.epochs = spec.epochs;
    s.seed = spec.seed;
    auto out = std::make_unique<TorchClassifier>(s);
    const gs_torch_api& api = module();
    gs_torch_error error{};
    gs_torch_net* net = api.load(&spec, weights.data(), weights.size(), &error);
    if (!net)
        throw ParameterError(std::string("the model's network could not be read: ") + error.message);
    out->m_api = &api;
    out->reset(net);
    out->m_net = spec;
    return out;
}

} // namespace dsp
