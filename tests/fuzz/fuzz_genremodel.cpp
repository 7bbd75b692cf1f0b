// SPDX-License-Identifier: GPL-3.0-or-later
// A genre model file (GenreModel::fromBytes), read as found on disk. Whatever loads must be
// consistent (as many genres as classes), predict finite-sized output for a row of its width,
// and re-encode to bytes that load again and re-encode identically. The seed corpus holds a
// model of each classifier (40 features, 30 tracks).
#include "FuzzSupport.h"
#include "classify/GenreModel.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    QString why;
    const std::optional<gs::GenreModel> m = gs::GenreModel::fromBytes(gs::fuzz::bytes(data, size), &why);
    if (!m) {
        gs::fuzz::fuzzCheck(!why.isEmpty() && !why.contains(u'\n'), "a refusal is one non-empty line");
        return 0;
    }
    gs::fuzz::fuzzCheck(m->classifier->nClasses() == int(m->genres.size()), "as many genres as classes");
    const Eigen::MatrixXd p = m->classifier->predictProba(Eigen::MatrixXf::Zero(1, m->classifier->nFeatures()));
    gs::fuzz::fuzzCheck(p.rows() == 1 && p.cols() == m->genres.size(), "one probability per genre");
    const QByteArray again = m->toBytes();
    const std::optional<gs::GenreModel> back = gs::GenreModel::fromBytes(again, &why);
    gs::fuzz::fuzzCheck(back && back->toBytes() == again, "a loaded model re-encodes stably");
    return 0;
}
