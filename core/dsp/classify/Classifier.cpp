// SPDX-License-Identifier: GPL-3.0-or-later
#include "Classifier.h"

#include "KnnClassifier.h"
#include "LogRegClassifier.h"
#include "SvmClassifier.h"
#include "TorchClassifier.h"

namespace dsp {

std::string classifierName(ClassifierKind kind)
{
    switch (kind) {
    case ClassifierKind::Svm: return "svm";
    case ClassifierKind::LogReg: return "logreg";
    case ClassifierKind::Knn: return "knn";
    case ClassifierKind::Mlp: return "mlp";
    case ClassifierKind::Cnn: return "cnn";
    }
    return "svm";
}

std::vector<ClassifierKind> classifierKinds()
{
    return {ClassifierKind::Svm, ClassifierKind::LogReg, ClassifierKind::Knn, ClassifierKind::Mlp, ClassifierKind::Cnn};
}

bool isNeuralNetwork(ClassifierKind kind) { return kind == ClassifierKind::Mlp || kind == ClassifierKind::Cnn; }

bool standardizedPerFeature(ClassifierKind kind) { return kind != ClassifierKind::Cnn; }

std::optional<ClassifierKind> classifierFromName(const std::string& name)
{
    for (ClassifierKind k : classifierKinds())
        if (classifierName(k) == name)
            return k;
    return std::nullopt;
}

std::unique_ptr<Classifier> Classifier::make(const ClassifierSpec& spec)
{
    switch (spec.kind) {
    case ClassifierKind::LogReg: return std::make_unique<LogRegClassifier>();
    case ClassifierKind::Knn: return std::make_unique<KnnClassifier>();
    case ClassifierKind::Mlp:
    case ClassifierKind::Cnn: return std::make_unique<TorchClassifier>(spec);
    case ClassifierKind::Svm: break;
    }
    return std::make_unique<SvmClassifier>();
}

std::unique_ptr<Classifier> Classifier::load(ClassifierKind kind, ByteReader& in)
{
    switch (kind) {
    case ClassifierKind::LogReg: return LogRegClassifier::load(in);
    case ClassifierKind::Knn: return KnnClassifier::load(in);
    case ClassifierKind::Mlp:
    case ClassifierKind::Cnn: return TorchClassifier::load(kind, in);
    case ClassifierKind::Svm: break;
    }
    return SvmClassifier::load(in);
}

int Classifier::argmax(const Eigen::Ref<const Eigen::RowVectorXd>& p)
{
    int best = 0;
    for (Eigen::Index c = 1; c < p.size(); ++c)
        if (p[c] > p[best])
            best = int(c);
    return best;
}

std::vector<int> Classifier::argmaxRows(const Eigen::MatrixXd& p)
{
    std::vector<int> out(size_t(p.rows()));
    for (Eigen::Index r = 0; r < p.rows(); ++r)
        out[size_t(r)] = argmax(p.row(r));
    return out;
}

void Classifier::checkTrainingData(const Eigen::MatrixXd& x, const std::vector<int>& y, int nClasses)
{
    if (x.rows() < 1 || x.cols() < 1)
        throw ParameterError("training needs at least one row and one feature");
    if (x.rows() > Eigen::Index(1) << 30 || x.cols() > Eigen::Index(1) << 24)
        throw ParameterError("the training table is too large");
    if (Eigen::Index(y.size()) != x.rows())
        throw ParameterError("training: " + std::to_string(y.size()) + " labels for " + std::to_string(x.rows()) + " rows");
    if (nClasses < 1)
        throw ParameterError("training needs at least one class");
    for (int label : y)
        if (label < 0 || label >= nClasses)
            throw ParameterError("training: label " + std::to_string(label) + " is not below " + std::to_string(nClasses));
    if (!x.allFinite())
        throw ParameterError("training: the features hold a value that is not finite");
}

void Classifier::checkWidth(const Eigen::MatrixXd& x, int nFeatures)
{
    if (x.cols() != nFeatures)
        throw ParameterError("the model takes " + std::to_string(nFeatures) + " features, not " + std::to_string(x.cols()));
}

} // namespace dsp
