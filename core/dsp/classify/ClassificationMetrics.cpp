// SPDX-License-Identifier: GPL-3.0-or-later
#include "ClassificationMetrics.h"

#include <string>

namespace dsp {

ClassificationMetrics ClassificationMetrics::compute(const std::vector<int>& y_true, const std::vector<int>& y_pred, int nClasses)
{
    if (y_true.size() != y_pred.size())
        throw ParameterError("metrics: " + std::to_string(y_true.size()) + " labels, " + std::to_string(y_pred.size()) + " predictions");
    if (nClasses < 1)
        throw ParameterError("metrics: no classes");
    ClassificationMetrics m;
    m.n = int(y_true.size());
    m.confusion = Eigen::MatrixXi::Zero(nClasses, nClasses);
    for (size_t i = 0; i < y_true.size(); ++i) {
        if (y_true[i] < 0 || y_true[i] >= nClasses || y_pred[i] < 0 || y_pred[i] >= nClasses)
            throw ParameterError("metrics: a label is outside the classes");
        ++m.confusion(y_true[i], y_pred[i]);
    }
    const int correct = m.confusion.trace();
    m.accuracy = m.n > 0 ? double(correct) / double(m.n) : 0.0;
    m.per_class.resize(size_t(nClasses));
    double recallSum = 0.0;
    int present = 0;
    for (int c = 0; c < nClasses; ++c) {
        ClassMetrics& k = m.per_class[size_t(c)];
        const int tp = m.confusion(c, c);
        const int predicted = m.confusion.col(c).sum();
        k.support = m.confusion.row(c).sum();
        k.precision = predicted > 0 ? double(tp) / double(predicted) : 0.0;
        k.recall = k.support > 0 ? double(tp) / double(k.support) : 0.0;
        k.f1 = k.precision + k.recall > 0.0 ? 2.0 * k.precision * k.recall / (k.precision + k.recall) : 0.0;
        if (k.support > 0) {
            recallSum += k.recall;
            ++present;
        }
    }
    m.balanced_accuracy = present > 0 ? recallSum / double(present) : 0.0;
    return m;
}

} // namespace dsp
