// SPDX-License-Identifier: GPL-3.0-or-later
#include "ColourMap.h"

#include "ColourMapTables.h"

#include <algorithm>
#include <cmath>

namespace render {
namespace {

QRgb toRgb(const float (&c)[3])
{
    const auto channel = [](float v) { return int(std::lround(double(v) * 255.0)); };
    return qRgb(channel(c[0]), channel(c[1]), channel(c[2]));
}

ColourMap::Table build(const float (&source)[ColourMap::kSize][3])
{
    ColourMap::Table t{};
    for (int i = 0; i < ColourMap::kSize; ++i)
        t[std::size_t(i)] = toRgb(source[i]);
    return t;
}

const ColourMap::Table& tableFor(ColourMap::Id id)
{
    static const std::array<ColourMap::Table, 5> all{build(tables::magma), build(tables::viridis),
                                                      build(tables::inferno), build(tables::grey),
                                                      build(tables::coolwarm)};
    return all[std::size_t(id)];
}

const std::array<const char*, 5> kNames{"magma", "viridis", "inferno", "grey", "coolwarm"};

} // namespace

ColourMap::ColourMap(Id id) : m_id(id), m_table(&tableFor(id)) {}

std::optional<ColourMap> ColourMap::fromName(QStringView name)
{
    const QString n = name.trimmed().toString().toLower();
    if (n == QLatin1String("gray"))
        return ColourMap(Id::Grey);
    for (std::size_t i = 0; i < kNames.size(); ++i) {
        if (n == QLatin1String(kNames[i]))
            return ColourMap(Id(i));
    }
    return std::nullopt;
}

QStringList ColourMap::names()
{
    QStringList out;
    for (const char* n : kNames)
        out << QString::fromLatin1(n);
    return out;
}

QString ColourMap::name() const
{
    return QString::fromLatin1(kNames[std::size_t(m_id)]);
}

QRgb ColourMap::at(int index) const
{
    return (*m_table)[std::size_t(index < 0 ? 0 : (index >= kSize ? kSize - 1 : index))];
}

QRgb ColourMap::map(float t) const
{
    const float x = t * float(kSize);
    const int i = x >= float(kSize - 1) ? kSize - 1 : (x >= 0.0f ? int(x) : 0);
    return (*m_table)[std::size_t(i)];
}

std::pair<float, float> symmetricRange(float lo, float hi)
{
    const float m = std::max(std::fabs(lo), std::fabs(hi));
    if (!(m > 0.0f) || !std::isfinite(m))
        return {lo, hi};
    return {-m, m};
}

} // namespace render
