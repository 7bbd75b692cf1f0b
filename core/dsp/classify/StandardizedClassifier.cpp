// SPDX-License-Identifier: GPL-3.0-or-later
#include "StandardizedClassifier.h"

namespace dsp {

StandardizedClassifier::StandardizedClassifier(const ClassifierSpec& spec) : m_classifier(Classifier::make(spec)) {}

StandardizedClassifier::StandardizedClassifier(Standardizer scaler, std::unique_ptr<Classifier> classifier)
    : m_scaler(std::move(scaler)), m_classifier(std::move(classifier))
{
}

void StandardizedClassifier::train(const Eigen::Ref<const Eigen::MatrixXf>& x, const std::vector<int>& y, int nClasses)
{
    if (standardizedPerFeature(kind()))
        m_scaler.fit(x);
    m_classifier->train(input(x), y, nClasses);
}

Eigen::MatrixXd StandardizedClassifier::input(const Eigen::Ref<const Eigen::MatrixXf>& x) const
{
    return standardizedPerFeature(kind()) ? m_scaler.transform(x) : Eigen::MatrixXd(x.cast<double>());
}

Eigen::MatrixXd StandardizedClassifier::predictProba(const Eigen::Ref<const Eigen::MatrixXf>& x) const
{
    return m_classifier->predictProba(input(x));
}

std::vector<int> StandardizedClassifier::predict(const Eigen::Ref<const Eigen::MatrixXf>& x) const
{
    return Classifier::argmaxRows(predictProba(x));
}

void StandardizedClassifier::save(ByteWriter& out) const
{
    out.str(classifierName(kind()));
    if (standardizedPerFeature(kind()))
        m_scaler.save(out);
    m_classifier->save(out);
}

StandardizedClassifier StandardizedClassifier::load(ByteReader& in)
{
    const std::string name = in.str(32);
    const std::optional<ClassifierKind> kind = classifierFromName(name);
    if (!kind)
        throw ParameterError("the model's classifier '" + name + "' is not svm, logreg, knn, mlp or cnn");
    Standardizer scaler;
    if (standardizedPerFeature(*kind))
        scaler = Standardizer::load(in);
    std::unique_ptr<Classifier> classifier = Classifier::load(*kind, in);
    if (standardizedPerFeature(*kind) && classifier->nFeatures() != scaler.nFeatures())
        throw ParameterError("the model's standardisation and classifier disagree on the feature count");
    return StandardizedClassifier(std::move(scaler), std::move(classifier));
}

} // namespace dsp
