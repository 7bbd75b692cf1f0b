// SPDX-License-Identifier: GPL-3.0-or-later
#include "Faithfulness.h"

#include "MapRandom.h"

#include <algorithm>
#include <numeric>
#include <string>
#include <thread>
#include <utility>

namespace dsp {
namespace {

using Candidate = std::pair<double, int>;

/// Squared distances from sample i (column i of zt, (dims x n)) to every sample.
void distancesFrom(const Eigen::MatrixXd& zt, int i, Eigen::VectorXd& out)
{
    out = (zt.colwise() - zt.col(i)).colwise().squaredNorm().transpose();
}

/// The k nearest other samples of i by `d2` (ties: smaller index), into `out`.
void nearest(const Eigen::VectorXd& d2, int i, int k, std::vector<Candidate>& buf, std::vector<int>& out)
{
    const int n = int(d2.size());
    buf.clear();
    for (int j = 0; j < n; ++j)
        if (j != i)
            buf.emplace_back(d2[j], j);
    std::nth_element(buf.begin(), buf.begin() + (k - 1), buf.end());
    std::sort(buf.begin(), buf.begin() + k);
    out.resize(std::size_t(k));
    for (int m = 0; m < k; ++m)
        out[std::size_t(m)] = buf[std::size_t(m)].second;
}

/// Sums perSample(i, scratch) over i in [0, n) on `threads` threads in a fixed order.
template <typename Scratch, typename Fn>
double sumOver(int n, int threads, const Fn& perSample)
{
    std::vector<double> part(std::size_t(n), 0.0);
    const int t = std::max(1, std::min(threads, n));
    std::vector<std::thread> pool;
    const auto work = [&](int w) {
        Scratch s;
        for (int i = w; i < n; i += t)
            part[std::size_t(i)] = perSample(i, s);
    };
    for (int w = 1; w < t; ++w)
        pool.emplace_back(work, w);
    work(0);
    for (auto& th : pool)
        th.join();
    double sum = 0.0;
    for (double v : part)
        sum += v;
    return sum;
}

struct Scratch
{
    Eigen::VectorXd dx, dy;
    std::vector<Candidate> buf;
    std::vector<int> nn;
};

void checkRows(const Faithfulness::InputRef& z, const char* what)
{
    if (z.rows() < 2 || z.cols() < 1)
        throw ParameterError(std::string(what) + ": needs at least 2 samples and 1 dimension");
    if (!z.allFinite())
        throw ParameterError(std::string(what) + ": the data hold NaN or infinite values");
}

Eigen::MatrixXd rowsOf(const Faithfulness::InputRef& z, const std::vector<int>& idx)
{
    Eigen::MatrixXd out(Eigen::Index(idx.size()), z.cols());
    for (std::size_t r = 0; r < idx.size(); ++r)
        out.row(Eigen::Index(r)) = z.row(idx[r]);
    return out;
}

} // namespace

Faithfulness::Faithfulness(const FaithfulnessParams& params) : m_params(params)
{
    if (params.n_neighbors < 1 || params.agreement_neighbors < 1)
        throw ParameterError("faithfulness: n_neighbors and agreement_neighbors must be >= 1");
    if (params.max_samples < 2)
        throw ParameterError("faithfulness: max_samples must be >= 2, got " + std::to_string(params.max_samples));
    if (params.threads < 1)
        throw ParameterError("faithfulness: threads must be >= 1");
}

double Faithfulness::trustworthiness(const InputRef& x, const InputRef& y, int k, int threads)
{
    checkRows(x, "trustworthiness");
    checkRows(y, "trustworthiness");
    const int n = int(x.rows());
    if (y.rows() != n)
        throw ParameterError("trustworthiness: X and the map have different numbers of samples");
    if (k < 1 || 2 * k >= n)
        throw ParameterError("trustworthiness: n_neighbors (" + std::to_string(k) + ") must be less than n_samples / 2 (" +
                             std::to_string(n) + " samples)");
    const Eigen::MatrixXd xt = x.transpose(), yt = y.transpose();
    const double penalty = sumOver<Scratch>(n, threads, [&](int i, Scratch& s) {
        distancesFrom(xt, i, s.dx);
        distancesFrom(yt, i, s.dy);
        nearest(s.dy, i, k, s.buf, s.nn);
        double sum = 0.0;
        for (int j : s.nn) {
            // rank of j among i's neighbours in X (1 = nearest; ties: smaller index first)
            const double dj = s.dx[j];
            long rank = 1;
            for (int l = 0; l < n; ++l)
                rank += (l != i && (s.dx[l] < dj || (s.dx[l] == dj && l < j))) ? 1 : 0;
            sum += double(std::max(0L, rank - k));
        }
        return sum;
    });
    const double nd = n, kd = k;
    return 1.0 - penalty * (2.0 / (nd * kd * (2.0 * nd - 3.0 * kd - 1.0)));
}

double Faithfulness::knnAgreement(const InputRef& z, const std::vector<int>& labels, int k, int threads)
{
    checkRows(z, "k-NN agreement");
    const int n = int(z.rows());
    if (labels.size() != std::size_t(n))
        throw ParameterError("k-NN agreement: one label per sample is needed");
    if (k < 1 || k >= n)
        throw ParameterError("k-NN agreement: k (" + std::to_string(k) + ") must be less than the number of samples (" +
                             std::to_string(n) + ")");
    const Eigen::MatrixXd zt = z.transpose();
    const double sum = sumOver<Scratch>(n, threads, [&](int i, Scratch& s) {
        distancesFrom(zt, i, s.dx);
        nearest(s.dx, i, k, s.buf, s.nn);
        int same = 0;
        for (int j : s.nn)
            same += labels[std::size_t(j)] == labels[std::size_t(i)] ? 1 : 0;
        return double(same) / k;
    });
    return sum / n;
}

std::vector<int> Faithfulness::sample(int n, int maxSamples, std::uint64_t randomState)
{
    std::vector<int> idx(std::size_t(std::max(n, 0)));
    std::iota(idx.begin(), idx.end(), 0);
    if (n <= maxSamples)
        return idx;
    MapRandom rng(randomState);
    for (int i = 0; i < maxSamples; ++i) // partial Fisher-Yates
        std::swap(idx[std::size_t(i)], idx[std::size_t(i) + rng.below(std::uint32_t(n - i))]);
    idx.resize(std::size_t(maxSamples));
    std::sort(idx.begin(), idx.end());
    return idx;
}

FaithfulnessReport Faithfulness::measure(const InputRef& x, const InputRef& y, const std::vector<int>& labels) const
{
    checkRows(x, "faithfulness");
    checkRows(y, "faithfulness");
    const int n = int(x.rows());
    if (y.rows() != n || labels.size() != std::size_t(n))
        throw ParameterError("faithfulness: the data, the map and the labels differ in length");
    FaithfulnessReport r;
    const std::vector<int> idx = sample(n, m_params.max_samples, m_params.random_state);
    r.samples = int(idx.size());
    r.sampled = r.samples < n;
    const Eigen::MatrixXd xs = rowsOf(x, idx), ys = rowsOf(y, idx);
    std::vector<int> ls(idx.size());
    for (std::size_t i = 0; i < idx.size(); ++i)
        ls[i] = labels[std::size_t(idx[i])];
    const int k = m_params.n_neighbors, ka = m_params.agreement_neighbors;
    if (r.samples >= 2 * k + 2)
        r.trustworthiness = trustworthiness(xs, ys, k, m_params.threads);
    if (r.samples > ka) {
        r.agreementFeatures = knnAgreement(xs, ls, ka, m_params.threads);
        r.agreementMap = knnAgreement(ys, ls, ka, m_params.threads);
    }
    return r;
}

} // namespace dsp
