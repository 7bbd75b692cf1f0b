// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The bar above the map: a search box (title, artist or genre; searchChanged(text)) with how
// many tracks match, and the box / lasso selection's count with "Play selection", "Export"
// (CSV or .m3u; exportRequested(kind)) and "Clear". Only paints and handles input; GUI thread.
#include <QWidget>

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
    [[nodiscard]] QToolButton* playButton() const { return m_play; }

signals:
    void searchChanged(const QString& text);
    void playRequested();
    void exportRequested(gs::MapSelectionBar::Export kind);
    void clearRequested();

private:
    QLineEdit* m_search = nullptr;
    QLabel* m_matches = nullptr;
    QLabel* m_selected = nullptr;
    QToolButton* m_play = nullptr;
    QToolButton* m_export = nullptr;
    QToolButton* m_clear = nullptr;
};

} // namespace gs
