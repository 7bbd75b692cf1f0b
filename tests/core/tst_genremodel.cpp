// SPDX-License-Identifier: GPL-3.0-or-later
// Model files (gs::GenreModel): a saved model loads back with the same feature set, parameters,
// genres and bit-identical probabilities; every truncation, a wrong magic or version, trailing
// bytes, inconsistent parts and random damage give a one-line error (never a crash, never a
// half-loaded model); an unwritable target leaves nothing behind.
#include "classify/GenreModel.h"
#include "dsp/map/MapRandom.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {

gs::GenreModel trained(dsp::ClassifierKind kind)
{
    dsp::MapRandom r(3);
    Eigen::MatrixXf x(24, 40);
    std::vector<int> y;
    for (int i = 0; i < 24; ++i) {
        y.push_back(i % 3);
        for (int j = 0; j < 40; ++j)
            x(i, j) = float(r.normal() + (j == y.back() ? 3.0 : 0.0));
    }
    gs::GenreModel m;
    m.featureSet = QStringLiteral("summary");
    m.params.mel.n_mels = 64;
    m.params.mfcc.n_mfcc = 20;
    m.decode.res_type = dsp::ResType::Polyphase;
    m.genres = {QStringLiteral("ambient"), QStringLiteral("métal"), QStringLiteral("rock, \"hard\"")};
    m.classifier = std::make_unique<dsp::StandardizedClassifier>(kind);
    m.classifier->train(x, y, 3);
    return m;
}

Eigen::MatrixXf probe()
{
    dsp::MapRandom r(8);
    Eigen::MatrixXf x(5, 40);
    for (Eigen::Index i = 0; i < x.size(); ++i)
        x.data()[i] = float(r.normal());
    return x;
}

} // namespace

Q_DECLARE_METATYPE(dsp::ClassifierKind)

class TestGenreModel : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<dsp::ClassifierKind>("kind");
        QTest::newRow("svm") << dsp::ClassifierKind::Svm;
        QTest::newRow("logreg") << dsp::ClassifierKind::LogReg;
        QTest::newRow("knn") << dsp::ClassifierKind::Knn;
    }
    void roundTrip()
    {
        QFETCH(dsp::ClassifierKind, kind);
        QTemporaryDir dir;
        const gs::GenreModel m = trained(kind);
        const QString path = dir.filePath(QStringLiteral("m.gsm"));
        QCOMPARE(m.save(path), QString());
        QString why;
        const std::optional<gs::GenreModel> back = gs::GenreModel::load(path, &why);
        QVERIFY2(back, qPrintable(why));
        QCOMPARE(back->featureSet, m.featureSet);
        QCOMPARE(back->genres, m.genres);
        QCOMPARE(back->params.key(), m.params.key());
        QCOMPARE(back->decode.res_type, dsp::ResType::Polyphase);
        QCOMPARE(back->classifier->kind(), kind);
        QVERIFY(back->classifier->predictProba(probe()) == m.classifier->predictProba(probe()));
        QCOMPARE(back->toBytes(), m.toBytes());
    }

    void damagedFilesAreRefusedOnOneLine_data() { roundTrip_data(); }
    void damagedFilesAreRefusedOnOneLine()
    {
        QFETCH(dsp::ClassifierKind, kind);
        const QByteArray good = trained(kind).toBytes();
        QString why;
        for (qsizetype len = 0; len < good.size(); ++len) {
            why.clear();
            QVERIFY2(!gs::GenreModel::fromBytes(good.left(len), &why), qPrintable(QString::number(len)));
            QVERIFY(!why.isEmpty() && !why.contains(u'\n'));
        }
        QVERIFY(!gs::GenreModel::fromBytes(good + "x", &why));
        QVERIFY(why.contains(QStringLiteral("unexpected bytes")));
        QByteArray magic = good;
        magic[0] = 'X';
        QVERIFY(!gs::GenreModel::fromBytes(magic, &why));
        QCOMPARE(why, QStringLiteral("not a GenreScope model file"));
        QByteArray version = good;
        version[8] = 9;
        QVERIFY(!gs::GenreModel::fromBytes(version, &why));
        QVERIFY(why.contains(QStringLiteral("version 9")));
        dsp::MapRandom random(kind == dsp::ClassifierKind::Svm ? 1 : 2);
        for (int trial = 0; trial < 500; ++trial) {
            QByteArray bytes = good;
            for (int k = 0; k < 3; ++k)
                bytes[random.below(std::uint32_t(bytes.size()))] = char(random.below(256));
            why.clear();
            const std::optional<gs::GenreModel> m = gs::GenreModel::fromBytes(bytes, &why);
            if (m) { // damage in a value: still a consistent model, which re-encodes as read
                QCOMPARE(m->classifier->nClasses(), int(m->genres.size()));
                QVERIFY(m->toBytes() == bytes);
                QCOMPARE(m->classifier->predictProba(probe()).rows(), Eigen::Index(5));
            } else {
                QVERIFY(!why.isEmpty() && !why.contains(u'\n'));
            }
        }
    }

    // What loads re-encodes to the very bytes read (found by fuzzing): a parameter the
    // extractor holds as a float must be stored as one, a switched-off top_db carries no
    // value, and a genre name's leading byte-order mark is part of the name.
    void loadedModelsReencodeAsRead()
    {
        gs::GenreModel m = trained(dsp::ClassifierKind::LogReg);
        m.genres[0] = QStringLiteral("\uFEFFambient");
        const QByteArray good = m.toBytes();
        QString why;
        const std::optional<gs::GenreModel> back = gs::GenreModel::fromBytes(good, &why);
        QVERIFY2(back, qPrintable(why));
        QCOMPARE(back->genres[0], m.genres[0]);
        QVERIFY(back->toBytes() == good);

        // power (2.0, the double after pad_mode "constant") nudged to the next double.
        const qsizetype power = good.indexOf(QByteArrayLiteral("constant")) + 8;
        QVERIFY(power > 8);
        QByteArray nudged = good;
        QCOMPARE(nudged[power], char(0));
        nudged[power] = char(1);
        QVERIFY(!gs::GenreModel::fromBytes(nudged, &why));
        QVERIFY2(why.contains(QStringLiteral("power is not a 32-bit float")), qPrintable(why));

        gs::GenreModel off = trained(dsp::ClassifierKind::LogReg);
        off.params.db.top_db.reset();
        QByteArray topDb = off.toBytes();
        QVERIFY(gs::GenreModel::fromBytes(topDb, &why));
        const qsizetype flag = topDb.indexOf(QByteArrayLiteral("slaney")) + 6 + 8 + 4 + 8; // norm, ref, ref mode, amin
        QCOMPARE(topDb.mid(flag, 12), QByteArray(12, '\0'));                                // flag 0, value 0.0
        topDb[flag + 4 + 7] = char(0x40);                                                   // value 2.0
        QVERIFY(!gs::GenreModel::fromBytes(topDb, &why));
        QVERIFY2(why.contains(QStringLiteral("top_db")), qPrintable(why));
    }

    void missingAndUnwritableFiles()
    {
        QTemporaryDir dir;
        QString why;
        QVERIFY(!gs::GenreModel::load(dir.filePath(QStringLiteral("none.gsm")), &why));
        QVERIFY(!why.isEmpty());
        const QString blocked = dir.filePath(QStringLiteral("no-such-folder/m.gsm"));
        QVERIFY(!trained(dsp::ClassifierKind::Knn).save(blocked).isEmpty());
        QVERIFY(!QFile::exists(blocked));
    }
};

QTEST_GUILESS_MAIN(TestGenreModel)
#include "tst_genremodel.moc"
