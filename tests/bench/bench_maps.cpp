// SPDX-License-Identifier: GPL-3.0-or-later
// UMAP and t-SNE of synthetic clusters (N points, 40-d like the summary features, 10 Gaussian
// clusters) against umap-learn and scikit-learn on the same data in the same run:
//   bench_maps [--methods umap,tsne] [--reference python3] [--no-reference] N [N...]
// For each N it prints our time (deterministic default parameters, one thread for the
// optimisation), the reference's, the ratio, and trustworthiness@10 of both maps on a fixed
// sample of 2,000 points. Not a test: run by hand, under nice on a shared machine.
#include "dsp/map/Faithfulness.h"
#include "dsp/map/MapRandom.h"
#include "dsp/map/Tsne.h"
#include "dsp/map/Umap.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

Eigen::MatrixXf clusters(int n, int dims, std::uint64_t seed)
{
    dsp::MapRandom rng(seed);
    constexpr int k = 10;
    Eigen::MatrixXf centres(k, dims);
    for (int c = 0; c < k; ++c)
        for (int d = 0; d < dims; ++d)
            centres(c, d) = float(4.0 * rng.normal());
    Eigen::MatrixXf x(n, dims);
    for (int i = 0; i < n; ++i)
        for (int d = 0; d < dims; ++d)
            x(i, d) = centres(i % k, d) + float(rng.normal());
    return x;
}

/// numpy .npy (format 1.0, little-endian float32, C order).
bool writeNpy(const std::string& path, const Eigen::MatrixXf& m)
{
    std::ostringstream h;
    h << "{'descr': '<f4', 'fortran_order': False, 'shape': (" << m.rows() << ", " << m.cols() << "), }";
    std::string header = h.str();
    while ((10 + header.size() + 1) % 64 != 0)
        header += ' ';
    header += '\n';
    std::ofstream f(path, std::ios::binary);
    f.write("\x93NUMPY\x01\x00", 8);
    const auto len = std::uint16_t(header.size());
    f.put(char(len & 0xff)).put(char(len >> 8));
    f << header;
    const Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> rows = m;
    f.write(reinterpret_cast<const char*>(rows.data()), std::streamsize(sizeof(float) * size_t(rows.size())));
    return bool(f);
}

/// Reads a float32 (n x 2) .npy as written by numpy.save.
Eigen::MatrixXd readNpy2(const std::string& path, Eigen::Index n)
{
    std::ifstream f(path, std::ios::binary);
    char magic[10];
    if (!f.read(magic, 10))
        return {};
    const int len = (unsigned char)magic[8] | ((unsigned char)magic[9] << 8);
    f.ignore(len);
    std::vector<float> v(size_t(2 * n));
    if (!f.read(reinterpret_cast<char*>(v.data()), std::streamsize(sizeof(float) * v.size())))
        return {};
    Eigen::MatrixXd out(n, 2);
    for (Eigen::Index i = 0; i < n; ++i) {
        out(i, 0) = v[size_t(2 * i)];
        out(i, 1) = v[size_t(2 * i + 1)];
    }
    return out;
}

double jsonNumber(const std::string& json, const std::string& key)
{
    const auto at = json.find("\"" + key + "\":");
    return at == std::string::npos ? -1.0 : std::atof(json.c_str() + at + key.size() + 3);
}

double trust(const Eigen::MatrixXf& x, const Eigen::MatrixXd& y)
{
    if (y.rows() != x.rows())
        return -1.0;
    const std::vector<int> idx = dsp::Faithfulness::sample(int(x.rows()), 2000, 1);
    Eigen::MatrixXd xs(Eigen::Index(idx.size()), x.cols()), ys(Eigen::Index(idx.size()), 2);
    for (size_t r = 0; r < idx.size(); ++r) {
        xs.row(Eigen::Index(r)) = x.row(idx[r]).cast<double>();
        ys.row(Eigen::Index(r)) = y.row(idx[r]);
    }
    return dsp::Faithfulness::trustworthiness(xs, ys, 10, 2);
}

template <typename Fn>
double seconds(const Fn& fn)
{
    const auto t0 = std::chrono::steady_clock::now();
    fn();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

} // namespace

int main(int argc, char** argv)
{
    std::string methods = "umap,tsne", python = "/usr/bin/python3";
    bool reference = true;
    std::vector<int> sizes;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--methods") && i + 1 < argc)
            methods = argv[++i];
        else if (!std::strcmp(argv[i], "--reference") && i + 1 < argc)
            python = argv[++i];
        else if (!std::strcmp(argv[i], "--no-reference"))
            reference = false;
        else if (std::atoi(argv[i]) >= 100)
            sizes.push_back(std::atoi(argv[i]));
        else {
            std::fprintf(stderr, "usage: bench_maps [--methods umap,tsne] [--reference PYTHON] [--no-reference] N [N...]\n");
            return 2;
        }
    }
    if (sizes.empty())
        sizes = {10000};
    const std::string script = GENRESCOPE_MAP_BENCH_SCRIPT;
    for (int n : sizes) {
        const Eigen::MatrixXf x = clusters(n, 40, 42);
        const std::string npy = "/tmp/genrescope-bench-maps-" + std::to_string(n) + ".npy";
        if (!writeNpy(npy, x))
            return 1;
        std::string json;
        if (reference) {
            const std::string cmd = python + " " + script + " " + npy + " " + methods + " 42 30";
            if (FILE* p = popen(cmd.c_str(), "r")) {
                char buf[4096];
                while (fgets(buf, sizeof buf, p))
                    json += buf;
                pclose(p);
            }
        }
        for (const std::string method : {"umap", "tsne"}) {
            if (methods.find(method) == std::string::npos)
                continue;
            Eigen::MatrixXd y;
            const double ours = seconds([&] {
                if (method == "umap")
                    y = dsp::Umap({.random_state = 42}).fitTransform(x);
                else
                    y = dsp::Tsne({.random_state = 42}).fitTransform(x);
            });
            const double theirs = jsonNumber(json, method + "_s");
            const Eigen::MatrixXd ref = theirs > 0 ? readNpy2(npy + "." + method + ".npy", n) : Eigen::MatrixXd();
            std::printf("%s %d x 40: ours %.2f s (trustworthiness@10 %.4f), %s %.2f s (%.4f), ratio %.2fx\n",
                        method == "umap" ? "UMAP" : "t-SNE", n, ours, trust(x, y),
                        method == "umap" ? "umap-learn" : "scikit-learn", theirs, ref.size() ? trust(x, ref) : -1.0,
                        theirs > 0 ? theirs / ours : 0.0);
            std::fflush(stdout);
        }
        std::remove(npy.c_str());
    }
    return 0;
}
