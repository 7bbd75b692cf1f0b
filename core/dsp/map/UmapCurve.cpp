// SPDX-License-Identifier: GPL-3.0-or-later
#include "UmapCurve.h"

#include "../ParameterError.h"

#include <Eigen/Dense>

#include <cmath>
#include <string>

namespace dsp {
namespace {

constexpr int kPoints = 300;

struct Residuals
{
    Eigen::VectorXd r;       ///< model - target
    Eigen::MatrixXd jacobian; ///< d r / d (a, b)
};

Residuals evaluate(const Eigen::VectorXd& x, const Eigen::VectorXd& y, double a, double b)
{
    Residuals out{Eigen::VectorXd(x.size()), Eigen::MatrixXd(x.size(), 2)};
    for (Eigen::Index i = 0; i < x.size(); ++i) {
        const double p = x[i] > 0.0 ? std::pow(x[i], 2.0 * b) : 0.0; // d^(2b)
        const double den = 1.0 + a * p;
        out.r[i] = 1.0 / den - y[i];
        out.jacobian(i, 0) = -p / (den * den);
        out.jacobian(i, 1) = x[i] > 0.0 ? -a * p * 2.0 * std::log(x[i]) / (den * den) : 0.0;
    }
    return out;
}

} // namespace

UmapCurve UmapCurve::fit(double spread, double minDist)
{
    if (!(spread > 0.0) || !std::isfinite(spread))
        throw ParameterError("spread must be > 0, got " + std::to_string(spread));
    if (!(minDist >= 0.0) || minDist > spread)
        throw ParameterError("min_dist must be in [0, spread], got " + std::to_string(minDist));
    Eigen::VectorXd x(kPoints), y(kPoints);
    for (int i = 0; i < kPoints; ++i) {
        x[i] = 3.0 * spread * i / (kPoints - 1);
        y[i] = x[i] < minDist ? 1.0 : std::exp(-(x[i] - minDist) / spread);
    }
    double a = 1.0, b = 1.0, lambda = 1e-3;
    Residuals cur = evaluate(x, y, a, b);
    double cost = cur.r.squaredNorm();
    for (int iter = 0; iter < 200; ++iter) {
        const Eigen::Matrix2d jtj = cur.jacobian.transpose() * cur.jacobian;
        const Eigen::Vector2d jtr = cur.jacobian.transpose() * cur.r;
        Eigen::Matrix2d damped = jtj;
        damped.diagonal() *= 1.0 + lambda;
        const Eigen::Vector2d step = damped.ldlt().solve(-jtr);
        const double na = a + step[0], nb = b + step[1];
        const Residuals next = evaluate(x, y, na, nb);
        const double nextCost = next.r.squaredNorm();
        if (std::isfinite(nextCost) && nextCost < cost) {
            const bool converged = cost - nextCost < 1e-14 * (1.0 + cost);
            a = na;
            b = nb;
            cur = next;
            cost = nextCost;
            lambda = std::max(lambda / 10.0, 1e-12);
            if (converged)
                break;
        } else {
            lambda *= 10.0;
            if (lambda > 1e12)
                break;
        }
    }
    return {a, b};
}

} // namespace dsp
