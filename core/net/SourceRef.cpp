// SPDX-License-Identifier: GPL-3.0-or-later
#include "SourceRef.h"

#include "library/TrackRecord.h"
#include "text/Printable.h"

#include <QRegularExpression>
#include <QUrl>

namespace gs {
namespace {

bool validId(const SourceRef& ref)
{
    // Anchored to the whole id (\A...\z): "^...$" would also accept an id ending in a newline.
    static const QRegularExpression deezer(QRegularExpression::anchoredPattern(QStringLiteral("[0-9]{1,20}")));
    static const QRegularExpression spotify(QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z0-9]{10,40}")));
    switch (ref.kind) {
    case SourceRef::Kind::DeezerPlaylist: return deezer.match(ref.id).hasMatch();
    case SourceRef::Kind::SpotifyPlaylist: return spotify.match(ref.id).hasMatch();
    case SourceRef::Kind::ITunesSearch: return !ref.id.trimmed().isEmpty();
    }
    return false;
}

std::optional<SourceRef> fromLink(const QString& text)
{
    QString t = text;
    if (!t.contains(QStringLiteral("://")))
        t.prepend(QStringLiteral("https://"));
    const QUrl url(t);
    const QString host = url.host().toLower();
    const QStringList parts = url.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const qsizetype at = parts.indexOf(QStringLiteral("playlist"));
    if (at < 0 || at + 1 >= parts.size())
        return std::nullopt;
    if (host == QLatin1String("open.spotify.com"))
        return SourceRef{SourceRef::Kind::SpotifyPlaylist, parts[at + 1]};
    if (host == QLatin1String("deezer.com") || host == QLatin1String("www.deezer.com"))
        return SourceRef{SourceRef::Kind::DeezerPlaylist, parts[at + 1]};
    return std::nullopt;
}

} // namespace

std::optional<SourceRef> SourceRef::parse(const QString& input, QString* error)
{
    const QString text = input.trimmed();
    std::optional<SourceRef> ref;
    static const QRegularExpression scheme(QStringLiteral("^(deezer|spotify):playlist[/:](.+)$"),
                                           QRegularExpression::CaseInsensitiveOption);
    if (const auto m = scheme.match(text); m.hasMatch()) {
        ref = SourceRef{m.captured(1).toLower() == QLatin1String("deezer") ? Kind::DeezerPlaylist : Kind::SpotifyPlaylist,
                        m.captured(2)};
    } else if (text.startsWith(QLatin1String("itunes:"), Qt::CaseInsensitive)) {
        ref = SourceRef{Kind::ITunesSearch, text.mid(7).trimmed()};
    } else if (const QString linkScheme = QUrl(text).scheme().toLower();
               text.contains(QStringLiteral("://")) && linkScheme != QLatin1String("https") &&
               linkScheme != QLatin1String("http")) {
        if (error)
            *error =
                QStringLiteral("'%1': unsupported link scheme '%2' (expected an https playlist link from "
                               "open.spotify.com or deezer.com)")
                    .arg(printable(text), printable(linkScheme));
        return std::nullopt;
    } else {
        ref = fromLink(text);
    }
    if (ref && validId(*ref))
        return ref;
    if (error) // what the user typed is escaped: the reason stays on one line
        *error = ref ? QStringLiteral("'%1': not a valid playlist id or query").arg(printable(text))
                     : QStringLiteral("'%1': expected deezer:playlist/ID, spotify:playlist/ID, spotify:playlist:ID, "
                                      "itunes:QUERY, or an open.spotify.com / deezer.com playlist link")
                           .arg(printable(text));
    return std::nullopt;
}

QString SourceRef::sourceName() const
{
    switch (kind) {
    case Kind::DeezerPlaylist: return QString::fromLatin1(sources::Deezer);
    case Kind::SpotifyPlaylist: return QString::fromLatin1(sources::Spotify);
    case Kind::ITunesSearch: return QString::fromLatin1(sources::ITunes);
    }
    return {};
}

QString SourceRef::toString() const
{
    if (kind == Kind::ITunesSearch)
        return QStringLiteral("itunes:") + id;
    return sourceName() + QStringLiteral(":playlist/") + id;
}

} // namespace gs
