// SPDX-License-Identifier: GPL-3.0-or-later
#include "PcaExporter.h"

#include "ScatterPlot.h"
#include "analysis/FeatureTableCsv.h"
#include "analysis/NpyWriter.h"

#include <algorithm>
#include <exception>
#include <new>

namespace gs {

render::ScatterPlotSpec PcaExporter::plotSpec(const PcaResult& result, int x, int y, QSize size)
{
    render::ScatterPlotSpec spec;
    spec.size = size;
    if (!result.ok() || x >= result.components() || y >= result.components())
        return spec;
    spec.genres = result.table->genres();
    std::sort(spec.genres.begin(), spec.genres.end(),
              [](const QString& a, const QString& b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    const auto& rows = result.table->rows();
    spec.points.reserve(size_t(rows.size()));
    for (qsizetype r = 0; r < rows.size(); ++r)
        spec.points.push_back({result.coords(r, x), result.coords(r, y), int(spec.genres.indexOf(rows[r].genre))});
    spec.title = QStringLiteral("PCA of %1 tracks: %2%3")
                     .arg(QString::number(rows.size()), featureSetLabel(result.kind),
                          result.standardize ? QStringLiteral(", standardised") : QString());
    spec.xLabel = render::ScatterPlot::axisTitle(x + 1, result.explainedVarianceRatio[x]);
    spec.yLabel = render::ScatterPlot::axisTitle(y + 1, result.explainedVarianceRatio[y]);
    return spec;
}

QString PcaExporter::writePlot(const QString& path, const PcaResult& result, int x, int y)
{
    if (!result.ok())
        return QStringLiteral("no PCA to export");
    if (x < 0 || y < 0 || x >= result.components() || y >= result.components())
        return QStringLiteral("component out of range");
    return render::ScatterPlot::write(path, plotSpec(result, x, y));
}

QString PcaExporter::writeCoordinates(const QString& path, const PcaResult& result)
{
    if (!result.ok())
        return QStringLiteral("no PCA to export");
    return FeatureTableCsv::writeCoordinates(path, result, FeatureTableCsv::IdColumn::Id);
}

QString PcaExporter::writeFeatures(const QString& path, const PcaResult& result)
{
    if (!result.ok())
        return QStringLiteral("no features to export");
    if (result.table->holdsValues() || !result.source)
        return NpyWriter::write(path, dsp::Matrix(result.table->matrix()));
    try { // streamed (the MFCC images): read them all for this one export
        dsp::Matrix all(result.source->rows(), result.source->cols());
        result.source->readRows(0, all.rows(), all);
        return NpyWriter::write(path, all);
    } catch (const std::bad_alloc&) {
        return QStringLiteral("out of memory reading %1 x %2 features")
            .arg(QString::number(result.source->rows()), QString::number(result.source->cols()));
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
}

} // namespace gs
