// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Exact k-nearest-neighbour classification as scikit-learn's KNeighborsClassifier(n_neighbors=5)
// with uniform weights: the k training rows nearest in Euclidean distance (double) vote, and the
// probability of a class is its share of the votes. Ties are deterministic: among equally
// distant rows the earlier training row is nearer; among classes with equal votes the lowest
// class index wins (Classifier::argmax). With fewer than k training rows, all of them vote.
// Memory: the training matrix is kept (it is the model).
#include "Classifier.h"

namespace dsp {

class KnnClassifier final : public Classifier
{
public:
    explicit KnnClassifier(int n_neighbors = 5);

    [[nodiscard]] ClassifierKind kind() const override { return ClassifierKind::Knn; }
    void train(const Eigen::MatrixXd& x, const std::vector<int>& y, int nClasses) override;
    [[nodiscard]] Eigen::MatrixXd predictProba(const Eigen::MatrixXd& x) const override;
    [[nodiscard]] int nClasses() const override { return m_nClasses; }
    [[nodiscard]] int nFeatures() const override { return int(m_x.cols()); }
    void save(ByteWriter& out) const override;
    static std::unique_ptr<KnnClassifier> load(ByteReader& in);

private:
    int m_k = 5;
    int m_nClasses = 0;
    Eigen::MatrixXd m_x; ///< training rows
    std::vector<int> m_y;
};

} // namespace dsp
