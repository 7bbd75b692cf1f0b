// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// C-SVC with an RBF kernel from libsvm (Debian's libsvm-dev, the library scikit-learn's SVC
// wraps), with scikit-learn's defaults: C = 1, gamma = 'scale' = 1 / (n_features * X.var())
// of the (standardised) training matrix (1 when that variance is 0), tol 1e-3, shrinking, a
// 200 MB kernel cache, and probability = True: Platt scaling of every pairwise decision
// (libsvm's internal 5-fold cross-validation), coupled into one probability per class.
// Multi-class is libsvm's one-vs-one.
// libsvm's own prediction is the one-vs-one vote, which on small training sets can disagree
// with the most probable class; predictProba() gives the probabilities and the prediction is
// their argmax (Classifier), decisionClass() shows libsvm's vote for comparison.
// Training draws libsvm's internal Platt folds from the C library's rand(), reseeded with
// `probabilitySeed` under a process-wide lock, so the same data gives the same model within one
// process and one C library (scikit-learn's random_state plays this part in SVC). On small
// training sets the probabilities, and so their argmax, vary with this seed. libsvm's messages to stdout are silenced.
// The model is held in our own arrays (support vectors dense, all features) and handed to
// libsvm as a view, so a loaded model is exactly what load() validated.
#include "Classifier.h"

struct svm_model;
struct svm_node;

namespace dsp {

class SvmClassifier final : public Classifier
{
public:
    explicit SvmClassifier(unsigned probabilitySeed = 1);
    ~SvmClassifier() override;
    SvmClassifier(const SvmClassifier&) = delete;
    SvmClassifier& operator=(const SvmClassifier&) = delete;

    [[nodiscard]] ClassifierKind kind() const override { return ClassifierKind::Svm; }
    void train(const Eigen::MatrixXd& x, const std::vector<int>& y, int nClasses) override;
    [[nodiscard]] Eigen::MatrixXd predictProba(const Eigen::MatrixXd& x) const override;
    [[nodiscard]] int nClasses() const override { return m_nClasses; }
    [[nodiscard]] int nFeatures() const override { return m_nFeatures; }
    void save(ByteWriter& out) const override;
    static std::unique_ptr<SvmClassifier> load(ByteReader& in);

    /// libsvm's one-vs-one vote for each row (svm_predict), as a class index.
    [[nodiscard]] std::vector<int> decisionClass(const Eigen::MatrixXd& x) const;
    /// The kernel width used (gamma = 'scale' of the training data).
    [[nodiscard]] double gamma() const { return m_gamma; }
    [[nodiscard]] int supportVectors() const { return int(m_svCount); }

private:
    void buildView();
    /// The row as libsvm nodes (indices 1..n_features, then -1) in `nodes`.
    void toNodes(const Eigen::MatrixXd& x, Eigen::Index row, std::vector<svm_node>& nodes) const;

    unsigned m_seed = 1;
    int m_nClasses = 0;
    int m_nFeatures = 0;
    double m_gamma = 1.0;
    std::vector<int> m_labels;     ///< class index of each libsvm class (k)
    std::vector<int> m_nSV;        ///< support vectors per libsvm class (k)
    std::size_t m_svCount = 0;     ///< l
    std::vector<double> m_sv;      ///< l x n_features, row-major
    std::vector<double> m_coef;    ///< (k-1) x l, row-major
    std::vector<double> m_rho, m_probA, m_probB; ///< k(k-1)/2 each

    // The libsvm view of the arrays above (rebuilt by buildView()).
    std::vector<svm_node> m_nodes;
    std::vector<svm_node*> m_svPtrs;
    std::vector<double*> m_coefPtrs;
    std::unique_ptr<svm_model> m_model;
};

} // namespace dsp
