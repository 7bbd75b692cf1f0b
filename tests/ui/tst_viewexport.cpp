// SPDX-License-Identifier: GPL-3.0-or-later
// Exporting the feature views: annotated figures and raw images as PNG, SVG and PDF, from a
// view holding a real corpus clip's features; the PNGs decode, the SVGs parse. Also the
// export dialog's own path (success accepts, a bad file name stays with an error).
#include "ExportDialog.h"
#include "SpectrogramView.h"
#include "ViewExport.h"
#include "analysis/TrackAnalyzer.h"
#include "support/Paths.h"

#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace gs;

class TestViewExport : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;
    std::unique_ptr<SpectrogramView> m_mel;
    std::unique_ptr<SpectrogramView> m_mfcc;

    QString out(const QString& name) const { return m_tmp.filePath(name); }

private slots:
    void initTestCase()
    {
        const dsp::FeatureParams params{};
        TrackAnalyzer analyzer(params, DecodeOptions{});
        const TrackFeatures f = analyzer.analyzeFile(testsupport::corpusDir() + QStringLiteral("/chiptune/01-future-cowboy.mp3"));
        QVERIFY2(f.ok(), qPrintable(f.error));
        m_mel = std::make_unique<SpectrogramView>(SpectrogramView::Kind::Mel);
        m_mfcc = std::make_unique<SpectrogramView>(SpectrogramView::Kind::Mfcc);
        m_mel->resize(900, 360);
        m_mfcc->resize(900, 260);
        m_mel->setFeatures(f.melDb, params, QStringLiteral("Mel spectrogram · Future Cowboy"));
        m_mfcc->setFeatures(f.mfcc, params, QStringLiteral("MFCC · Future Cowboy"));
    }

    void writes_data()
    {
        QTest::addColumn<bool>("mfcc");
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("raw");
        QTest::newRow("mel annotated png") << false << QStringLiteral("mel.png") << false;
        QTest::newRow("mel raw png") << false << QStringLiteral("mel-raw.png") << true;
        QTest::newRow("mel annotated svg") << false << QStringLiteral("mel.svg") << false;
        QTest::newRow("mfcc annotated png") << true << QStringLiteral("mfcc.png") << false;
        QTest::newRow("mfcc raw svg") << true << QStringLiteral("mfcc-raw.svg") << true;
        QTest::newRow("mfcc annotated pdf") << true << QStringLiteral("mfcc.pdf") << false;
    }
    void writes()
    {
        QFETCH(bool, mfcc);
        QFETCH(QString, file);
        QFETCH(bool, raw);
        const SpectrogramView& view = mfcc ? *m_mfcc : *m_mel;
        const QString path = out(file);
        const QString error = ViewExport::write(view, path, raw ? ViewExport::Style::Raw : ViewExport::Style::Annotated,
                                                QSize(1000, 400));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        if (file.endsWith(QStringLiteral(".png"))) {
            const QImage image(path);
            QVERIFY(!image.isNull());
            if (raw)
                QCOMPARE(image.size(), QSize(int(view.values().cols()), int(view.values().rows())));
            else
                QCOMPARE(image.size(), QSize(1000, 400));
        } else if (file.endsWith(QStringLiteral(".svg"))) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QXmlStreamReader xml(&f);
            int elements = 0;
            while (!xml.atEnd())
                elements += xml.readNext() == QXmlStreamReader::StartElement ? 1 : 0;
            QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
            QVERIFY(elements > 3);
            QVERIFY(QSvgRenderer(path).isValid());
        } else {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY(f.read(5) == "%PDF-");
        }
    }

    void refusesWithoutDataOrFormat()
    {
        SpectrogramView empty(SpectrogramView::Kind::Mel);
        QVERIFY(!ViewExport::write(empty, out(QStringLiteral("x.png")), ViewExport::Style::Annotated).isEmpty());
        QVERIFY(!ViewExport::write(*m_mel, out(QStringLiteral("x.bmpx")), ViewExport::Style::Annotated).isEmpty());
        QVERIFY(!QFile::exists(out(QStringLiteral("x.png"))));
    }

    void dialogExports()
    {
        ExportDialog dialog(m_mel.get(), m_mfcc.get(), m_mfcc.get());
        QSignalSpy exported(&dialog, &ExportDialog::exported);
        dialog.setPath(out(QStringLiteral("wrong.txt")));
        dialog.exportNow();
        QVERIFY(!dialog.errorText().isEmpty());
        QCOMPARE(exported.size(), 0);
        dialog.setPath(out(QStringLiteral("dialog-mfcc.svg")));
        dialog.exportNow();
        QCOMPARE(exported.size(), 1);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(QSvgRenderer(out(QStringLiteral("dialog-mfcc.svg"))).isValid());
    }
};

QTEST_MAIN(TestViewExport)
#include "tst_viewexport.moc"
