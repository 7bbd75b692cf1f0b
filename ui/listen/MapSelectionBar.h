// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The bar above the map: a search box (title, artist or genre; searchChanged(text)) with how
// many tracks match, and a selection button ("12 selected") whose menu plays the box / lasso
// selection (playRequested), exports it (CSV or .m3u; exportRequested(kind)) or clears it.
// Only paints and handles input; GUI thread.
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QToolButton;

namespace gs {

class MapSelectionBar : public QWidget
{
    Q_OBJECT
public:
    enum class Export { Csv, M3u };

    explicit MapSelectionBar(QWidget* parent = nullptr);

    void setMatchCount(int matches, bool searching);
    void setSelectionCount(int selected);
    [[nodiscard]] QLineEdit* searchBox() const { return m_search; }
    [[nodiscard]] QString matchText() const;
    [[nodiscard]] QString selectionText() const;
    [[nodiscard]] QAction* playAction() const { return m_play; }

signals:
    void searchChanged(const QString& text);
    void playRequested();
    void exportRequested(gs::MapSelectionBar::Export kind);
    void clearRequested();

private:
    QLineEdit* m_search = nullptr;
    QLabel* m_matches = nullptr;
    QToolButton* m_selection = nullptr;
    QAction* m_play = nullptr;
    QAction* m_csv = nullptr;
    QAction* m_m3u = nullptr;
    QAction* m_clear = nullptr;
};

} // namespace gs
