// SPDX-License-Identifier: GPL-3.0-or-later
#include "MapExporter.h"

#include "PcaExporter.h"
#include "ScatterPlot.h"
#include "io/AtomicFile.h"
#include "library/CsvField.h"

#include <algorithm>

namespace gs {

render::ScatterPlotSpec MapExporter::plotSpec(const MapResult& map, QSize size)
{
    render::ScatterPlotSpec spec;
    spec.size = size;
    if (!map.ok())
        return spec;
    spec.genres = map.table->genres();
    std::sort(spec.genres.begin(), spec.genres.end(),
              [](const QString& a, const QString& b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    const auto& rows = map.table->rows();
    spec.points.reserve(std::size_t(rows.size()));
    for (qsizetype r = 0; r < rows.size(); ++r)
        spec.points.push_back({map.coords(r, 0), map.coords(r, 1), int(spec.genres.indexOf(rows[r].genre))});
    const QString method = mapMethodLabel(map.spec.method);
    spec.title = QStringLiteral("%1 of %2 tracks: %3%4")
                     .arg(method, QString::number(rows.size()), featureSetLabel(map.spec.features),
                          map.spec.standardize ? QStringLiteral(", standardised") : QString());
    spec.xLabel = method + QStringLiteral(" 1");
    spec.yLabel = method + QStringLiteral(" 2");
    return spec;
}

QByteArray MapExporter::coordinates(const MapResult& map)
{
    QByteArray out = "id,title,artist,genre,x,y\n";
    if (!map.ok())
        return out;
    const auto& rows = map.table->rows();
    for (qsizetype r = 0; r < rows.size(); ++r) {
        const FeatureRow& row = rows[r];
        out += (QString::number(row.id) + u',' + csvField(row.title) + u',' + csvField(row.artist) + u',' +
                csvField(row.genre))
                   .toUtf8();
        // 9 significant digits give every float32 back exactly, as the CLI writes them.
        out += ',' + QByteArray::number(double(float(map.coords(r, 0))), 'g', 9) + ',' +
               QByteArray::number(double(float(map.coords(r, 1))), 'g', 9) + '\n';
    }
    return out;
}

QString MapExporter::writePlot(const QString& path, const MapResult& map)
{
    if (!map.ok())
        return QStringLiteral("no map to export");
    return render::ScatterPlot::write(path, plotSpec(map));
}

QString MapExporter::writeCoordinates(const QString& path, const MapResult& map)
{
    if (!map.ok())
        return QStringLiteral("no map to export");
    const QString why = AtomicFile::write(path, coordinates(map));
    return why.isEmpty() ? QString() : QStringLiteral("cannot write: %1").arg(why);
}

QString MapExporter::writeFeatures(const QString& path, const MapResult& map)
{
    if (!map.ok())
        return QStringLiteral("no features to export");
    PcaResult features; // the exporter of the PCA view writes a table or its streamed source
    features.kind = map.spec.features;
    features.table = map.table;
    features.source = map.source;
    return PcaExporter::writeFeatures(path, features);
}

} // namespace gs
