// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// L2-regularised logistic regression from liblinear (Debian's liblinear-dev), set up as
// scikit-learn's LogisticRegression(solver='liblinear', C=1): liblinear's primal trust-region
// solver L2R_LR, tol 1e-4, an intercept as an extra feature of value 1 (intercept_scaling 1,
// regularised like the weights), one-vs-rest for more than two classes. Probabilities are
// liblinear's (and scikit-learn's): the logistic of each one-vs-rest decision, normalised to
// sum 1; for two classes p and 1 - p. liblinear's messages to stdout are silenced.
// The weights are held in our own array and handed to liblinear as a view.
#include "Classifier.h"

struct model;

namespace dsp {

class LogRegClassifier final : public Classifier
{
public:
    LogRegClassifier();
    ~LogRegClassifier() override;
    LogRegClassifier(const LogRegClassifier&) = delete;
    LogRegClassifier& operator=(const LogRegClassifier&) = delete;

    [[nodiscard]] ClassifierKind kind() const override { return ClassifierKind::LogReg; }
    void train(const Eigen::MatrixXd& x, const std::vector<int>& y, int nClasses) override;
    [[nodiscard]] Eigen::MatrixXd predictProba(const Eigen::MatrixXd& x) const override;
    [[nodiscard]] int nClasses() const override { return m_nClasses; }
    [[nodiscard]] int nFeatures() const override { return m_nFeatures; }
    void save(ByteWriter& out) const override;
    static std::unique_ptr<LogRegClassifier> load(ByteReader& in);

private:
    void buildView();
    [[nodiscard]] size_t weightColumns() const { return m_labels.size() == 2 ? 1 : m_labels.size(); }

    int m_nClasses = 0;
    int m_nFeatures = 0;
    std::vector<int> m_labels;  ///< class index of each liblinear class (k)
    std::vector<double> m_w;    ///< (n_features + 1) x weightColumns(), row-major (liblinear's layout)
    std::unique_ptr<model> m_model; ///< liblinear's view of m_w, m_labels
};

} // namespace dsp
