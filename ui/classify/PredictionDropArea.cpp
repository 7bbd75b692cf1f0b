// SPDX-License-Identifier: GPL-3.0-or-later
#include "PredictionDropArea.h"

#include "text/Printable.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QVBoxLayout>

#include <algorithm>
#include <numeric>

namespace gs {

PredictionDropArea::PredictionDropArea(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("predictionDropArea"));
    m_prompt = new QLabel(this);
    m_prompt->setAlignment(Qt::AlignCenter);
    m_prompt->setWordWrap(true);
    m_prompt->setMinimumHeight(70);
    m_prompt->setFrameShape(QFrame::StyledPanel);
    m_prompt->setFrameShadow(QFrame::Sunken);
    m_results = new QListWidget(this);
    m_results->setObjectName(QStringLiteral("predictionResults"));
    m_results->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_prompt);
    layout->addWidget(m_results, 1);
    setAcceptDrops(true);
    setReady(false);
}

void PredictionDropArea::setReady(bool ready)
{
    m_ready = ready;
    m_prompt->setText(ready ? tr("What genre is this?\nDrop audio files or folders here: they are classified, not imported.")
                            : tr("What genre is this?\nTrain or load a model first, then drop audio files here."));
}

void PredictionDropArea::showBusy(int files)
{
    m_prompt->setText(tr("Classifying %n dropped item(s)…", nullptr, files));
}

QString PredictionDropArea::lineFor(const FilePrediction& r, const QStringList& genres)
{
    const QString name = r.path.isEmpty() ? QString() : QFileInfo(r.path).fileName() + QStringLiteral(": ");
    if (!r.error.isEmpty())
        return printable(name + r.error);
    const QList<double>& p = r.prediction.probabilities;
    std::vector<int> order(size_t(p.size()));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&p](int a, int b) { return p[a] > p[b]; });
    QStringList others;
    for (size_t i = 1; i < std::min<size_t>(order.size(), 4); ++i)
        others << QStringLiteral("%1 %2%").arg(genres.value(order[i]), QString::number(100.0 * p[order[i]], 'f', 0));
    return printable(QStringLiteral("%1%2 %3%").arg(name, r.prediction.genre, QString::number(100.0 * r.prediction.probability, 'f', 0)) +
                     (others.isEmpty() ? QString() : QStringLiteral("  (") + others.join(QStringLiteral(", ")) + QLatin1Char(')')));
}

void PredictionDropArea::showResults(const QList<FilePrediction>& results, const QStringList& genres)
{
    setReady(m_ready);
    m_results->clear();
    for (const FilePrediction& r : results) {
        auto* item = new QListWidgetItem(lineFor(r, genres), m_results);
        item->setToolTip(printable(r.path));
        item->setData(Qt::UserRole, r.path);
        if (!r.error.isEmpty())
            item->setForeground(QColor(0xc0392b));
    }
}

void PredictionDropArea::dragEnterEvent(QDragEnterEvent* event)
{
    if (m_ready && event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void PredictionDropArea::dropEvent(QDropEvent* event)
{
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    if (!m_ready || paths.isEmpty())
        return;
    event->acceptProposedAction();
    showBusy(int(paths.size()));
    emit filesDropped(paths);
}

} // namespace gs
