// SPDX-License-Identifier: GPL-3.0-or-later
#include "AudioTags.h"

#include "Mpg123Reader.h"

#include <QFile>
#include <QStringDecoder>

#include <sndfile.h>

#include <algorithm>
#include <optional>

namespace gs {
namespace {

quint32 be32(const char* p, bool syncsafe)
{
    const auto b = [p](int i) { return quint32(quint8(p[i])); };
    return syncsafe ? (b(0) << 21 | b(1) << 14 | b(2) << 7 | b(3)) : (b(0) << 24 | b(1) << 16 | b(2) << 8 | b(3));
}

QString id3Text(const QByteArray& frame)
{
    if (frame.isEmpty())
        return {};
    const QByteArray body = frame.mid(1);
    QString s;
    switch (frame[0]) {
    case 0: s = QString::fromLatin1(body); break;
    case 1: s = QStringDecoder(QStringConverter::Utf16)(body); break;
    case 2: s = QStringDecoder(QStringConverter::Utf16BE)(body); break;
    default: s = QString::fromUtf8(body); break;
    }
    return s.section(QChar(0), 0, 0).trimmed(); // first value of a v2.4 list
}

/// TIT2/TPE1 of an ID3v2.3/2.4 tag at the start of the file (libsndfile 1.2.0 garbles the
/// MP3 title). nullopt when there is no usable tag.
std::optional<AudioTags> id3v2Tags(QFile& f)
{
    const QByteArray head = f.read(10);
    if (head.size() < 10 || !head.startsWith("ID3") || (head[3] != 3 && head[3] != 4) || (head[5] & 0x80))
        return std::nullopt;
    const bool v24 = head[3] == 4;
    const QByteArray tag = f.read(std::min<qint64>(be32(head.constData() + 6, true), 1 << 20));
    qsizetype pos = 0;
    if (head[5] & 0x40) // extended header
        pos = tag.size() >= 4 ? qsizetype(be32(tag.constData(), v24)) + (v24 ? 0 : 4) : tag.size();
    AudioTags t;
    while (pos + 10 <= tag.size() && tag[pos] != 0) {
        const QByteArray id = tag.mid(pos, 4);
        const qsizetype size = be32(tag.constData() + pos + 4, v24);
        const QByteArray frame = tag.mid(pos + 10, size);
        if (id == "TIT2")
            t.title = id3Text(frame);
        else if (id == "TPE1")
            t.artist = id3Text(frame);
        else if (id == "TALB")
            t.album = id3Text(frame);
        pos += 10 + size;
    }
    return t;
}

QString validUtf8(const char* s)
{
    if (!s)
        return {};
    QStringDecoder utf8(QStringConverter::Utf8);
    const QString out = utf8(QByteArrayView(s));
    return utf8.hasError() ? QString() : out.trimmed();
}

/// The ID3v1 tag at the end of an MPEG file (what libsndfile would have found through
/// libmpg123, read here without starting a decoder that prints to stderr).
AudioTags id3v1Tags(QFile& f)
{
    if (f.size() < 128 || !f.seek(f.size() - 128))
        return {};
    const QByteArray tag = f.read(128);
    if (!tag.startsWith("TAG"))
        return {};
    const auto field = [&](int offset) { return validUtf8(tag.mid(offset, 30).append('\0').constData()); };
    return {field(3), field(33), field(63)};
}

} // namespace

AudioTags AudioTags::read(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    if (auto t = id3v2Tags(f))
        return *t;
    f.seek(0);
    const QByteArray head = f.read(1024);
    const qint64 tagSize = Mpg123Reader::id3v2Size(head);
    if (f.seek(tagSize) && Mpg123Reader::looksLikeMpeg(head, tagSize > 0 ? f.read(16) : QByteArray()))
        return id3v1Tags(f);
    SF_INFO info{};
    SNDFILE* sf = sf_open(QFile::encodeName(path).constData(), SFM_READ, &info);
    if (!sf)
        return {};
    AudioTags t{validUtf8(sf_get_string(sf, SF_STR_TITLE)), validUtf8(sf_get_string(sf, SF_STR_ARTIST)),
                validUtf8(sf_get_string(sf, SF_STR_ALBUM))};
    sf_close(sf);
    return t;
}

} // namespace gs
