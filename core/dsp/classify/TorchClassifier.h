// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The neural-network classifiers, run by the torch module (TorchLibrary; the nets and their
// training recipes are in torch/TorchNet.h):
//   mlp  a multilayer perceptron (128 and 64 ReLU units, dropout) on any feature set, its
//        rows standardised per feature outside the net (StandardizedClassifier);
//   cnn  a small CNN on patches of kPatchFrames frames (all mel bands) of the mel-image set,
//        each band standardised inside the net; a track's probabilities are the mean over its
//        patches.
// Deterministic for a seed (ClassifierSpec::seed): the same rows give the same weights and
// the same probabilities, bit for bit, on one intra-op thread.
// Byte form: i32 net, n_features, n_classes, image_rows, patch_frames, epochs, u32 seed low,
// u32 seed high, then str (u32 length + bytes) libtorch's archive of the weights.
// train() and load() throw ParameterError when the module is missing (the one-line reason),
// on bad input, or when libtorch fails (its message).
#include "Classifier.h"
#include "torch/TorchAbi.h"

namespace dsp {

class TorchClassifier final : public Classifier
{
public:
    static constexpr int kPatchFrames = 128;
    static constexpr int kMlpEpochs = 60;
    static constexpr int kCnnEpochs = 20;
    static constexpr std::size_t kMaxWeightBytes = std::size_t(1) << 30;

    /// spec.kind is Mlp or Cnn (cnn: spec.imageRows > 0).
    explicit TorchClassifier(const ClassifierSpec& spec);
    ~TorchClassifier() override;
    TorchClassifier(const TorchClassifier&) = delete;
    TorchClassifier& operator=(const TorchClassifier&) = delete;

    [[nodiscard]] ClassifierKind kind() const override { return m_spec.kind; }
    void train(const Eigen::MatrixXd& x, const std::vector<int>& y, int nClasses) override;
    [[nodiscard]] Eigen::MatrixXd predictProba(const Eigen::MatrixXd& x) const override;
    [[nodiscard]] int nClasses() const override { return m_net.n_classes; }
    [[nodiscard]] int nFeatures() const override { return m_net.n_features; }
    void save(ByteWriter& out) const override;
    [[nodiscard]] std::vector<double> epochLosses() const override { return m_losses; }
    static std::unique_ptr<TorchClassifier> load(ClassifierKind kind, ByteReader& in);

    /// The default epochs of `kind`.
    static int defaultEpochs(ClassifierKind kind);

private:
    void reset(gs_torch_net* net);

    ClassifierSpec m_spec;
    gs_torch_spec m_net{};
    const gs_torch_api* m_api = nullptr;
    gs_torch_net* m_trained = nullptr; ///< owned; freed with m_api->free_net
    std::vector<double> m_losses;      ///< of the last train()
};

} // namespace dsp
