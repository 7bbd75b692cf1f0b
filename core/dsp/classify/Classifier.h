// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A probabilistic classifier of feature rows: trained on an (n_samples x n_features) matrix of
// standardised doubles (Standardizer) and class indices 0..n_classes-1, it gives for every row
// a probability per class (n_samples x n_classes, each row sums to 1). A class absent from the
// training rows gets probability 0; training on one class only gives that class probability 1.
// The predicted class is always argmax() of the probabilities (the lowest index on a tie), so
// a prediction and its probabilities never disagree.
// train() throws ParameterError on bad input (sizes, labels, non-finite values) and when the
// library refuses; predictProba() of a trained model does not throw for rows of the trained
// width (other widths throw ParameterError). A trained model is read-only: predictProba() may
// run on several threads at once.
// save()/load() give the model's byte form (ModelBytes); load() validates every field, so a
// hostile payload throws ParameterError and can never reach the libraries as a broken model.
// The neural networks (mlp, cnn) run in a separately loaded module (TorchClassifier,
// TorchLibrary): when it cannot be loaded, their train() and load() throw ParameterError with
// the one-line reason.
#include "ModelBytes.h"

#include <Eigen/Core>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace dsp {

enum class ClassifierKind { Svm, LogReg, Knn, Mlp, Cnn };

/// "svm", "logreg", "knn", "mlp", "cnn" (the CLI's --classifier values).
std::string classifierName(ClassifierKind kind);
std::optional<ClassifierKind> classifierFromName(const std::string& name);
/// Every kind, in the order above.
std::vector<ClassifierKind> classifierKinds();
/// Whether the kind is a neural network of the torch module (mlp, cnn).
bool isNeuralNetwork(ClassifierKind kind);
/// Whether the kind is trained on per-feature standardised rows (Standardizer): all but the
/// cnn, which standardises each mel band itself inside the net.
bool standardizedPerFeature(ClassifierKind kind);

/// A classifier to make: its kind and what the neural networks also need.
struct ClassifierSpec
{
    ClassifierSpec(ClassifierKind k = ClassifierKind::Svm) : kind(k) {} // NOLINT: implicit on purpose
    ClassifierKind kind;
    int imageRows = 0;      ///< cnn: each feature row is an (imageRows x n / imageRows) image in
                            ///< C order (the mel-image set: imageRows = n_mels); 0 otherwise
    int epochs = 0;         ///< mlp/cnn: passes over the training rows; 0 = the kind's default
    std::uint64_t seed = 0; ///< mlp/cnn: initial weights, dropout, batches, patches
};

class Classifier
{
public:
    virtual ~Classifier() = default;

    [[nodiscard]] virtual ClassifierKind kind() const = 0;
    virtual void train(const Eigen::MatrixXd& x, const std::vector<int>& y, int nClasses) = 0;
    [[nodiscard]] virtual Eigen::MatrixXd predictProba(const Eigen::MatrixXd& x) const = 0;
    [[nodiscard]] virtual int nClasses() const = 0;
    [[nodiscard]] virtual int nFeatures() const = 0;
    virtual void save(ByteWriter& out) const = 0;
    /// The mean training loss of every epoch of the last train(), first epoch first, for the
    /// classifiers that train in epochs (mlp, cnn); empty for the others and after load().
    [[nodiscard]] virtual std::vector<double> epochLosses() const { return {}; }

    /// The classifier of `kind` with its defaults (scikit-learn's: SVC(C=1, gamma='scale',
    /// probability=True), LogisticRegression(solver='liblinear', C=1), KNeighborsClassifier(5)).
    /// mlp and cnn: TorchClassifier (a multilayer perceptron; a CNN on mel patches).
    static std::unique_ptr<Classifier> make(const ClassifierSpec& spec);
    /// A trained classifier of `kind` from its byte form; throws ParameterError.
    static std::unique_ptr<Classifier> load(ClassifierKind kind, ByteReader& in);

    /// The index of the largest value (the lowest index among equals).
    static int argmax(const Eigen::Ref<const Eigen::RowVectorXd>& probabilities);
    /// argmax() of every row.
    static std::vector<int> argmaxRows(const Eigen::MatrixXd& probabilities);

protected:
    /// Throws unless x is non-empty and finite and y holds x.rows() labels in [0, nClasses).
    static void checkTrainingData(const Eigen::MatrixXd& x, const std::vector<int>& y, int nClasses);
    /// Throws unless x has `nFeatures` columns.
    static void checkWidth(const Eigen::MatrixXd& x, int nFeatures);

    /// The probabilities of a libsvm/liblinear model whose classes are `labels` (its own order):
    /// checks x's width; without a library model (one training class) that class gets 1;
    /// otherwise rowProba(r, p) fills p with the library's probabilities of row r in `labels`
    /// order, which land in their class columns, each row renormalised to sum 1.
    template <typename RowProba>
    static Eigen::MatrixXd libraryProba(const Eigen::MatrixXd& x, int nFeatures, int nClasses,
                                        const std::vector<int>& labels, bool hasModel, RowProba&& rowProba)
    {
        checkWidth(x, nFeatures);
        Eigen::MatrixXd out = Eigen::MatrixXd::Zero(x.rows(), nClasses);
        if (!hasModel) {
            if (!labels.empty())
                out.col(labels.front()).setOnes();
            return out;
        }
        std::vector<double> p(labels.size());
        for (Eigen::Index r = 0; r < x.rows(); ++r) {
            rowProba(r, p.data());
            for (size_t c = 0; c < labels.size(); ++c)
                out(r, labels[c]) = p[c];
            const double sum = out.row(r).sum();
            if (sum > 0.0)
                out.row(r) /= sum;
        }
        return out;
    }
};

} // namespace dsp
