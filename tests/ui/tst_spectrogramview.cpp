// SPDX-License-Identifier: GPL-3.0-or-later
// SpectrogramView on a real clip's features: live mode veils what has not been played yet,
// the hover readout names time, frequency and dB (or coefficient and value), the playhead
// only moves while playing; and the About dialog shows the demo credits and licences.
#include "AboutDialog.h"
#include "SpectrogramView.h"
#include "analysis/TrackAnalyzer.h"
#include "library/DemoLocator.h"
#include "support/Paths.h"

#include <QSignalSpy>
#include <QTabWidget>
#include <QPaintEvent>
#include <QScreen>
#include <QTest>
#include <QTextBrowser>

using namespace gs;

class TestSpectrogramView : public QObject
{
    Q_OBJECT
    TrackFeatures m_f;

    static QColor pixel(QWidget& w, const QPointF& at) { return w.grab().toImage().pixelColor(at.toPoint()); }

private slots:
    void initTestCase()
    {
        TrackAnalyzer analyzer(dsp::FeatureParams{}, DecodeOptions{});
        m_f = analyzer.analyzeFile(testsupport::corpusDir() + QStringLiteral("/metal/01-armygeddon.mp3"));
        QVERIFY2(m_f.ok(), qPrintable(m_f.error));
    }

    void liveModeVeilsTheUnplayedPart()
    {
        SpectrogramView view(SpectrogramView::Kind::Mel);
        view.resize(900, 360);
        view.setFeatures(m_f.melDb, dsp::FeatureParams{}, QStringLiteral("mel"));
        view.setPosition(5000);
        const QRectF r = view.imageRect();
        const QPointF played(r.left() + 0.05 * r.width(), r.center().y());
        const QPointF ahead(r.left() + 0.75 * r.width(), r.center().y());
        const QColor before = pixel(view, ahead);
        view.setLive(true);
        const QColor veiled = pixel(view, ahead);
        QVERIFY2(veiled.lightness() > before.lightness() + 60,
                 qPrintable(QStringLiteral("%1 -> %2").arg(before.name(), veiled.name())));
        const QColor playedLive = pixel(view, played);
        view.setLive(false);
        QCOMPARE(playedLive, pixel(view, played)); // the played part is unchanged
    }

    // As librosa.display.specshow draws MFCCs: a diverging map whose range is symmetric about
    // zero, so zero reads as neutral; a sequential map keeps the data's own range.
    void mfccRangeIsSymmetricWithADivergingMap()
    {
        SpectrogramView view(SpectrogramView::Kind::Mfcc);
        view.setFeatures(m_f.mfcc, dsp::FeatureParams{}, QStringLiteral("mfcc"));
        const float lo = m_f.mfcc.minCoeff();
        const float hi = m_f.mfcc.maxCoeff();
        QCOMPARE(view.colourRange(), std::make_pair(lo, hi));
        view.setColourMap(render::ColourMap(render::ColourMap::Id::Coolwarm));
        const float m = std::max(-lo, hi);
        QCOMPARE(view.colourRange(), std::make_pair(-m, m));
        QCOMPARE(view.plotSpec(QSize(800, 300)).vmin, std::optional<float>(-m));
    }

    void hoverReadout_data()
    {
        QTest::addColumn<bool>("mfcc");
        QTest::addColumn<QString>("expected");
        QTest::newRow("mel") << false << QStringLiteral(" Hz (mel band ");
        QTest::newRow("mfcc") << true << QStringLiteral("MFCC ");
    }
    void hoverReadout()
    {
        QFETCH(bool, mfcc);
        QFETCH(QString, expected);
        SpectrogramView view(mfcc ? SpectrogramView::Kind::Mfcc : SpectrogramView::Kind::Mel);
        view.resize(900, 360);
        view.setFeatures(mfcc ? m_f.mfcc : m_f.melDb, dsp::FeatureParams{}, QStringLiteral("x"));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy hover(&view, &SpectrogramView::hoverText);
        const QRectF r = view.imageRect();
        // Move from outside first: a move to where the cursor already is (the previous row's
        // view had the same geometry) produces no event.
        QTest::mouseMove(&view, QPoint(2, 2));
        QTest::mouseMove(&view, QPoint(int(r.left() + r.width() / 2), int(r.center().y())));
        QTRY_VERIFY(!hover.isEmpty());
        const QString text = hover.last().at(0).toString();
        QVERIFY2(text.contains(expected) && text.startsWith(QStringLiteral("t = 1")), qPrintable(text));
        QVERIFY(mfcc || text.endsWith(QStringLiteral(" dB")));
    }

    void playheadMovesOnlyWhilePlaying()
    {
        SpectrogramView view(SpectrogramView::Kind::Mel);
        view.setFeatures(m_f.melDb, dsp::FeatureParams{}, QStringLiteral("x"));
        view.setDuration(30000);
        qint64 now = 5000; // a stepped clock: no test time depends on the machine's speed
        view.setMonotonicClock([&now] { return now; });
        view.setPosition(1000);
        QVERIFY(!view.isAnimating());
        now += 10000;
        QCOMPARE(view.playheadMs(), qint64(1000)); // paused: the playhead stays
        view.setPlaying(true);
        QVERIFY(view.isAnimating());
        now += 250;
        QCOMPARE(view.playheadMs(), qint64(1250)); // playing: interpolated from the last report
        view.setPosition(2000);
        now += 100;
        QCOMPARE(view.playheadMs(), qint64(2100));
        view.setPlaying(false);
        QVERIFY(!view.isAnimating());
        now += 10000;
        QCOMPARE(view.playheadMs(), qint64(2100));
    }

    void playheadRepaintsOnlyItsStrips_data()
    {
        QTest::addColumn<bool>("live");
        QTest::newRow("plain") << false;
        QTest::newRow("live") << true;
    }
    void playheadRepaintsOnlyItsStrips()
    {
        QFETCH(bool, live);
        SpectrogramView view(SpectrogramView::Kind::Mel);
        view.resize(900, 360);
        view.setFeatures(m_f.melDb, dsp::FeatureParams{}, QStringLiteral("x"));
        view.setDuration(30000);
        view.setLive(live);
        view.setPosition(5000);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QApplication::processEvents();
        const QImage before = view.grab().toImage();
        struct Regions : QObject
        {
            QList<QRegion> seen;
            bool eventFilter(QObject*, QEvent* e) override
            {
                if (e->type() == QEvent::Paint)
                    seen << static_cast<QPaintEvent*>(e)->region();
                return false;
            }
        } regions;
        view.installEventFilter(&regions);
        view.setPosition(5000); // the same position: nothing to repaint
        QApplication::processEvents();
        QCOMPARE(regions.seen.size(), 0);
        view.setPosition(6000); // about 25 px further
        QTRY_VERIFY(!regions.seen.isEmpty());
        const QRect painted = regions.seen.last().boundingRect();
        QVERIFY2(painted.width() < 50 && painted.height() <= int(view.imageRect().height()) + 4,
                 qPrintable(QStringLiteral("%1 x %2").arg(QString::number(painted.width()), QString::number(painted.height()))));
        // what is on screen after partial repaints (the offscreen platform grabs its backing
        // store) equals a full paint, after moves forward and a seek back: no stale line
        for (const qint64 ms : {6000, 9000, 7000}) {
            view.setPosition(ms);
            QApplication::processEvents();
            const QImage screen = view.screen()->grabWindow(view.winId()).toImage().convertToFormat(QImage::Format_RGB32);
            QCOMPARE(screen, view.grab().toImage().convertToFormat(QImage::Format_RGB32));
            QVERIFY(screen != before.convertToFormat(QImage::Format_RGB32));
        }
    }

    void aboutShowsDemoCreditsAndLicences()
    {
        const QString demo = DemoLocator::demoDir();
        QVERIFY(!demo.isEmpty());
        AboutDialog about(demo);
        QCOMPARE(about.tabs()->count(), 2);
        const auto* credits = qobject_cast<QTextBrowser*>(about.tabs()->widget(0));
        QVERIFY(credits);
        QVERIFY(credits->toPlainText().contains(QStringLiteral("Armygeddon")));
        AboutDialog none({});
        QCOMPARE(none.tabs()->count(), 1);
    }
};

QTEST_MAIN(TestSpectrogramView)
#include "tst_spectrogramview.moc"
