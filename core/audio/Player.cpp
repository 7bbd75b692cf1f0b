// SPDX-License-Identifier: GPL-3.0-or-later
#include "Player.h"

#include "library/Library.h"

#include <QAudioOutput>
#include <QFileInfo>
#include <QMediaPlayer>
#include <QUrl>

#include <algorithm>

namespace gs {
namespace {
constexpr qint64 kRestartThresholdMs = 3000;
}

Player::Player(const Library* library, QObject* parent)
    : QObject(parent), m_library(library), m_output(std::make_unique<QAudioOutput>()),
      m_player(std::make_unique<QMediaPlayer>())
{
    m_player->setAudioOutput(m_output.get());
    connect(m_player.get(), &QMediaPlayer::positionChanged, this, &Player::positionChanged);
    connect(m_player.get(), &QMediaPlayer::durationChanged, this, &Player::durationChanged);
    connect(m_player.get(), &QMediaPlayer::playbackStateChanged, this, [this](QMediaPlayer::PlaybackState s) {
        applyPendingSeek();
        emit playingChanged(s == QMediaPlayer::PlayingState);
    });
    connect(m_player.get(), &QMediaPlayer::mediaStatusChanged, this,
            [this](QMediaPlayer::MediaStatus s) { onMediaStatus(int(s)); });
    connect(m_player.get(), &QMediaPlayer::errorOccurred, this, [this](QMediaPlayer::Error, const QString& text) {
        emit failed(QStringLiteral("%1: %2").arg(m_path, text));
    });
    connect(m_output.get(), &QAudioOutput::volumeChanged, this, &Player::volumeChanged);
}

Player::~Player()
{
    m_player->stop();
}

void Player::setQueue(const QList<qint64>& trackIds)
{
    m_queue = trackIds;
}

bool Player::load(qint64 trackId)
{
    const auto t = m_library ? m_library->track(trackId) : ReadResult<std::optional<TrackRecord>>{};
    if (!t) {
        emit failed(t.ok() ? QStringLiteral("track %1: not in the library").arg(trackId) : t.error);
        return false;
    }
    if (t->status != TrackStatus::Downloaded || t->audioPath.isEmpty()) {
        emit failed(QStringLiteral("%1: no audio (%2)").arg(t->title, trackStatusName(t->status)));
        return false;
    }
    return setSource(trackId, t->audioPath);
}

bool Player::loadFile(const QString& path)
{
    if (!QFileInfo(path).isFile()) {
        emit failed(QStringLiteral("%1: no such file").arg(path));
        return false;
    }
    return setSource(0, path);
}

bool Player::setSource(qint64 trackId, const QString& path)
{
    m_trackId = trackId;
    m_path = QFileInfo(path).absoluteFilePath();
    m_pendingSeek = -1;
    m_player->setSource(QUrl::fromLocalFile(m_path));
    emit trackChanged(m_trackId, m_path);
    return true;
}

qint64 Player::position() const { return m_pendingSeek >= 0 ? m_pendingSeek : m_player->position(); }
qint64 Player::duration() const { return m_player->duration(); }
bool Player::isPlaying() const { return m_player->playbackState() == QMediaPlayer::PlayingState; }
float Player::volume() const { return m_output->volume(); }

void Player::play()
{
    if (!m_player->source().isEmpty())
        m_player->play();
}

void Player::pause() { m_player->pause(); }

void Player::togglePlayPause()
{
    if (isPlaying())
        pause();
    else
        play();
}

void Player::stop() { m_player->stop(); }

void Player::seek(qint64 ms)
{
    const qint64 d = duration();
    const qint64 to = std::clamp<qint64>(ms, 0, d > 0 ? d : std::max<qint64>(ms, 0));
    if (m_player->playbackState() == QMediaPlayer::StoppedState) {
        // A stopped (or still loading) pipeline ignores seeks: start from there on play().
        m_pendingSeek = to;
        emit positionChanged(to);
        return;
    }
    m_player->setPosition(to);
}

void Player::seekBy(qint64 deltaMs) { seek(position() + deltaMs); }

void Player::next() { step(+1); }

void Player::previous()
{
    if (position() > kRestartThresholdMs || !step(-1))
        seek(0);
}

bool Player::step(int delta)
{
    const qsizetype at = m_queue.indexOf(m_trackId);
    const qsizetype to = at < 0 ? (delta > 0 ? 0 : m_queue.size() - 1) : at + delta;
    if (to < 0 || to >= m_queue.size())
        return false;
    const bool playing = isPlaying() || m_wasPlaying;
    m_wasPlaying = false;
    if (!load(m_queue[to]))
        return false;
    if (playing)
        play();
    return true;
}

void Player::setVolume(float linear) { m_output->setVolume(std::clamp(linear, 0.0f, 1.0f)); }

void Player::setAutoAdvance(bool on) { m_autoAdvance = on; }

void Player::applyPendingSeek()
{
    // GStreamer takes a seek once the playing pipeline has buffered, not before.
    if (m_pendingSeek < 0 || m_player->playbackState() != QMediaPlayer::PlayingState ||
        m_player->mediaStatus() != QMediaPlayer::BufferedMedia)
        return;
    const qint64 to = m_pendingSeek;
    m_pendingSeek = -1;
    m_player->setPosition(to);
}

void Player::onMediaStatus(int status)
{
    applyPendingSeek();
    if (status != QMediaPlayer::EndOfMedia)
        return;
    if (m_autoAdvance) {
        m_wasPlaying = true; // the player has already stopped at the end
        if (step(+1))
            return;
        m_wasPlaying = false;
    }
}

} // namespace gs
