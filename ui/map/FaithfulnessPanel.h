// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Beside the map: how faithful it is, the figures `genrescope-cli map` prints -
// trustworthiness@10, and the share of each track's 5 nearest neighbours with its genre in
// feature space and on the map - with "n/a" where there are too few tracks and a line when
// they were measured on a fixed random sample of 5,000 tracks. Paints only.
#include <QWidget>

#include <optional>

class QLabel;

namespace gs {

struct MapFaithfulness;

class FaithfulnessPanel : public QWidget
{
    Q_OBJECT
public:
    explicit FaithfulnessPanel(QWidget* parent = nullptr);

    void setFaithfulness(const MapFaithfulness& f);
    /// The figures of the map on screen are being measured.
    void setMeasuring();
    void clear();

    /// A figure as shown: three decimals, or "n/a".
    [[nodiscard]] static QString figure(const std::optional<double>& v);
    [[nodiscard]] QString trustworthinessText() const;
    [[nodiscard]] QString agreementText() const;
    [[nodiscard]] QString noteText() const;

private:
    QLabel* m_trust = nullptr;
    QLabel* m_agreement = nullptr;
    QLabel* m_note = nullptr;
};

} // namespace gs
