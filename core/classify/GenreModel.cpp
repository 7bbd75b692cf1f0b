// SPDX-License-Identifier: GPL-3.0-or-later
#include "GenreModel.h"

#include "analysis/FeatureStoreFormat.h"
#include "analysis/FeatureTable.h"
#include "io/AtomicFile.h"
#include "text/Printable.h"

#include <QFile>
#include <QStringDecoder>

#include <cmath>
#include <exception>
#include <new>

namespace gs {
namespace {

constexpr char kMagic[8] = {'G', 'S', 'M', 'O', 'D', 'E', 'L', '\0'};
constexpr std::size_t kMaxName = 1024;

void writeParams(dsp::ByteWriter& w, const dsp::FeatureParams& p, const DecodeOptions& d)
{
    w.i32(p.stft.n_fft);
    w.i32(p.stft.hop_length);
    w.i32(p.stft.win_length);
    w.str(p.stft.window);
    w.i32(p.stft.center ? 1 : 0);
    w.str(p.stft.pad_mode);
    w.f64(p.stft.power);
    w.i32(p.mel.sr);
    w.i32(p.mel.n_fft);
    w.i32(p.mel.n_mels);
    w.f64(p.mel.fmin);
    w.f64(p.mel.fmax);
    w.i32(p.mel.htk ? 1 : 0);
    w.str(p.mel.norm);
    w.f64(p.db.ref);
    w.i32(p.db.ref_mode == dsp::DbParams::RefMode::Max ? 1 : 0);
    w.f64(p.db.amin);
    w.i32(p.db.top_db ? 1 : 0);
    w.f64(p.db.top_db.value_or(0.0f));
    w.i32(p.mfcc.n_mfcc);
    w.i32(p.mfcc.dct_type);
    w.str(p.mfcc.norm);
    w.f64(p.mfcc.lifter);
    w.i32(d.sr);
    w.i32(d.res_type == dsp::ResType::Polyphase ? 1 : 0);
}

// A value stored as a double that the parameters hold as a float: only values a float holds
// exactly are accepted, so that a loaded model re-encodes to the same bytes.
float float32(dsp::ByteReader& r, const char* what)
{
    const double v = r.finite(what);
    const float f = float(v);
    if (double(f) != v)
        throw dsp::ParameterError(std::string("the model's ") + what + " is not a 32-bit float");
    return f;
}

void readParams(dsp::ByteReader& r, dsp::FeatureParams& p, DecodeOptions& d)
{
    p.stft.n_fft = r.intIn(1, dsp::FeatureParams::kMaxNfft, "n_fft");
    p.stft.hop_length = r.intIn(0, 1 << 24, "hop_length");
    p.stft.win_length = r.intIn(0, dsp::FeatureParams::kMaxNfft, "win_length");
    p.stft.window = r.str(64);
    p.stft.center = r.intIn(0, 1, "center") == 1;
    p.stft.pad_mode = r.str(64);
    p.stft.power = float32(r, "power");
    p.mel.sr = r.intIn(0, dsp::FeatureParams::kMaxSr, "sr");
    p.mel.n_fft = r.intIn(1, dsp::FeatureParams::kMaxNfft, "n_fft");
    p.mel.n_mels = r.intIn(1, dsp::FeatureParams::kMaxMels, "n_mels");
    p.mel.fmin = r.finite("fmin");
    p.mel.fmax = r.finite("fmax");
    p.mel.htk = r.intIn(0, 1, "htk") == 1;
    p.mel.norm = r.str(64);
    p.db.ref = float32(r, "ref");
    p.db.ref_mode = r.intIn(0, 1, "ref mode") == 1 ? dsp::DbParams::RefMode::Max : dsp::DbParams::RefMode::Value;
    p.db.amin = float32(r, "amin");
    const bool hasTopDb = r.intIn(0, 1, "top_db flag") == 1;
    const float topDb = float32(r, "top_db");
    if (!hasTopDb && (topDb != 0.0f || std::signbit(topDb)))
        throw dsp::ParameterError("the model's top_db is set but switched off");
    p.db.top_db = hasTopDb ? std::optional<float>(topDb) : std::nullopt;
    p.mfcc.n_mfcc = r.intIn(1, dsp::FeatureParams::kMaxMels, "n_mfcc");
    p.mfcc.dct_type = r.intIn(1, 4, "dct_type");
    p.mfcc.norm = r.str(64);
    p.mfcc.lifter = float32(r, "lifter");
    d.sr = r.intIn(0, dsp::FeatureParams::kMaxSr, "decoder sr");
    d.res_type = r.intIn(0, 1, "res_type") == 1 ? dsp::ResType::Polyphase : dsp::ResType::SoxrHq;
    p.validate();
}

QString utf8(const std::string& s, bool* ok)
{
    // A leading byte-order mark is kept as a character, so that the name re-encodes as read.
    QStringDecoder decode(QStringConverter::Utf8, QStringConverter::Flag::ConvertInitialBom);
    const QString out = decode(QByteArrayView(s.data(), qsizetype(s.size())));
    *ok = !decode.hasError();
    return out;
}

} // namespace

QByteArray GenreModel::toBytes() const
{
    dsp::ByteWriter w;
    w.raw(std::string_view(kMagic, sizeof kMagic));
    w.u32(dsp::isNeuralNetwork(classifier->kind()) ? kVersion : kMinVersion);
    w.str(dsp::classifierName(classifier->kind()));
    w.str(featureSet.toStdString());
    w.i32(int(classifier->nFeatures()));
    writeParams(w, params, decode);
    w.i32(int(genres.size()));
    for (const QString& g : genres)
        w.str(g.toStdString());
    classifier->save(w);
    if (dsp::isNeuralNetwork(classifier->kind()))
        w.u32(crc32(w.bytes().data(), w.bytes().size()));
    return QByteArray(w.bytes().data(), qsizetype(w.bytes().size()));
}

std::optional<GenreModel> GenreModel::fromBytes(const QByteArray& bytes, QString* error)
{
    const auto fail = [error](const QString& why) {
        if (error)
            *error = gs::printable(why); // text read from the file may hold control characters
        return std::nullopt;
    };
    try {
        dsp::ByteReader r(std::string_view(bytes.constData(), size_t(bytes.size())));
        if (bytes.size() < qsizetype(sizeof kMagic) || r.raw(sizeof kMagic) != std::string_view(kMagic, sizeof kMagic))
            return fail(QStringLiteral("not a GenreScope model file"));
        const std::uint32_t version = r.u32();
        if (version < kMinVersion || version > kVersion)
            return fail(QStringLiteral("model file version %1 is not supported (this build reads versions %2 to %3)")
                            .arg(QString::number(version), QString::number(kMinVersion), QString::number(kVersion)));
        if (version >= 3) { // the trailing CRC-32 of all before it, checked before anything is read
            if (bytes.size() < qsizetype(sizeof kMagic + 8))
                return fail(QStringLiteral("the model file is truncated"));
            const auto* end = reinterpret_cast<const unsigned char*>(bytes.constData()) + bytes.size() - 4;
            const quint32 stored = quint32(end[0]) | quint32(end[1]) << 8 | quint32(end[2]) << 16 | quint32(end[3]) << 24;
            if (crc32(bytes.constData(), std::size_t(bytes.size() - 4)) != stored)
                return fail(QStringLiteral("the model file is damaged (its checksum does not match; truncated or altered)"));
            r = dsp::ByteReader(std::string_view(bytes.constData(), size_t(bytes.size() - 4)));
            r.raw(sizeof kMagic + 4);
        }
        GenreModel m;
        const std::string kind = r.str(32);
        if (const auto k = dsp::classifierFromName(kind); version < 2 && k && dsp::isNeuralNetwork(*k))
            return fail(QStringLiteral("the model's classifier %1 needs model file version 2").arg(QString::fromStdString(kind)));
        bool ok = true;
        m.featureSet = utf8(r.str(64), &ok);
        if (!ok || !featureSetFromName(m.featureSet))
            return fail(QStringLiteral("the model's feature set '%1' is not known to this build").arg(m.featureSet));
        const int nFeatures = r.intIn(1, 1 << 24, "feature count");
        readParams(r, m.params, m.decode);
        const int nGenres = r.intIn(1, 1 << 12, "genre count");
        for (int g = 0; g < nGenres; ++g) {
            const QString name = utf8(r.str(kMaxName), &ok);
            if (!ok || name.isEmpty() || m.genres.contains(name))
                return fail(QStringLiteral("the model's genre names are invalid"));
            m.genres << name;
        }
        m.classifier = std::make_unique<dsp::StandardizedClassifier>(dsp::StandardizedClassifier::load(r));
        if (dsp::classifierName(m.classifier->kind()) != kind)
            return fail(QStringLiteral("the model's classifier kinds disagree"));
        if (m.classifier->nFeatures() != nFeatures)
            return fail(QStringLiteral("the model's feature counts disagree"));
        if (m.classifier->nClasses() != nGenres)
            return fail(QStringLiteral("the model has %1 genre names for %2 classes")
                            .arg(QString::number(nGenres), QString::number(m.classifier->nClasses())));
        if (!r.atEnd())
            return fail(QStringLiteral("the model file has %1 unexpected bytes at its end").arg(QString::number(r.left())));
        return m;
    } catch (const std::bad_alloc&) {
        return fail(QStringLiteral("the model is too large for memory"));
    } catch (const std::exception& e) {
        return fail(QString::fromStdString(e.what()));
    }
}

QString GenreModel::save(const QString& path) const
{
    if (!classifier)
        return QStringLiteral("no trained classifier");
    return AtomicFile::write(path, toBytes());
}

std::optional<GenreModel> GenreModel::load(const QString& path, QString* error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = f.errorString();
        return std::nullopt;
    }
    if (f.size() > kMaxFileBytes) {
        if (error)
            *error = QStringLiteral("larger than a model file can be (%1 bytes)").arg(QString::number(kMaxFileBytes));
        return std::nullopt;
    }
    const QByteArray bytes = f.read(kMaxFileBytes + 1);
    if (bytes.size() > kMaxFileBytes) {
        if (error)
            *error = QStringLiteral("larger than a model file can be");
        return std::nullopt;
    }
    return fromBytes(bytes, error);
}

} // namespace gs
