// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A Classifier behind its own Standardizer: train() fits the standardisation on the training
// rows only and trains the classifier on the standardised rows, predictProba() standardises
// with what was learnt. Features in (float32, one row per track), probabilities out
// (n_rows x n_classes, rows sum to 1); predict() is argmax of the probabilities.
// The cnn standardises each mel band itself inside its net (standardizedPerFeature()): its
// rows reach it as they are, and the model holds no per-feature standardisation.
// Throws ParameterError as Classifier does. Not copyable; movable.
#include "Classifier.h"
#include "Standardizer.h"

namespace dsp {

class StandardizedClassifier
{
public:
    explicit StandardizedClassifier(const ClassifierSpec& spec);
    StandardizedClassifier(Standardizer scaler, std::unique_ptr<Classifier> classifier);

    void train(const Eigen::Ref<const Eigen::MatrixXf>& x, const std::vector<int>& y, int nClasses);
    [[nodiscard]] Eigen::MatrixXd predictProba(const Eigen::Ref<const Eigen::MatrixXf>& x) const;
    [[nodiscard]] std::vector<int> predict(const Eigen::Ref<const Eigen::MatrixXf>& x) const;

    [[nodiscard]] ClassifierKind kind() const { return m_classifier->kind(); }
    [[nodiscard]] int nClasses() const { return m_classifier->nClasses(); }
    [[nodiscard]] Eigen::Index nFeatures() const { return m_classifier->nFeatures(); }
    [[nodiscard]] const Classifier& classifier() const { return *m_classifier; }
    [[nodiscard]] const Standardizer& standardizer() const { return m_scaler; }

    /// The byte form: classifier kind, standardisation (none for the cnn), then the
    /// classifier's own payload.
    void save(ByteWriter& out) const;
    /// Throws ParameterError on anything invalid or inconsistent.
    static StandardizedClassifier load(ByteReader& in);

private:
    [[nodiscard]] Eigen::MatrixXd input(const Eigen::Ref<const Eigen::MatrixXf>& x) const;

    Standardizer m_scaler;
    std::unique_ptr<Classifier> m_classifier;
};

} // namespace dsp
