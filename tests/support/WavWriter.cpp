// SPDX-License-Identifier: GPL-3.0-or-later
#include "WavWriter.h"

#include <QFile>
#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numbers>

namespace testsupport {
namespace {

void put16(QByteArray& b, quint16 v)
{
    char c[2];
    qToLittleEndian(v, c);
    b.append(c, 2);
}

void put32(QByteArray& b, quint32 v)
{
    char c[4];
    qToLittleEndian(v, c);
    b.append(c, 4);
}

bool writeWav(const QString& path, const QByteArray& data, int sr, int channels, quint16 format, quint16 bits)
{
    QByteArray b("RIFF");
    put32(b, quint32(36 + data.size()));
    b += "WAVEfmt ";
    put32(b, 16);
    put16(b, format);
    put16(b, quint16(channels));
    put32(b, quint32(sr));
    put32(b, quint32(sr * channels * bits / 8));
    put16(b, quint16(channels * bits / 8));
    put16(b, bits);
    b += "data";
    put32(b, quint32(data.size()));
    b += data;
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(b) == b.size();
}

} // namespace

std::vector<float> sine(double seconds, int sr, double hz)
{
    std::vector<float> y(std::size_t(seconds * sr));
    for (std::size_t i = 0; i < y.size(); ++i)
        y[i] = float(0.5 * std::sin(2.0 * std::numbers::pi * hz * double(i) / sr));
    return y;
}

bool writeFloatWav(const QString& path, const std::vector<float>& interleaved, int sr, int channels)
{
    QByteArray data;
    data.reserve(qsizetype(interleaved.size() * 4));
    for (const float x : interleaved) {
        quint32 bits = 0;
        static_assert(sizeof bits == sizeof x);
        std::memcpy(&bits, &x, sizeof x);
        put32(data, bits);
    }
    return writeWav(path, data, sr, channels, 3, 32);
}

bool writePcm16Wav(const QString& path, const std::vector<float>& interleaved, int sr, int channels)
{
    QByteArray data;
    data.reserve(qsizetype(interleaved.size() * 2));
    for (const float x : interleaved)
        put16(data, quint16(qint16(std::lround(std::clamp(x, -1.0f, 1.0f) * 32767.0f))));
    return writeWav(path, data, sr, channels, 1, 16);
}

} // namespace testsupport
