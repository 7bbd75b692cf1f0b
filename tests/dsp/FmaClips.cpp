// SPDX-License-Identifier: GPL-3.0-or-later
#include "FmaClips.h"

#include "audio/AudioDecoder.h"
#include "support/Paths.h"
#include "support/Reference.h"

#include <QFile>
#include <QMap>
#include <QTest>

#include <cmath>
#include <memory>

namespace fmatest {
namespace {

struct Clip
{
    std::vector<float> y;
    dsp::FmaResult result;
};

QMap<QString, std::shared_ptr<Clip>>& cache()
{
    static QMap<QString, std::shared_ptr<Clip>> c;
    return c;
}

const Clip& clipOf(const QString& name)
{
    auto& c = cache();
    if (auto it = c.find(name); it != c.end())
        return **it;
    // same clip files as tst_e2e: <corpus>/<group>/<clip>.mp3
    const QString mp3 = testsupport::corpusDir() + u'/' + name.section(QStringLiteral("__"), 0, 0) + u'/' +
                        name.section(QStringLiteral("__"), 1) + QStringLiteral(".mp3");
    const auto decoded = gs::AudioDecoder::decodeFile(mp3);
    if (!decoded.ok())
        qFatal("%s: %s", qPrintable(mp3), qPrintable(decoded.error));
    auto clip = std::make_shared<Clip>();
    clip->y = decoded.signal.samples;
    static dsp::FmaExtractor extractor(dsp::FeatureParams{});
    extractor.compute(clip->y.data(), clip->y.size(), clip->result);
    c.insert(name, clip);
    return *clip;
}

QList<QStringList> indexRows()
{
    QFile index(fmaDir() + QStringLiteral("/index.tsv"));
    if (!index.open(QIODevice::ReadOnly | QIODevice::Text))
        qFatal("cannot read %s", qPrintable(index.fileName()));
    index.readLine();
    QList<QStringList> rows;
    while (!index.atEnd()) {
        const QStringList c = QString::fromUtf8(index.readLine()).trimmed().split(u'\t');
        if (c.size() == 4)
            rows << c;
    }
    return rows;
}

} // namespace

QString fmaDir() { return testsupport::referenceDir() + QStringLiteral("/fma"); }

void addClipRows()
{
    QTest::addColumn<QString>("clip");
    QTest::addColumn<long>("frames");
    for (const QStringList& c : indexRows())
        QTest::newRow(qPrintable(c[0])) << c[0] << c[2].toLong();
}

double referenceTuning(const QString& clip)
{
    for (const QStringList& c : indexRows())
        if (c[0] == clip)
            return c[3].toDouble();
    qFatal("%s is not in index.tsv", qPrintable(clip));
}

const dsp::FmaResult& result(const QString& clip) { return clipOf(clip).result; }
const std::vector<float>& samples(const QString& clip) { return clipOf(clip).y; }

bool hasReference(const QString& clip, const QString& array)
{
    return QFile::exists(fmaDir() + u'/' + clip + u'/' + array + QStringLiteral(".f32"));
}

dsp::Matrix reference(const QString& clip, const QString& array, long rows, long cols)
{
    return testsupport::loadMatrix(fmaDir() + u'/' + clip + u'/' + array + QStringLiteral(".f32"), rows, cols);
}

QString Match::summary(const QString& what) const
{
    return QStringLiteral("%1: %2 mismatches, worst |d| %3, worst relative %4%5")
        .arg(what, QString::number(mismatches), QString::number(worstAbs, 'g', 3), QString::number(worstRel, 'g', 3),
             firstMismatch.isEmpty() ? QString() : QStringLiteral("; first ") + firstMismatch);
}

Match match(const dsp::Matrix& ours, const dsp::Matrix& ref, double rtol)
{
    Match m;
    if (ours.rows() != ref.rows() || ours.cols() != ref.cols()) {
        m.mismatches = 1;
        m.firstMismatch = QStringLiteral("shape %1 x %2, expected %3 x %4")
                              .arg(QString::number(ours.rows()), QString::number(ours.cols()),
                                   QString::number(ref.rows()), QString::number(ref.cols()));
        return m;
    }
    for (long c = 0; c < ref.cols(); ++c)
        for (long r = 0; r < ref.rows(); ++r) {
            const double a = ours(r, c), b = ref(r, c);
            if (std::isnan(a) || std::isnan(b)) {
                if (std::isnan(a) && std::isnan(b))
                    continue;
                if (m.mismatches++ == 0)
                    m.firstMismatch = QStringLiteral("(row %1, col %2): got %3, expected %4")
                                          .arg(QString::number(r), QString::number(c), QString::number(a), QString::number(b));
                continue;
            }
            const double d = std::abs(a - b);
            m.worstAbs = std::max(m.worstAbs, d);
            if (d <= kAtol)
                continue;
            const double rel = d / std::max(std::abs(b), 0.1);
            m.worstRel = std::max(m.worstRel, rel);
            if (rel > rtol && m.mismatches++ == 0)
                m.firstMismatch = QStringLiteral("(row %1, col %2): got %3, expected %4")
                                      .arg(QString::number(r), QString::number(c), QString::number(a, 'g', 9),
                                           QString::number(b, 'g', 9));
        }
    return m;
}

} // namespace fmatest
