// SPDX-License-Identifier: GPL-3.0-or-later
#include "PlayerBar.h"

#include "TimeText.h"
#include "audio/Player.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QSlider>
#include <QStyle>
#include <QToolButton>

namespace gs {

PlayerBar::PlayerBar(Player& player, QWidget* parent)
    : QWidget(parent), m_player(player), m_seek(new QSlider(Qt::Horizontal, this)), m_elapsed(new QLabel(this)),
      m_total(new QLabel(this)), m_title(new QLabel(this)), m_volume(new QSlider(Qt::Horizontal, this)),
      m_autoAdvance(new QCheckBox(tr("Auto-advance"), this))
{
    m_previous = makeAction(tr("Previous"), QKeySequence(Qt::Key_P), QStringLiteral("media-skip-backward"), QStyle::SP_MediaSkipBackward);
    m_playPause = makeAction(tr("Play"), QKeySequence(Qt::Key_Space), QStringLiteral("media-playback-start"), QStyle::SP_MediaPlay);
    m_next = makeAction(tr("Next"), QKeySequence(Qt::Key_N), QStringLiteral("media-skip-forward"), QStyle::SP_MediaSkipForward);
    m_back = makeAction(tr("Back 5 s"), QKeySequence(Qt::Key_Left), QStringLiteral("media-seek-backward"), QStyle::SP_MediaSeekBackward);
    m_forward = makeAction(tr("Forward 5 s"), QKeySequence(Qt::Key_Right), QStringLiteral("media-seek-forward"), QStyle::SP_MediaSeekForward);
    m_seek->setObjectName(QStringLiteral("seekSlider"));
    m_seek->setRange(0, 0);
    m_seek->setPageStep(int(kSeekStepMs));
    m_volume->setObjectName(QStringLiteral("volumeSlider"));
    m_volume->setRange(0, 100);
    m_volume->setValue(qRound(player.volume() * 100));
    m_volume->setMaximumWidth(110);
    m_volume->setToolTip(tr("Volume"));
    m_autoAdvance->setChecked(player.autoAdvance());
    m_title->setMinimumWidth(160);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    onPosition(0);
    onDuration(0);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    for (QAction* a : {m_previous, m_playPause, m_next}) {
        auto* b = new QToolButton(this);
        b->setDefaultAction(a);
        b->setAutoRaise(true);
        b->setFocusPolicy(Qt::NoFocus);
        layout->addWidget(b);
    }
    layout->addWidget(m_title);
    layout->addWidget(m_elapsed);
    layout->addWidget(m_seek, 1);
    layout->addWidget(m_total);
    layout->addSpacing(8);
    auto* volumeIcon = new QLabel(this);
    volumeIcon->setPixmap(style()->standardIcon(QStyle::SP_MediaVolume).pixmap(16, 16));
    layout->addWidget(volumeIcon);
    layout->addWidget(m_volume);
    layout->addWidget(m_autoAdvance);

    connect(m_playPause, &QAction::triggered, &player, &Player::togglePlayPause);
    connect(m_previous, &QAction::triggered, &player, &Player::previous);
    connect(m_next, &QAction::triggered, &player, &Player::next);
    connect(m_back, &QAction::triggered, this, [this] { m_player.seekBy(-kSeekStepMs); });
    connect(m_forward, &QAction::triggered, this, [this] { m_player.seekBy(kSeekStepMs); });
    connect(&player, &Player::positionChanged, this, &PlayerBar::onPosition);
    connect(&player, &Player::durationChanged, this, &PlayerBar::onDuration);
    connect(&player, &Player::playingChanged, this, &PlayerBar::onPlaying);
    connect(m_seek, &QSlider::actionTriggered, this, [this](int action) {
        if (action != QAbstractSlider::SliderMove)
            m_player.seek(m_seek->sliderPosition());
    });
    connect(m_seek, &QSlider::sliderReleased, this, [this] { m_player.seek(m_seek->value()); });
    connect(m_seek, &QSlider::sliderMoved, this, [this](int ms) { m_elapsed->setText(minutesSeconds(ms)); });
    connect(m_volume, &QSlider::valueChanged, this, [this](int v) { m_player.setVolume(float(v) / 100.0f); });
    connect(m_autoAdvance, &QCheckBox::toggled, &player, &Player::setAutoAdvance);
    connect(&player, &Player::volumeChanged, this, [this](float v) {
        const QSignalBlocker block(m_volume);
        m_volume->setValue(qRound(v * 100));
    });
}

QAction* PlayerBar::makeAction(const QString& text, const QKeySequence& key, const QString& icon,
                               QStyle::StandardPixmap fallback)
{
    auto* a = new QAction(QIcon::fromTheme(icon, style()->standardIcon(fallback)), text, this);
    a->setShortcut(key);
    a->setShortcutContext(Qt::WindowShortcut);
    a->setToolTip(QStringLiteral("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText)));
    addAction(a);
    return a;
}

QList<QAction*> PlayerBar::playbackActions() const { return {m_playPause, m_previous, m_next, m_back, m_forward}; }

void PlayerBar::setTrackText(const QString& text)
{
    m_title->setText(fontMetrics().elidedText(text, Qt::ElideRight, 260));
    m_title->setToolTip(text);
}

void PlayerBar::onPosition(qint64 ms)
{
    if (!m_seek->isSliderDown()) {
        const QSignalBlocker block(m_seek);
        m_seek->setValue(int(ms));
        m_elapsed->setText(minutesSeconds(ms));
    }
}

void PlayerBar::onDuration(qint64 ms)
{
    m_seek->setRange(0, int(ms));
    m_total->setText(minutesSeconds(ms));
}

void PlayerBar::onPlaying(bool playing)
{
    m_playPause->setText(playing ? tr("Pause") : tr("Play"));
    m_playPause->setIcon(QIcon::fromTheme(
        playing ? QStringLiteral("media-playback-pause") : QStringLiteral("media-playback-start"),
        style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay)));
}

} // namespace gs
