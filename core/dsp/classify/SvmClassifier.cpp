// SPDX-License-Identifier: GPL-3.0-or-later
#include "SvmClassifier.h"

#include <libsvm/svm.h>

#include <cstdlib>
#include <mutex>

namespace dsp {
namespace {

constexpr int kMaxClasses = 1 << 12;

void quiet(const char*) {}

std::mutex& libsvmLock()
{
    static std::mutex m;
    return m;
}

struct TrainedModel
{
    svm_model* model = nullptr;
    ~TrainedModel() { svm_free_and_destroy_model(&model); }
};

} // namespace

SvmClassifier::SvmClassifier(unsigned probabilitySeed) : m_seed(probabilitySeed) {}
SvmClassifier::~SvmClassifier() = default;

void SvmClassifier::toNodes(const Eigen::MatrixXd& x, Eigen::Index row, std::vector<svm_node>& nodes) const
{
    nodes.resize(size_t(m_nFeatures) + 1);
    for (int j = 0; j < m_nFeatures; ++j)
        nodes[size_t(j)] = {j + 1, x(row, j)};
    nodes[size_t(m_nFeatures)] = {-1, 0.0};
}

void SvmClassifier::train(const Eigen::MatrixXd& x, const std::vector<int>& y, int nClasses)
{
    checkTrainingData(x, y, nClasses);
    m_nClasses = nClasses;
    m_nFeatures = int(x.cols());
    const double mean = x.mean();
    const double var = (x.array() - mean).square().mean();
    m_gamma = var > 0.0 ? 1.0 / (double(x.cols()) * var) : 1.0;
    m_labels.clear();
    m_nSV.clear();
    m_sv.clear();
    m_coef.clear();
    m_rho.clear();
    m_probA.clear();
    m_probB.clear();
    m_svCount = 0;
    bool several = false;
    for (int label : y)
        several = several || label != y.front();
    if (!several) { // one class: libsvm has nothing to separate
        m_labels = {y.front()};
        buildView();
        return;
    }

    const Eigen::Index n = x.rows();
    const size_t width = size_t(m_nFeatures) + 1;
    std::vector<svm_node> nodes(size_t(n) * width);
    std::vector<svm_node*> rows(static_cast<size_t>(n));
    std::vector<double> labels(static_cast<size_t>(n));
    for (Eigen::Index r = 0; r < n; ++r) {
        svm_node* row = nodes.data() + size_t(r) * width;
        for (int j = 0; j < m_nFeatures; ++j)
            row[j] = {j + 1, x(r, j)};
        row[m_nFeatures] = {-1, 0.0};
        rows[size_t(r)] = row;
        labels[size_t(r)] = double(y[size_t(r)]);
    }
    svm_problem problem{int(n), labels.data(), rows.data()};
    svm_parameter param{};
    param.svm_type = C_SVC;
    param.kernel_type = RBF;
    param.degree = 3;
    param.gamma = m_gamma;
    param.cache_size = 200;
    param.eps = 1e-3;
    param.C = 1.0;
    param.nu = 0.5;
    param.p = 0.1;
    param.shrinking = 1;
    param.probability = 1;
    if (const char* why = svm_check_parameter(&problem, &param))
        throw ParameterError(std::string("libsvm: ") + why);

    TrainedModel trained;
    {
        const std::lock_guard lock(libsvmLock());
        svm_set_print_string_function(&quiet);
        std::srand(m_seed);
        trained.model = svm_train(&problem, &param);
    }
    const svm_model& m = *trained.model;
    if (m.nr_class < 2 || m.l < 1 || !m.probA || !m.probB)
        throw ParameterError("libsvm gave no usable model");
    const int k = m.nr_class;
    m_labels.assign(m.label, m.label + k);
    m_nSV.assign(m.nSV, m.nSV + k);
    m_svCount = size_t(m.l);
    m_sv.assign(m_svCount * size_t(m_nFeatures), 0.0);
    for (size_t i = 0; i < m_svCount; ++i)
        for (const svm_node* p = m.SV[i]; p->index != -1; ++p)
            if (p->index >= 1 && p->index <= m_nFeatures)
                m_sv[i * size_t(m_nFeatures) + size_t(p->index - 1)] = p->value;
    for (int c = 0; c < k - 1; ++c)
        m_coef.insert(m_coef.end(), m.sv_coef[c], m.sv_coef[c] + m.l);
    const int pairs = k * (k - 1) / 2;
    m_rho.assign(m.rho, m.rho + pairs);
    m_probA.assign(m.probA, m.probA + pairs);
    m_probB.assign(m.probB, m.probB + pairs);
    buildView();
}

void SvmClassifier::buildView()
{
    m_model.reset();
    if (m_labels.size() < 2)
        return;
    const size_t width = size_t(m_nFeatures) + 1;
    m_nodes.assign(m_svCount * width, svm_node{-1, 0.0});
    m_svPtrs.resize(m_svCount);
    for (size_t i = 0; i < m_svCount; ++i) {
        svm_node* row = m_nodes.data() + i * width;
        for (int j = 0; j < m_nFeatures; ++j)
            row[j] = {j + 1, m_sv[i * size_t(m_nFeatures) + size_t(j)]};
        m_svPtrs[i] = row;
    }
    const int k = int(m_labels.size());
    m_coefPtrs.resize(size_t(k - 1));
    for (int c = 0; c < k - 1; ++c)
        m_coefPtrs[size_t(c)] = m_coef.data() + size_t(c) * m_svCount;
    auto model = std::make_unique<svm_model>();
    *model = svm_model{};
    model->param.svm_type = C_SVC;
    model->param.kernel_type = RBF;
    model->param.gamma = m_gamma;
    model->param.probability = 1;
    model->nr_class = k;
    model->l = int(m_svCount);
    model->SV = m_svPtrs.data();
    model->sv_coef = m_coefPtrs.data();
    model->rho = m_rho.data();
    model->probA = m_probA.data();
    model->probB = m_probB.data();
    model->label = m_labels.data();
    model->nSV = m_nSV.data();
    model->free_sv = 0;
    m_model = std::move(model);
}

Eigen::MatrixXd SvmClassifier::predictProba(const Eigen::MatrixXd& x) const
{
    std::vector<svm_node> nodes;
    return libraryProba(x, m_nFeatures, m_nClasses, m_labels, bool(m_model), [&](Eigen::Index r, double* p) {
        toNodes(x, r, nodes);
        svm_predict_probability(m_model.get(), nodes.data(), p);
    });
}

std::vector<int> SvmClassifier::decisionClass(const Eigen::MatrixXd& x) const
{
    checkWidth(x, m_nFeatures);
    std::vector<int> out(size_t(x.rows()), m_labels.empty() ? 0 : m_labels.front());
    if (!m_model)
        return out;
    std::vector<svm_node> nodes;
    for (Eigen::Index r = 0; r < x.rows(); ++r) {
        toNodes(x, r, nodes);
        out[size_t(r)] = int(svm_predict(m_model.get(), nodes.data()));
    }
    return out;
}

void SvmClassifier::save(ByteWriter& out) const
{
    out.i32(m_nClasses);
    out.i32(m_nFeatures);
    out.f64(m_gamma);
    out.i32(int(m_labels.size()));
    out.i32s(m_labels);
    if (m_labels.size() < 2)
        return;
    out.i32s(m_nSV);
    out.f64s(m_sv);
    out.f64s(m_coef);
    out.f64s(m_rho);
    out.f64s(m_probA);
    out.f64s(m_probB);
}

std::unique_ptr<SvmClassifier> SvmClassifier::load(ByteReader& in)
{
    auto s = std::make_unique<SvmClassifier>();
    s->m_nClasses = in.intIn(1, kMaxClasses, "class count");
    s->m_nFeatures = in.intIn(1, 1 << 24, "feature count");
    s->m_gamma = in.finite("gamma");
    if (s->m_gamma <= 0.0)
        throw ParameterError("the model's gamma is not positive");
    const int k = in.intIn(1, s->m_nClasses, "libsvm class count");
    s->m_labels = in.i32s(size_t(k));
    std::vector<bool> seen(size_t(s->m_nClasses), false);
    for (int label : s->m_labels) {
        if (label < 0 || label >= s->m_nClasses || seen[size_t(label)])
            throw ParameterError("the model's class labels are invalid");
        seen[size_t(label)] = true;
    }
    if (k == 1)
        return s;
    s->m_nSV = in.i32s(size_t(k));
    std::uint64_t total = 0;
    for (int c : s->m_nSV) {
        if (c < 0)
            throw ParameterError("the model's support vector counts are invalid");
        total += std::uint64_t(c);
    }
    if (total < 1 || total > in.left() / 8 / std::uint64_t(s->m_nFeatures))
        throw ParameterError("the model's support vector count does not match its size (truncated?)");
    s->m_svCount = size_t(total);
    s->m_sv = in.f64s(s->m_svCount * size_t(s->m_nFeatures), "support vectors");
    s->m_coef = in.f64s(size_t(k - 1) * s->m_svCount, "coefficients");
    const size_t pairs = size_t(k) * size_t(k - 1) / 2;
    s->m_rho = in.f64s(pairs, "rho");
    s->m_probA = in.f64s(pairs, "Platt A");
    s->m_probB = in.f64s(pairs, "Platt B");
    s->buildView();
    return s;
}

} // namespace dsp
