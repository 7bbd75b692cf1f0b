// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Plays one track at a time through Qt Multimedia (QMediaPlayer + QAudioOutput, owned here)
// and walks a queue of library tracks: next / previous, and auto-advance at the end of a
// track. Tracks are resolved through the Library (TrackRecord::audioPath); plain files can be
// played too (trackId 0). Times are milliseconds.
//
// Threads: a GUI-thread object (QMediaPlayer needs an event loop). Loading only hands the
// URL to Qt Multimedia, which decodes on its own threads; nothing here blocks.
// Position: positionChanged() comes from QMediaPlayer at its own pace (about every 50-100 ms
// while playing, and on seeks); views interpolate between updates (see ui/PlayheadClock).
#include <QList>
#include <QObject>
#include <QString>

#include <memory>

class QAudioOutput;
class QMediaPlayer;

namespace gs {

class Library;

class Player : public QObject
{
    Q_OBJECT
public:
    /// `library` (not owned, may be null) resolves track ids; it must outlive the player.
    explicit Player(const Library* library = nullptr, QObject* parent = nullptr);
    ~Player() override;

    /// The order next()/previous() walk (usually the library view's order).
    void setQueue(const QList<qint64>& trackIds);
    [[nodiscard]] const QList<qint64>& queue() const { return m_queue; }

    /// Loads a library track (it must be Downloaded). Does not start playing. Returns false
    /// (and emits failed()) when the track is unknown or has no audio.
    bool load(qint64 trackId);
    /// Loads a file outside the library.
    bool loadFile(const QString& path);

    [[nodiscard]] qint64 currentTrackId() const { return m_trackId; }
    [[nodiscard]] QString currentPath() const { return m_path; }
    [[nodiscard]] qint64 position() const;  ///< ms
    [[nodiscard]] qint64 duration() const;  ///< ms, 0 until known
    [[nodiscard]] bool isPlaying() const;
    [[nodiscard]] float volume() const;     ///< 0..1 (linear)
    [[nodiscard]] bool autoAdvance() const { return m_autoAdvance; }

public slots:
    void play();
    void pause();
    void togglePlayPause();
    void stop();
    void seek(qint64 ms);           ///< clamped to [0, duration]; when stopped, playback starts there
    void seekBy(qint64 deltaMs);
    void next();                    ///< next queued track, keeps playing if it was
    void previous();                ///< restarts the track after 3 s, else the previous one
    void setVolume(float linear);
    void setAutoAdvance(bool on);

signals:
    void trackChanged(qint64 trackId, const QString& path);
    void positionChanged(qint64 ms);
    void durationChanged(qint64 ms);
    void playingChanged(bool playing);
    void volumeChanged(float linear);
    /// One line: what could not be played and why.
    void failed(const QString& message);

private:
    void onMediaStatus(int status);
    void applyPendingSeek();
    bool step(int delta);
    bool setSource(qint64 trackId, const QString& path);

    const Library* m_library = nullptr;
    std::unique_ptr<QAudioOutput> m_output;
    std::unique_ptr<QMediaPlayer> m_player;
    QList<qint64> m_queue;
    qint64 m_trackId = 0;
    QString m_path;
    bool m_autoAdvance = true;
    bool m_wasPlaying = false;
    qint64 m_pendingSeek = -1; ///< a seek asked for while stopped, applied when playback starts
};

} // namespace gs
