// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// "What genre is this?": audio files or folders dropped here are handed on (filesDropped)
// to be classified without being imported; the results are listed one line per file: the
// most probable genre and its probability, then the next ones, or the file's error in one
// line. Only handles input and shows what it is given; GUI thread only.
#include "classify/PredictionJob.h"

#include <QWidget>

class QLabel;
class QListWidget;

namespace gs {

class PredictionDropArea : public QWidget
{
    Q_OBJECT
public:
    explicit PredictionDropArea(QWidget* parent = nullptr);

    /// Whether drops are taken (a model is loaded) and the prompt that says so.
    void setReady(bool ready);
    void showBusy(int files);
    /// `genres` are the model's, in the order of each prediction's probabilities.
    void showResults(const QList<FilePrediction>& results, const QStringList& genres);
    [[nodiscard]] QListWidget* results() const { return m_results; }
    /// The line shown for one result (also for tests).
    static QString lineFor(const FilePrediction& result, const QStringList& genres);

signals:
    void filesDropped(const QStringList& paths);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    QLabel* m_prompt = nullptr;
    QListWidget* m_results = nullptr;
    bool m_ready = false;
};

} // namespace gs
