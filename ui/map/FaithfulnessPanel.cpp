// SPDX-License-Identifier: GPL-3.0-or-later
#include "FaithfulnessPanel.h"

#include "map/MapResult.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace gs {

FaithfulnessPanel::FaithfulnessPanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("mapFaithfulness"));
    auto* title = new QLabel(QStringLiteral("<b>Faithfulness</b>"), this);
    title->setToolTip(QStringLiteral("How well the map keeps each track's neighbours from the feature space"));
    m_trust = new QLabel(this);
    m_trust->setToolTip(QStringLiteral("Trustworthiness@10 (as scikit-learn's): 1 when the 10 nearest tracks on the map "
                                       "are also near in feature space"));
    m_agreement = new QLabel(this);
    m_agreement->setToolTip(QStringLiteral("Share of each track's 5 nearest neighbours with its genre, in feature space "
                                           "and on the map"));
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_trust);
    layout->addWidget(m_agreement);
    layout->addWidget(m_note);
    layout->addStretch(1);
    clear();
}

QString FaithfulnessPanel::figure(const std::optional<double>& v)
{
    return v ? QString::number(*v, 'f', 3) : QStringLiteral("n/a");
}

void FaithfulnessPanel::clear()
{
    m_trust->setText(QStringLiteral("trustworthiness@%1: n/a").arg(MapFaithfulness::kTrustNeighbours));
    m_agreement->setText(QStringLiteral("%1-NN genre agreement: n/a").arg(MapFaithfulness::kAgreementNeighbours));
    m_note->clear();
}

void FaithfulnessPanel::setMeasuring()
{
    clear();
    m_note->setText(QStringLiteral("measuring..."));
}

void FaithfulnessPanel::setFaithfulness(const MapFaithfulness& f)
{
    const dsp::FaithfulnessReport& r = f.report;
    m_trust->setText(QStringLiteral("trustworthiness@%1: %2").arg(QString::number(MapFaithfulness::kTrustNeighbours),
                                                                 figure(r.trustworthiness)));
    m_agreement->setText(QStringLiteral("%1-NN genre agreement: features %2 / map %3")
                             .arg(QString::number(MapFaithfulness::kAgreementNeighbours), figure(r.agreementFeatures),
                                  figure(r.agreementMap)));
    const QLocale c = QLocale::c();
    if (!f.error.isEmpty())
        m_note->setText(QStringLiteral("not measured: %1").arg(f.error));
    else if (r.sampled)
        m_note->setText(QStringLiteral("on a fixed random sample of %1 of %2 tracks")
                            .arg(c.toString(r.samples), c.toString(f.tracks)));
    else if (!r.trustworthiness)
        m_note->setText(QStringLiteral("n/a: fewer than %1 tracks").arg(2 * MapFaithfulness::kTrustNeighbours + 2));
    else
        m_note->setText(QStringLiteral("exact, on all %1 tracks").arg(c.toString(f.tracks)));
}

QString FaithfulnessPanel::trustworthinessText() const { return m_trust->text(); }
QString FaithfulnessPanel::agreementText() const { return m_agreement->text(); }
QString FaithfulnessPanel::noteText() const { return m_note->text(); }

} // namespace gs
