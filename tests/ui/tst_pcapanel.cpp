// SPDX-License-Identifier: GPL-3.0-or-later
// The PCA panel on real corpus clips (real decoding, feature cache in a temporary folder):
// the scatter fills in after the background analysis, a click on a point emits its track id,
// setCurrentTrack rings the point, legend entries toggle genres, the axis and feature-set
// choices, zoom / pan / reset, the hover text, the scree chart, and the exports (PNG, SVG,
// CSV, .npy).
#include "map/MapPanel.h"
#include "analysis/Analyzer.h"
#include "map/MapJob.h"
#include "map/MapLegend.h"
#include "map/MapView.h"
#include "map/ScreeChart.h"
#include "support/Paths.h"

#include <QComboBox>
#include <QDirIterator>
#include <QImage>
#include <QListView>
#include <QProgressBar>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QXmlStreamReader>

#include <numeric>

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
    std::unique_ptr<MapJob> m_job;
    std::unique_ptr<MapPanel> m_panel;
    QList<TrackRecord> m_tracks;

    MapView& view() { return *m_panel->view(); }
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
        m_job = std::make_unique<MapJob>();
        m_panel = std::make_unique<MapPanel>(m_analyzer.get(), m_job.get());
        m_panel->resize(900, 650);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
        m_tracks = corpusTracks();
        QSignalSpy shown(m_panel.get(), &MapPanel::resultShown);
        m_panel->analyzeTracks(m_tracks);
        QVERIFY(m_panel->progressBar()->isVisible() || shown.size() > 0);
        QVERIFY(shown.wait(120000));
        QVERIFY(!m_panel->progressBar()->isVisible());
    }

    void fillsInOnePointPerTrack()
    {
        QVERIFY(result().ok());
        QCOMPARE(result().table->size(), 30);
        QCOMPARE(view().genres().size(), 5);
        QCOMPARE(int(view().size()), 30);
        const auto counts = view().data().genreCounts();
        QCOMPARE(std::accumulate(counts.begin(), counts.end(), 0), 30);
        for (int row = 0; row < 30; ++row) {
            const render::MapPoint& p = view().data().points[std::size_t(row)];
            QCOMPARE(p.id, result().table->rows()[row].id);
            QCOMPARE(view().genres()[p.genre], result().table->rows()[row].genre);
            QCOMPARE(p.x, result().coords(row, 0));
            QCOMPARE(p.y, result().coords(row, 1));
        }
        // the view's data -> widget mapping agrees with where the point is painted: the pixel
        // at an isolated point's position has its genre's colour, nearer than any other's
        const QImage shot = view().grab().toImage();
        for (const QString& genre : view().genres()) {
            const int row = isolatedRow(genre);
            QVERIFY(row >= 0);
            const QColor seen = shot.pixelColor(view().rowPosition(row));
            const int own = int(view().genres().indexOf(genre));
            const auto distance = [&](int g) {
                const QColor c(view().genreColour(g));
                return std::abs(c.red() - seen.red()) + std::abs(c.green() - seen.green()) + std::abs(c.blue() - seen.blue());
            };
            for (int g = 0; g < view().genres().size(); ++g)
                QVERIFY2(g == own || distance(own) < distance(g), qPrintable(genre + QStringLiteral(" at row %1").arg(row)));
        }
        QVERIFY2(view().xTitle().startsWith(QStringLiteral("PC1 (")) && view().xTitle().endsWith(QStringLiteral(" %)")),
                 qPrintable(view().xTitle()));
        QVERIFY(view().yTitle().startsWith(QStringLiteral("PC2 (")));
        // the scree chart shows every component's share, the two on the map emphasised
        QCOMPARE(m_panel->scree()->percentages().size(), 10);
        QCOMPARE(m_panel->scree()->percentages()[0], 100.0 * result().explainedVarianceRatio[0]);
        QCOMPARE(m_panel->scree()->emphasised(), (QList<int>{0, 1}));
    }

    void clickingAPointEmitsItsTrack()
    {
        QSignalSpy activated(m_panel.get(), &MapPanel::trackActivated);
        const int row = isolatedRow(QStringLiteral("chiptune"));
        QVERIFY(row >= 0);
        QTest::mouseClick(&view(), Qt::LeftButton, {}, view().rowPosition(row));
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().first().toLongLong(), result().table->rows()[row].id);
        // a click on empty space activates nothing
        QTest::mouseClick(&view(), Qt::LeftButton, {}, QPoint(3, 3));
        QCOMPARE(activated.size(), 1);
    }

    void setCurrentTrackHighlights()
    {
        const qint64 id = m_tracks[7].id;
        m_panel->setCurrentTrack(id);
        const int row = rowOf(id);
        QCOMPARE(view().highlightedRow(), row);
        QVERIFY(view().isHighlightShown());
        // the ring is painted around the point (dark pixels at its radius), over the cached points
        const int renders = view().layerRenders();
        const QImage shot = view().grab().toImage();
        QCOMPARE(view().layerRenders(), renders);
        const QPoint at = view().rowPosition(row);
        QVERIFY(qGray(shot.pixel(at + QPoint(8, 0))) < 100 || qGray(shot.pixel(at + QPoint(-8, 0))) < 100);
        m_panel->setCurrentTrack(424242); // not in the PCA
        QCOMPARE(view().highlightedRow(), -1);
        QVERIFY(!view().isHighlightShown());
    }

    void legendTogglesAGenre()
    {
        const QString genre = QStringLiteral("metal");
        const int row = isolatedRow(genre);
        QVERIFY(row >= 0);
        const QPoint pos = view().rowPosition(row);
        MapLegend& legend = *m_panel->legend();
        QCOMPARE(legend.shownGenres(), view().genres());
        QVERIFY(legend.isGenreChecked(genre));
        QVERIFY(legend.toggle(genre)); // what a click on the entry's check box does
        QVERIFY(!view().isGenreVisible(genre));
        QVERIFY(!legend.isGenreChecked(genre));
        QVERIFY(legend.shownGenres().contains(genre)); // the entry stays, dimmed, to switch it back
        QVERIFY(view().rowAt(pos) != row);
        QVERIFY(view().grab().toImage().pixelColor(pos) != QColor(view().genreColour(int(view().genres().indexOf(genre)))));
        QSignalSpy activated(m_panel.get(), &MapPanel::trackActivated);
        QTest::mouseClick(&view(), Qt::LeftButton, {}, pos);
        for (const auto& args : activated)
            QVERIFY(args.first().toLongLong() != result().table->rows()[row].id);
        QVERIFY(legend.toggle(genre));
        QVERIFY(view().isGenreVisible(genre));
        QCOMPARE(view().rowAt(pos), row);
        // hiding from the view (e.g. restored state) unchecks the entry
        view().setGenreVisible(genre, false);
        QVERIFY(!legend.isGenreChecked(genre));
        view().setGenreVisible(genre, true);
        QVERIFY(legend.isGenreChecked(genre));
    }

    void hoverText()
    {
        const QString tip = view().tooltipFor(3);
        const FeatureRow& r = result().table->rows()[3];
        QVERIFY(tip.contains(r.title) && tip.contains(r.artist) && tip.contains(r.genre));
    }

    void zoomPanReset()
    {
        const QPointF x0 = view().xRange();
        const double span = x0.y() - x0.x();
        const QPoint centre = view().plotRect().center().toPoint();
        QWheelEvent wheel(centre, view().mapToGlobal(centre), {}, {0, 240}, Qt::NoButton, {}, Qt::NoScrollPhase, false);
        QApplication::sendEvent(&view(), &wheel);
        const double zoomed = view().xRange().y() - view().xRange().x();
        QVERIFY2(zoomed < 0.8 * span, qPrintable(QString::number(zoomed)));
        const double minBefore = view().xRange().x();
        QTest::mousePress(&view(), Qt::LeftButton, {}, centre);
        QTest::mouseMove(&view(), centre + QPoint(30, 0));
        QTest::mouseMove(&view(), centre + QPoint(60, 0));
        QTest::mouseRelease(&view(), Qt::LeftButton, {}, centre + QPoint(60, 0));
        QVERIFY(view().xRange().x() < minBefore); // dragging right shows what lies to the left
        QCOMPARE(view().xRange().y() - view().xRange().x(), zoomed); // panning keeps the zoom
        m_panel->findChild<QToolButton*>(QStringLiteral("pcaResetView"))->click();
        QCOMPARE(view().xRange(), x0);
    }

    void axisChoice()
    {
        auto* xBox = m_panel->findChild<QComboBox*>(QStringLiteral("pcaXAxis"));
        QVERIFY(xBox);
        QCOMPARE(xBox->count(), 10);
        QVERIFY(xBox->itemText(0).startsWith(QStringLiteral("PC1 (")));
        xBox->setCurrentIndex(2);
        QCOMPARE(m_panel->xComponent(), 2);
        QVERIFY(view().xTitle().startsWith(QStringLiteral("PC3 (")));
        const int row = rowOf(m_tracks[0].id);
        QCOMPARE(view().data().points[std::size_t(row)].x, result().coords(row, 2));
        QCOMPARE(m_panel->scree()->emphasised(), (QList<int>{1, 2}));
        xBox->setCurrentIndex(0);
        QCOMPARE(m_panel->xComponent(), 0);
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
        QSignalSpy shown(m_panel.get(), &MapPanel::resultShown);
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
