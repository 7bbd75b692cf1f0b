// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The transport: previous, play/pause, next, a seek slider with elapsed / total times
// (m:ss), volume and auto-advance, bound to a Player. Owns the playback actions and their
// window-wide shortcuts: Space play/pause, Left/Right seek -/+5 s, P/N previous/next.
// GUI thread only; holds no state beyond the widgets.
#include <QList>
#include <QStyle>
#include <QWidget>

class QAction;
class QCheckBox;
class QLabel;
class QSlider;
class QToolButton;

namespace gs {

class Player;

class PlayerBar : public QWidget
{
    Q_OBJECT
public:
    static constexpr qint64 kSeekStepMs = 5000;

    /// `player` (not owned) must outlive the bar.
    explicit PlayerBar(Player& player, QWidget* parent = nullptr);

    /// Play/pause, previous, next, back 5 s, forward 5 s: for menus.
    [[nodiscard]] QList<QAction*> playbackActions() const;
    /// Shows the title of the loaded track.
    void setTrackText(const QString& text);

private:
    QAction* makeAction(const QString& text, const QKeySequence& key, const QString& icon,
                        QStyle::StandardPixmap fallback);
    void onPosition(qint64 ms);
    void onDuration(qint64 ms);
    void onPlaying(bool playing);

    Player& m_player;
    QAction* m_playPause = nullptr;
    QAction* m_previous = nullptr;
    QAction* m_next = nullptr;
    QAction* m_back = nullptr;
    QAction* m_forward = nullptr;
    QSlider* m_seek = nullptr;
    QLabel* m_elapsed = nullptr;
    QLabel* m_total = nullptr;
    QLabel* m_title = nullptr;
    QSlider* m_volume = nullptr;
    QCheckBox* m_autoAdvance = nullptr;
};

} // namespace gs
