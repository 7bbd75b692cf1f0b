// SPDX-License-Identifier: GPL-3.0-or-later
#include "LogRegClassifier.h"

#include <linear.h>

#include <mutex>

namespace dsp {
namespace {

constexpr int kMaxClasses = 1 << 12;
constexpr double kBias = 1.0; ///< scikit-learn's intercept_scaling

void quiet(const char*) {}

struct TrainedModel
{
    model* m = nullptr;
    ~TrainedModel() { free_and_destroy_model(&m); }
};

std::vector<feature_node> nodesOf(const Eigen::MatrixXd& x, Eigen::Index row)
{
    const int d = int(x.cols());
    std::vector<feature_node> nodes(size_t(d) + 2);
    for (int j = 0; j < d; ++j)
        nodes[size_t(j)] = {j + 1, x(row, j)};
    nodes[size_t(d)] = {d + 1, kBias};
    nodes[size_t(d) + 1] = {-1, 0.0};
    return nodes;
}

} // namespace

LogRegClassifier::LogRegClassifier() = default;
LogRegClassifier::~LogRegClassifier() = default;

void LogRegClassifier::train(const Eigen::MatrixXd& x, const std::vector<int>& y, int nClasses)
{
    checkTrainingData(x, y, nClasses);
    m_nClasses = nClasses;
    m_nFeatures = int(x.cols());
    m_labels.clear();
    m_w.clear();
    bool several = false;
    for (int label : y)
        several = several || label != y.front();
    if (!several) {
        m_labels = {y.front()};
        buildView();
        return;
    }
    const Eigen::Index n = x.rows();
    const size_t width = size_t(m_nFeatures) + 2;
    std::vector<feature_node> nodes(size_t(n) * width);
    std::vector<feature_node*> rows(static_cast<size_t>(n));
    std::vector<double> labels(static_cast<size_t>(n));
    for (Eigen::Index r = 0; r < n; ++r) {
        const std::vector<feature_node> row = nodesOf(x, r);
        std::copy(row.begin(), row.end(), nodes.begin() + std::ptrdiff_t(size_t(r) * width));
        rows[size_t(r)] = nodes.data() + size_t(r) * width;
        labels[size_t(r)] = double(y[size_t(r)]);
    }
    problem prob{int(n), m_nFeatures + 1, labels.data(), rows.data(), kBias};
    parameter param{};
    param.solver_type = L2R_LR;
    param.eps = 1e-4;
    param.C = 1.0;
    param.p = 0.1;
    if (const char* why = check_parameter(&prob, &param))
        throw ParameterError(std::string("liblinear: ") + why);
    TrainedModel trained;
    {
        static std::mutex lock; // the print hook is process-wide
        const std::lock_guard guard(lock);
        set_print_string_function(&quiet);
    }
    trained.m = ::train(&prob, &param);
    const model& m = *trained.m;
    if (m.nr_class < 2 || m.nr_feature != m_nFeatures)
        throw ParameterError("liblinear gave no usable model");
    m_labels.assign(m.label, m.label + m.nr_class);
    m_w.assign(m.w, m.w + (size_t(m_nFeatures) + 1) * weightColumns());
    buildView();
}

void LogRegClassifier::buildView()
{
    m_model.reset();
    if (m_labels.size() < 2)
        return;
    auto view = std::make_unique<model>();
    *view = model{};
    view->param.solver_type = L2R_LR;
    view->nr_class = int(m_labels.size());
    view->nr_feature = m_nFeatures;
    view->w = m_w.data();
    view->label = m_labels.data();
    view->bias = kBias;
    m_model = std::move(view);
}

Eigen::MatrixXd LogRegClassifier::predictProba(const Eigen::MatrixXd& x) const
{
    return libraryProba(x, m_nFeatures, m_nClasses, m_labels, bool(m_model), [&](Eigen::Index r, double* p) {
        const std::vector<feature_node> nodes = nodesOf(x, r);
        predict_probability(m_model.get(), nodes.data(), p);
    });
}

void LogRegClassifier::save(ByteWriter& out) const
{
    out.i32(m_nClasses);
    out.i32(m_nFeatures);
    out.i32(int(m_labels.size()));
    out.i32s(m_labels);
    if (m_labels.size() >= 2)
        out.f64s(m_w);
}

std::unique_ptr<LogRegClassifier> LogRegClassifier::load(ByteReader& in)
{
    auto s = std::make_unique<LogRegClassifier>();
    s->m_nClasses = in.intIn(1, kMaxClasses, "class count");
    s->m_nFeatures = in.intIn(1, 1 << 24, "feature count");
    const int k = in.intIn(1, s->m_nClasses, "liblinear class count");
    s->m_labels = in.i32s(size_t(k));
    std::vector<bool> seen(size_t(s->m_nClasses), false);
    for (int label : s->m_labels) {
        if (label < 0 || label >= s->m_nClasses || seen[size_t(label)])
            throw ParameterError("the model's class labels are invalid");
        seen[size_t(label)] = true;
    }
    if (k >= 2) {
        const std::uint64_t n = (std::uint64_t(s->m_nFeatures) + 1) * s->weightColumns();
        if (n > in.left() / 8)
            throw ParameterError("the model ends early (truncated)");
        s->m_w = in.f64s(size_t(n), "weights");
    }
    s->buildView();
    return s;
}

} // namespace dsp
