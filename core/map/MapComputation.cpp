// SPDX-License-Identifier: GPL-3.0-or-later
#include "MapComputation.h"

#include "MapFeatures.h"
#include "StoredMap.h"
#include "dsp/map/MapPlacement.h"
#include "dsp/map/Tsne.h"
#include "dsp/map/Umap.h"

#include <QFileInfo>
#include <QHash>

#include <algorithm>
#include <exception>
#include <new>

namespace gs {
namespace {

constexpr int kTsnePlacementNeighbours = 15;
constexpr double kFeaturesDone = 0.1; ///< progress after the features, before the fit
constexpr double kMapDone = 0.9;      ///< ... after the map, before the faithfulness

QHash<qint64, int> indexOf(const std::vector<qint64>& ids)
{
    QHash<qint64, int> at;
    at.reserve(qsizetype(ids.size()));
    for (std::size_t i = 0; i < ids.size(); ++i)
        at.insert(ids[i], int(i));
    return at;
}

int minimumTracks(MapMethod method) { return method == MapMethod::Tsne ? dsp::Tsne::kMinSamples : dsp::Umap::kMinSamples; }

} // namespace

MapComputation::MapComputation(const MapSpec& spec, std::shared_ptr<const AnalysisResult> analysis, int threads,
                               quint64 request)
    : m_spec(spec), m_analysis(std::move(analysis)), m_threads(std::max(1, threads)), m_request(request)
{
    if (m_analysis && m_analysis->store)
        m_path = StoredMap::pathFor(m_analysis->store->folder(), m_spec);
}

int MapComputation::storedRow(const StoredMap& stored, const QHash<qint64, int>& at, int i) const
{
    const auto it = at.constFind(m_analysis->rows[i].id);
    return it != at.cend() && stored.prints[std::size_t(it.value())] == m_prints[std::size_t(i)] ? it.value() : -1;
}

void MapComputation::run(bool useStored, const Hooks& h)
{
    MapResult r;
    r.spec = m_spec;
    r.request = m_request;
    const int n = m_analysis ? int(m_analysis->rows.size()) : 0;
    if (n < minimumTracks(m_spec.method)) {
        r.error = QStringLiteral("%1 needs at least %2 analysed tracks (have %3)")
                      .arg(mapMethodLabel(m_spec.method), QString::number(minimumTracks(m_spec.method)), QString::number(n));
        h.mapDone(r);
        return;
    }
    std::optional<StoredMap> stored;
    if (useStored && !m_path.isEmpty()) {
        QString why;
        stored = StoredMap::read(m_path, m_spec.key(), &why);
        if (!why.isEmpty())
            r.notes << QStringLiteral("stored map %1: %2; made again").arg(QFileInfo(m_path).fileName(), why);
    }
    m_prints.resize(std::size_t(n));
    for (int i = 0; i < n; ++i)
        m_prints[std::size_t(i)] = StoredMap::fingerprint(m_analysis->features[i]);
    const QHash<qint64, int> at = stored ? indexOf(stored->ids) : QHash<qint64, int>{};
    bool sameSet = stored && stored->ids.size() == std::size_t(n);
    for (int i = 0; sameSet && i < n; ++i)
        sameSet = storedRow(*stored, at, i) >= 0;
    h.stage(sameSet ? QStringLiteral("Reading the stored map") : QStringLiteral("Preparing the features"));
    const MapFeatures f = MapFeatures::build(m_spec, m_analysis, !sameSet || !stored->faithfulness);
    if (h.control.cancelled())
        return;
    if (!f.error.isEmpty()) {
        r.error = f.error;
        h.mapDone(r);
        return;
    }
    r.table = f.table;
    r.source = f.source;
    if (sameSet) { // the stored map as it is, in the analysis's row order
        r.coords.resize(n, 2);
        r.placed.assign(std::size_t(n), 0);
        for (int i = 0; i < n; ++i) {
            const int j = storedRow(*stored, at, i);
            r.coords.row(i) = stored->coords.row(j);
            r.placed[std::size_t(i)] = stored->placed[std::size_t(j)];
            r.placedCount += r.placed[std::size_t(i)] ? 1 : 0;
        }
        r.fromStore = true;
        h.mapDone(r);
        if (stored->faithfulness) {
            h.faithfulnessDone({m_spec, m_request, n, *stored->faithfulness, {}});
            return;
        }
    } else {
        h.control.report(kFeaturesDone);
        const bool placed = stored && placeOnto(r, *stored, f.x, h);
        if (!placed && !fit(r, f.x, h))
            return; // cancelled
        if (h.control.cancelled())
            return;
        if (r.error.isEmpty())
            store(r, std::nullopt, h);
        h.mapDone(r);
        if (!r.error.isEmpty())
            return;
    }
    h.control.report(kMapDone);
    h.stage(QStringLiteral("Measuring faithfulness"));
    const MapFaithfulness mf = faithfulness(m_spec, f.x, r.coords, *r.table, m_threads);
    if (h.control.cancelled())
        return;
    if (mf.error.isEmpty())
        store(r, mf.report, h);
    h.control.report(1.0);
    MapFaithfulness out = mf;
    out.request = m_request;
    h.faithfulnessDone(out);
}

void MapComputation::measure(const Eigen::MatrixXd& coords, const Hooks& h)
{
    h.stage(QStringLiteral("Measuring faithfulness"));
    const MapFeatures f = MapFeatures::build(m_spec, m_analysis);
    if (h.control.cancelled())
        return;
    MapFaithfulness mf;
    if (!f.error.isEmpty() || coords.rows() != f.x.rows()) {
        mf.spec = m_spec;
        mf.tracks = int(coords.rows());
        mf.error = f.error.isEmpty() ? QStringLiteral("the map and the features differ in size") : f.error;
    } else {
        mf = faithfulness(m_spec, f.x, coords, *f.table, m_threads);
    }
    if (h.control.cancelled())
        return;
    mf.request = m_request;
    h.faithfulnessDone(mf);
}

bool MapComputation::placeOnto(MapResult& r, const StoredMap& stored, const Eigen::MatrixXf& x, const Hooks& h) const
{
    const QHash<qint64, int> at = indexOf(stored.ids);
    const auto& rows = r.table->rows();
    std::vector<int> kept, added;
    std::vector<int> from(rows.size(), -1); ///< row -> stored row
    for (int i = 0; i < int(rows.size()); ++i) {
        from[std::size_t(i)] = storedRow(stored, at, i);
        (from[std::size_t(i)] >= 0 ? kept : added).push_back(i);
    }
    if (int(kept.size()) < minimumTracks(m_spec.method) || kept.size() < added.size())
        return false; // too little of the map is left: fit it again
    h.stage(QStringLiteral("Placing %1 new tracks").arg(added.size()));
    const int n = int(rows.size());
    r.coords.resize(n, 2);
    r.placed.assign(std::size_t(n), 1);
    try {
        Eigen::MatrixXf mappedX(Eigen::Index(kept.size()), x.cols()), newX(Eigen::Index(added.size()), x.cols());
        Eigen::MatrixXd mappedY(Eigen::Index(kept.size()), 2);
        for (std::size_t j = 0; j < kept.size(); ++j) {
            const int s = from[std::size_t(kept[j])];
            mappedX.row(Eigen::Index(j)) = x.row(kept[j]);
            mappedY.row(Eigen::Index(j)) = stored.coords.row(s);
            r.coords.row(kept[j]) = stored.coords.row(s);
            r.placed[std::size_t(kept[j])] = stored.placed[std::size_t(s)];
        }
        for (std::size_t j = 0; j < added.size(); ++j)
            newX.row(Eigen::Index(j)) = x.row(added[j]);
        const int k = m_spec.method == MapMethod::Umap ? m_spec.n_neighbors : kTsnePlacementNeighbours;
        const Eigen::MatrixXd y = dsp::MapPlacement({.n_neighbors = k, .threads = m_threads}).place(mappedX, mappedY, newX);
        for (std::size_t j = 0; j < added.size(); ++j)
            r.coords.row(added[j]) = y.row(Eigen::Index(j));
    } catch (const std::bad_alloc&) {
        r.error = QStringLiteral("out of memory placing %1 tracks").arg(added.size());
    } catch (const std::exception& e) {
        r.error = QString::fromStdString(e.what());
    }
    r.placedCount = int(std::count(r.placed.begin(), r.placed.end(), 1));
    return true;
}

bool MapComputation::fit(MapResult& r, const Eigen::MatrixXf& x, const Hooks& h) const
{
    const dsp::MapControl control = h.control.part(kFeaturesDone, kMapDone);
    const int n = int(x.rows());
    Eigen::MatrixXd y;
    try {
        if (m_spec.method == MapMethod::Umap) {
            h.stage(QStringLiteral("Fitting UMAP"));
            const dsp::Umap umap({.n_neighbors = m_spec.n_neighbors, .min_dist = m_spec.min_dist,
                                  .random_state = m_spec.seed, .threads = m_threads});
            y = umap.fitTransform(x, control);
        } else {
            h.stage(QStringLiteral("Fitting t-SNE"));
            const double perplexity = std::min(m_spec.perplexity, (n - 1) / 3.0);
            if (perplexity < m_spec.perplexity)
                r.notes << QStringLiteral("perplexity capped at %1 for %2 tracks")
                               .arg(QString::number(perplexity, 'g', 6), QString::number(n));
            const dsp::Tsne tsne({.perplexity = perplexity, .random_state = m_spec.seed, .threads = m_threads});
            y = tsne.fitTransform(x, control);
        }
    } catch (const std::bad_alloc&) {
        r.error = QStringLiteral("out of memory fitting %1 to %2 tracks").arg(mapMethodLabel(m_spec.method), QString::number(n));
        return true;
    } catch (const std::exception& e) {
        r.error = QString::fromStdString(e.what());
        return true;
    }
    if (control.cancelled() || y.rows() != n)
        return false;
    r.coords = std::move(y);
    r.placed.assign(std::size_t(n), 0);
    r.placedCount = 0;
    r.fitted = true;
    return true;
}

void MapComputation::store(const MapResult& r, const std::optional<dsp::FaithfulnessReport>& f, const Hooks& h) const
{
    if (m_path.isEmpty())
        return;
    StoredMap s;
    s.key = m_spec.key();
    for (const FeatureRow& row : r.table->rows())
        s.ids.push_back(row.id);
    s.prints = m_prints;
    s.placed = r.placed;
    s.coords = r.coords;
    s.faithfulness = f;
    if (const QString why = s.write(m_path); !why.isEmpty() && h.warning)
        h.warning(QStringLiteral("cannot store the map in %1: %2").arg(m_path, why));
}

MapFaithfulness MapComputation::faithfulness(const MapSpec& spec, const Eigen::MatrixXf& x, const Eigen::MatrixXd& coords,
                                             const FeatureTable& table, int threads)
{
    MapFaithfulness mf;
    mf.spec = spec;
    mf.tracks = int(coords.rows());
    QHash<QString, int> genres;
    std::vector<int> labels;
    labels.reserve(std::size_t(table.size()));
    for (const FeatureRow& row : table.rows()) {
        auto it = genres.constFind(row.genre);
        if (it == genres.cend())
            it = genres.insert(row.genre, int(genres.size()));
        labels.push_back(it.value());
    }
    try {
        const dsp::Faithfulness f({.n_neighbors = MapFaithfulness::kTrustNeighbours,
                                   .agreement_neighbors = MapFaithfulness::kAgreementNeighbours,
                                   .random_state = spec.seed, .threads = std::max(1, threads)});
        mf.report = f.measure(x.cast<double>(), coords, labels);
    } catch (const std::bad_alloc&) {
        mf.error = QStringLiteral("out of memory measuring the map's faithfulness");
    } catch (const std::exception& e) {
        mf.error = QString::fromStdString(e.what());
    }
    return mf;
}

} // namespace gs
