// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A 256-entry colour lookup table: matplotlib's magma (the default), viridis, inferno, gray
// and the diverging coolwarm (what librosa.display.specshow picks for signed data such as
// MFCCs), entry for entry. Names are parsed once into ColourMap::Id; after that a lookup is an
// array index (no strings in loops). Entries are opaque QRgb (0xffRRGGBB), each float channel
// rounded to 8 bits as matplotlib's Agg backend does when it fills a specshow mesh
// (magma[0] = (0.001462, 0.000466, 0.013866) -> rgb(0, 0, 4)).
// A ColourMap is a small value (an id and a pointer to a static table); copy it freely and
// use it from any thread.
#include <QRgb>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <array>
#include <optional>
#include <utility>

namespace render {

class ColourMap
{
public:
    enum class Id { Magma, Viridis, Inferno, Grey, Coolwarm };
    static constexpr int kSize = 256;
    using Table = std::array<QRgb, kSize>;

    explicit ColourMap(Id id = Id::Magma);

    /// "magma", "viridis", "inferno", "grey" (or "gray"), "coolwarm", case-insensitive; nullopt otherwise.
    static std::optional<ColourMap> fromName(QStringView name);
    /// The canonical names, in Id order: magma, viridis, inferno, grey, coolwarm.
    static QStringList names();

    [[nodiscard]] Id id() const { return m_id; }
    [[nodiscard]] QString name() const;
    /// True for a diverging map (coolwarm): its middle entry is neutral, so a colour range
    /// drawn with it should be symmetric about zero (see symmetricRange).
    [[nodiscard]] bool isDiverging() const { return m_id == Id::Coolwarm; }
    [[nodiscard]] const Table& table() const { return *m_table; }
    /// Entry `index`, clamped to 0..255.
    [[nodiscard]] QRgb at(int index) const;
    /// The colour of a normalised value t as matplotlib picks it: entry floor(t * 256),
    /// t <= 0 (and NaN) gives the first entry, t >= 1 the last.
    [[nodiscard]] QRgb map(float t) const;

    friend bool operator==(const ColourMap& a, const ColourMap& b) { return a.m_id == b.m_id; }

private:
    Id m_id = Id::Magma;
    const Table* m_table = nullptr;
};

/// The colour range [-m, m] with m the larger of |lo| and |hi|, so that zero maps to the middle
/// (neutral) entry of a diverging map; {lo, hi} unchanged if both are 0.
std::pair<float, float> symmetricRange(float lo, float hi);

} // namespace render
