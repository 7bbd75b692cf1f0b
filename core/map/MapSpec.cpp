// SPDX-License-Identifier: GPL-3.0-or-later
#include "MapSpec.h"

namespace gs {

QString mapMethodName(MapMethod method)
{
    switch (method) {
    case MapMethod::Umap:
        return QStringLiteral("umap");
    case MapMethod::Tsne:
        return QStringLiteral("tsne");
    case MapMethod::Pca:
        break;
    }
    return QStringLiteral("pca");
}

QString mapMethodLabel(MapMethod method)
{
    switch (method) {
    case MapMethod::Umap:
        return QStringLiteral("UMAP");
    case MapMethod::Tsne:
        return QStringLiteral("t-SNE");
    case MapMethod::Pca:
        break;
    }
    return QStringLiteral("PCA");
}

QString MapSpec::key() const
{
    QString k = QStringLiteral("%1 features=%2 standardize=%3")
                    .arg(mapMethodName(method), featureSetName(features), standardize ? QStringLiteral("1") : QStringLiteral("0"));
    if (method == MapMethod::Umap)
        k += QStringLiteral(" n_neighbors=%1 min_dist=%2").arg(QString::number(n_neighbors), QString::number(min_dist, 'g', 17));
    else if (method == MapMethod::Tsne)
        k += QStringLiteral(" perplexity=%1").arg(QString::number(perplexity, 'g', 17));
    if (method != MapMethod::Pca)
        k += QStringLiteral(" seed=%1").arg(QString::number(seed));
    return k;
}

std::optional<MapSpec> MapSpec::fromKey(const QString& key)
{
    const QStringList words = key.split(u' ', Qt::SkipEmptyParts);
    if (words.isEmpty())
        return std::nullopt;
    MapSpec s;
    bool known = false;
    for (const MapMethod m : {MapMethod::Pca, MapMethod::Umap, MapMethod::Tsne})
        if (words[0] == mapMethodName(m)) {
            s.method = m;
            known = true;
        }
    bool ok = known;
    for (qsizetype i = 1; ok && i < words.size(); ++i) {
        const QString name = words[i].section(u'=', 0, 0), value = words[i].section(u'=', 1);
        if (name == QLatin1String("features")) {
            const auto kind = featureSetFromName(value);
            ok = kind.has_value();
            s.features = kind.value_or(FeatureSetKind::Summary);
        } else if (name == QLatin1String("standardize")) {
            ok = value == QLatin1String("0") || value == QLatin1String("1");
            s.standardize = value == QLatin1String("1");
        } else if (name == QLatin1String("n_neighbors")) {
            s.n_neighbors = value.toInt(&ok);
            ok = ok && s.n_neighbors >= 2 && s.n_neighbors <= 200;
        } else if (name == QLatin1String("min_dist")) {
            s.min_dist = value.toDouble(&ok);
            ok = ok && s.min_dist >= 0.0 && s.min_dist <= 1.0;
        } else if (name == QLatin1String("perplexity")) {
            s.perplexity = value.toDouble(&ok);
            ok = ok && s.perplexity >= 1.0 && s.perplexity <= 200.0;
        } else if (name == QLatin1String("seed")) {
            s.seed = value.toULongLong(&ok);
        } else {
            ok = false;
        }
    }
    return ok ? std::optional<MapSpec>(s) : std::nullopt;
}

} // namespace gs
