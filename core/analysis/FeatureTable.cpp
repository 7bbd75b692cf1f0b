// SPDX-License-Identifier: GPL-3.0-or-later
#include "FeatureTable.h"

#include <QSet>

#include <cmath>

namespace gs {

QString featureSetName(FeatureSetKind kind)
{
    switch (kind) {
    case FeatureSetKind::Summary: return QStringLiteral("summary");
    case FeatureSetKind::MfccImage: return QStringLiteral("mfcc-image");
    case FeatureSetKind::MelSummary: return QStringLiteral("mel-summary");
    case FeatureSetKind::Fma: return QStringLiteral("fma");
    case FeatureSetKind::MelImage: return QStringLiteral("mel-image");
    }
    return {};
}

std::optional<FeatureSetKind> featureSetFromName(const QString& name)
{
    for (const auto kind : {FeatureSetKind::Summary, FeatureSetKind::MfccImage, FeatureSetKind::MelSummary,
                            FeatureSetKind::Fma, FeatureSetKind::MelImage})
        if (featureSetName(kind) == name)
            return kind;
    return std::nullopt;
}

QString featureSetLabel(FeatureSetKind kind)
{
    switch (kind) {
    case FeatureSetKind::Summary: return QStringLiteral("MFCC mean + std");
    case FeatureSetKind::MfccImage: return QStringLiteral("Flattened MFCC image");
    case FeatureSetKind::MelSummary: return QStringLiteral("Mel dB mean + std");
    case FeatureSetKind::Fma: return QStringLiteral("FMA 518 statistics");
    case FeatureSetKind::MelImage: return QStringLiteral("Mel spectrogram image");
    }
    return {};
}

bool featureSetStandardizedByDefault(FeatureSetKind kind) { return kind == FeatureSetKind::Fma; }

bool featureSetInStore(FeatureSetKind kind) { return kind != FeatureSetKind::MelImage; }

FeatureTable::FeatureTable(FeatureSetKind kind, Eigen::Index nFeatures, Eigen::Index capacity)
    : m_kind(kind), m_nFeatures(nFeatures), m_data(capacity, nFeatures)
{
    m_rows.reserve(qsizetype(capacity));
}

dsp::Vector FeatureTable::vectorOf(FeatureSetKind kind, const CachedFeatures& f)
{
    switch (kind) {
    case FeatureSetKind::Summary: return f.mfccSummary;
    case FeatureSetKind::MelSummary: return f.melSummary;
    case FeatureSetKind::Fma:
    case FeatureSetKind::MelImage: return {}; // not cached: computed on demand, add(row, vector)
    case FeatureSetKind::MfccImage: {
        // numpy C order of the (n_mfcc x frames) image: the transpose's column-major storage
        const dsp::Matrix t = f.mfccImage.transpose();
        return Eigen::Map<const dsp::Vector>(t.data(), t.size());
    }
    }
    return {};
}

FeatureTable FeatureTable::build(FeatureSetKind kind, const QList<FeatureRow>& rows, const QList<CachedFeatures>& features)
{
    const Eigen::Index n = std::min(rows.size(), features.size());
    const Eigen::Index width = n > 0 ? vectorOf(kind, features.front()).size() : 0;
    FeatureTable table(kind, width, n);
    for (Eigen::Index i = 0; i < n; ++i)
        table.add(rows[qsizetype(i)], features[qsizetype(i)]);
    return table;
}

bool FeatureTable::add(const FeatureRow& row, const CachedFeatures& features)
{
    return add(row, vectorOf(m_kind, features));
}

bool FeatureTable::add(const FeatureRow& row, const dsp::Vector& vector)
{
    dsp::Vector v = vector;
    if (m_kind == FeatureSetKind::Fma) // a statistic scipy leaves undefined (constant coefficient) enters as 0
        v = v.unaryExpr([](float x) { return std::isfinite(x) ? x : 0.0f; });
    if (m_rows.isEmpty() && m_nFeatures == 0)
        m_nFeatures = v.size();
    if (v.size() != m_nFeatures || v.size() == 0)
        return false;
    if (m_data.cols() != m_nFeatures)
        m_data.resize(m_data.rows(), m_nFeatures);
    const Eigen::Index r = size();
    if (r == m_data.rows())
        m_data.conservativeResize(std::max<Eigen::Index>(16, 2 * r), m_nFeatures);
    m_data.row(r) = v.transpose();
    m_rows.append(row);
    return true;
}

FeatureTable FeatureTable::rowsOnly(FeatureSetKind kind, Eigen::Index nFeatures, QList<FeatureRow> rows)
{
    FeatureTable table(kind, nFeatures, 0);
    table.m_rows = std::move(rows);
    return table;
}

QStringList FeatureTable::genres() const
{
    QStringList out;
    QSet<QString> seen;
    for (const FeatureRow& r : m_rows)
        if (!seen.contains(r.genre)) {
            seen.insert(r.genre);
            out << r.genre;
        }
    return out;
}

} // namespace gs
