// SPDX-License-Identifier: GPL-3.0-or-later
// The PCA panel on real corpus clips (real decoding, feature cache in a temporary folder):
// the scatter fills in after the background analysis, a click on a point emits its track id,
// setCurrentTrack rings the point, legend markers toggle genres, the axis and feature-set
// choices, zoom / pan / reset, the hover text, and the exports (PNG, SVG, CSV, .npy).
#include "PcaPanel.h"
#include "PcaScatterView.h"
#include "analysis/Analyzer.h"
#include "support/Paths.h"

#include <QComboBox>
#include <QDirIterator>
#include <QImage>
#include <QLegend>
#include <QLegendMarker>
#include <QProgressBar>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>
#include <QXmlStreamReader>

using namespace gs;

namespace {

QList<TrackRecord> corpusTracks()
{
    QStringList files;
    QDirIterator it(testsupport::corpusDir(), {QStringLiteral("*.mp3")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    QList<TrackRecord> out;
    for (const QString& f : files) {
        TrackRecord t;
        t.id = 1000 + out.size();
        t.title = QStringLiteral("Title %1").arg(out.size());
        t.artist = QStringLiteral("Artist %1").arg(out.size());
        t.genre = QFileInfo(f).dir().dirName();
        t.audioPath = f;
        t.status = TrackStatus::Downloaded;
        out << t;
    }
    return out;
}

} // namespace

class TestPcaPanel : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;
    std::unique_ptr<Analyzer> m_analyzer;
    std::unique_ptr<PcaPanel> m_panel;
    QList<TrackRecord> m_tracks;

    PcaScatterView& view() { return *m_panel->view(); }
    const PcaResult& result() { return m_panel->result(); }
    int rowOf(qint64 id)
    {
        for (int r = 0; r < result().table->size(); ++r)
            if (result().table->rows()[r].id == id)
                return r;
        return -1;
    }
    /// A row whose point is not covered by another row's point (so a click must hit it).
    int isolatedRow(const QString& genre)
    {
        for (int r = 0; r < result().table->size(); ++r)
            if (result().table->rows()[r].genre == genre && view().rowAt(view().rowPosition(r)) == r)
                return r;
        return -1;
    }

private slots:
    void initTestCase()
    {
        m_analyzer = std::make_unique<Analyzer>(dsp::FeatureParams{}, m_tmp.filePath(QStringLiteral("features")));
        m_panel = std::make_unique<PcaPanel>(m_analyzer.get());
        m_panel->resize(900, 650);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
        m_tracks = corpusTracks();
        QSignalSpy shown(m_panel.get(), &PcaPanel::resultShown);
        m_panel->analyzeTracks(m_tracks);
        QVERIFY(m_panel->progressBar()->isVisible() || shown.size() > 0);
        QVERIFY(shown.wait(120000));
        QVERIFY(!m_panel->progressBar()->isVisible());
        QVERIFY(!view().usesOpenGl()); // never on the offscreen platform
    }

    void fillsInOneSeriesPerGenre()
    {
        QVERIFY(result().ok());
        QCOMPARE(result().table->size(), 30);
        QCOMPARE(view().genres().size(), 5);
        int points = 0;
        for (const QString& g : view().genres())
            points += int(view().seriesOf(g)->count());
        QCOMPARE(points, 30);
        // the view's own data -> widget mapping agrees with where Qt Charts draws the point
        for (int row : {0, 11, 29}) {
            const QString genre = result().table->rows()[row].genre;
            const QPointF value(result().coords(row, 0), result().coords(row, 1));
            const QPointF drawn = view().chart()->mapToPosition(value, view().seriesOf(genre));
            const QPoint expected = view().mapFromScene(view().chart()->mapToScene(drawn));
            QVERIFY2((view().rowPosition(row) - expected).manhattanLength() <= 2,
                     qPrintable(QStringLiteral("row %1").arg(row)));
        }
        const auto* x = qobject_cast<QValueAxis*>(view().chart()->axes(Qt::Horizontal).first());
        QVERIFY2(x->titleText().startsWith(QStringLiteral("PC1 (")) && x->titleText().endsWith(QStringLiteral(" %)")),
                 qPrintable(x->titleText()));
    }

    void clickingAPointEmitsItsTrack()
    {
        QSignalSpy activated(m_panel.get(), &PcaPanel::trackActivated);
        const int row = isolatedRow(QStringLiteral("chiptune"));
        QVERIFY(row >= 0);
        QTest::mouseClick(view().viewport(), Qt::LeftButton, {}, view().rowPosition(row));
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().first().toLongLong(), result().table->rows()[row].id);
        // a click on empty space activates nothing
        QTest::mouseClick(view().viewport(), Qt::LeftButton, {}, QPoint(3, 3));
        QCOMPARE(activated.size(), 1);
    }

    void setCurrentTrackHighlights()
    {
        const qint64 id = m_tracks[7].id;
        m_panel->setCurrentTrack(id);
        const int row = rowOf(id);
        QCOMPARE(view().highlightedRow(), row);
        QCOMPARE(view().highlightSeries()->count(), 1);
        QCOMPARE(view().highlightSeries()->at(0),
                 QPointF(result().coords(row, view().xComponent()), result().coords(row, view().yComponent())));
        m_panel->setCurrentTrack(424242); // not in the PCA
        QCOMPARE(view().highlightSeries()->count(), 0);
    }

    void legendTogglesAGenre()
    {
        const QString genre = QStringLiteral("metal");
        const int row = isolatedRow(genre);
        QVERIFY(row >= 0);
        const QPoint pos = view().rowPosition(row);
        const auto markers = view().chart()->legend()->markers(view().seriesOf(genre));
        QCOMPARE(markers.size(), 1);
        emit markers.first()->clicked(); // what a click on the legend entry does
        QVERIFY(!view().isGenreVisible(genre));
        QVERIFY(!view().seriesOf(genre)->isVisible());
        QTRY_VERIFY(markers.first()->isVisible()); // the entry stays, dimmed, to switch it back
        QVERIFY(markers.first()->labelBrush().color().alphaF() < 0.5f); // dimmed (8-bit alpha)
        QVERIFY(view().rowAt(pos) != row);
        QSignalSpy activated(m_panel.get(), &PcaPanel::trackActivated);
        QTest::mouseClick(view().viewport(), Qt::LeftButton, {}, pos);
        for (const auto& args : activated)
            QVERIFY(args.first().toLongLong() != result().table->rows()[row].id);
        emit markers.first()->clicked();
        QVERIFY(view().isGenreVisible(genre));
        QCOMPARE(view().rowAt(pos), row);
    }

    void hoverText()
    {
        const QString tip = view().tooltipFor(3);
        const FeatureRow& r = result().table->rows()[3];
        QVERIFY(tip.contains(r.title) && tip.contains(r.artist) && tip.contains(r.genre));
    }

    void zoomPanReset()
    {
        auto* x = qobject_cast<QValueAxis*>(view().chart()->axes(Qt::Horizontal).first());
        const double span = x->max() - x->min();
        const QPoint centre = view().mapFromScene(view().chart()->mapToScene(view().chart()->plotArea().center()));
        QWheelEvent wheel(centre, view().viewport()->mapToGlobal(centre), {}, {0, 240}, Qt::NoButton, {},
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(view().viewport(), &wheel);
        QVERIFY2(x->max() - x->min() < 0.8 * span, qPrintable(QString::number(x->max() - x->min())));
        const double minBefore = x->min();
        QTest::mousePress(view().viewport(), Qt::LeftButton, {}, centre);
        QTest::mouseMove(view().viewport(), centre + QPoint(30, 0));
        QTest::mouseMove(view().viewport(), centre + QPoint(60, 0));
        QTest::mouseRelease(view().viewport(), Qt::LeftButton, {}, centre + QPoint(60, 0));
        QVERIFY(x->min() < minBefore); // dragging right shows what lies to the left
        view().resetView();
        QCOMPARE(x->max() - x->min(), span);
    }

    void axisChoice()
    {
        auto* xBox = m_panel->findChild<QComboBox*>(QStringLiteral("pcaXAxis"));
        QVERIFY(xBox);
        QCOMPARE(xBox->count(), 10);
        QVERIFY(xBox->itemText(0).startsWith(QStringLiteral("PC1 (")));
        xBox->setCurrentIndex(2);
        QCOMPARE(view().xComponent(), 2);
        const auto* x = qobject_cast<QValueAxis*>(view().chart()->axes(Qt::Horizontal).first());
        QVERIFY(x->titleText().startsWith(QStringLiteral("PC3 (")));
        QCOMPARE(view().seriesOf(QStringLiteral("ambient"))->at(0).x(), result().coords(rowOf(m_tracks[0].id), 2));
        xBox->setCurrentIndex(0);
        QCOMPARE(view().xComponent(), 0);
    }

    void featureSetAndStandardisation_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("standardize");
        QTest::addColumn<int>("features");
        QTest::newRow("mfcc-image") << int(FeatureSetKind::MfccImage) << false << 25840;
        QTest::newRow("mel-summary standardised") << int(FeatureSetKind::MelSummary) << true << 256;
        QTest::newRow("summary") << int(FeatureSetKind::Summary) << false << 40;
    }
    void featureSetAndStandardisation()
    {
        QFETCH(int, kind);
        QFETCH(bool, standardize);
        QFETCH(int, features);
        QSignalSpy shown(m_panel.get(), &PcaPanel::resultShown);
        m_panel->setStandardize(standardize);
        m_panel->setFeatureSet(FeatureSetKind(kind));
        QTRY_VERIFY_WITH_TIMEOUT(result().kind == FeatureSetKind(kind) && result().standardize == standardize, 60000);
        QCOMPARE(result().table->nFeatures(), features);
        QCOMPARE(result().table->size(), 30);
    }

    void exports()
    {
        const QString png = m_tmp.filePath(QStringLiteral("pca.png")), svg = m_tmp.filePath(QStringLiteral("pca.svg"));
        const QString csv = m_tmp.filePath(QStringLiteral("pca.csv")), npy = m_tmp.filePath(QStringLiteral("f.npy"));
        QCOMPARE(m_panel->exportPlot(png), QString());
        QVERIFY(!QImage(png).isNull());
        QCOMPARE(m_panel->exportPlot(svg), QString());
        QVERIFY(QSvgRenderer(svg).isValid());
        QFile svgFile(svg);
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&svgFile);
        while (!xml.atEnd())
            xml.readNext();
        QVERIFY(!xml.hasError());
        QCOMPARE(m_panel->exportCoordinates(csv), QString());
        QFile c(csv);
        QVERIFY(c.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(c.readAll()).trimmed().split(u'\n');
        QCOMPARE(lines.size(), 31);
        QCOMPARE(lines[0], QStringLiteral("id,title,artist,genre,PC1,PC2,PC3,PC4,PC5,PC6,PC7,PC8,PC9,PC10"));
        QSet<qint64> ids;
        for (const QString& line : lines.mid(1)) {
            const QStringList f = line.split(u',');
            QCOMPARE(f.size(), 14);
            ids.insert(f[0].toLongLong());
            QVERIFY(f[1].startsWith(QStringLiteral("Title ")));
            QVERIFY(!f[13].isEmpty());
        }
        QCOMPARE(ids.size(), 30);
        QCOMPARE(m_panel->exportFeatures(npy), QString());
        QFile n(npy);
        QVERIFY(n.open(QIODevice::ReadOnly));
        const QByteArray bytes = n.readAll();
        QVERIFY(bytes.startsWith("\x93NUMPY"));
        QVERIFY(bytes.contains("'shape': (30, 40)"));
        QCOMPARE(m_panel->exportPlot(m_tmp.filePath(QStringLiteral("pca.bmp"))).isEmpty(), false);
    }
};

QTEST_MAIN(TestPcaPanel)
#include "tst_pcapanel.moc"
