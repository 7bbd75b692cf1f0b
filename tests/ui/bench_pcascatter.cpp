// SPDX-License-Identifier: GPL-3.0-or-later
// Manual harness (not a test): first paint, pick and zoom latency of the PCA scatter for
// synthetic clouds of 10,000 and 50,000 points in 8 genres. Run it under Xvfb to get the
// OpenGL path (xvfb-run -a bench_pcascatter) and with QT_QPA_PLATFORM=offscreen for the
// plain one. Prints one line per size; the numbers go into the project notes.
#include "PcaScatterView.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QOpenGLContext>
#include <QTextStream>
#include <QWheelEvent>

#include <random>

using namespace gs;

namespace {

PcaResult cloud(int n)
{
    std::mt19937 rng(7);
    std::normal_distribution<double> noise(0.0, 1.0);
    FeatureTable table(FeatureSetKind::Summary, 2, n);
    Eigen::MatrixXd coords(n, 10);
    for (int i = 0; i < n; ++i) {
        const int g = i % 8;
        CachedFeatures f{dsp::Vector::Zero(2), {}, {}};
        table.add({i + 1, {}, QStringLiteral("Track %1").arg(i), QStringLiteral("Artist"), QStringLiteral("genre %1").arg(g)}, f);
        for (int c = 0; c < 10; ++c)
            coords(i, c) = noise(rng) * (10.0 - c) + (c < 2 ? 6.0 * std::cos(g + c * 1.3) : 0.0);
    }
    PcaResult r;
    r.table = std::make_shared<const FeatureTable>(std::move(table));
    r.coords = coords;
    r.explainedVarianceRatio = Eigen::VectorXd::LinSpaced(10, 0.3, 0.01);
    return r;
}

double msSince(const QElapsedTimer& t) { return double(t.nsecsElapsed()) / 1e6; }

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QTextStream out(stdout);
    PcaScatterView view;
    view.resize(1200, 800);
    view.show();
    QApplication::processEvents();
    view.setResult(cloud(3000), {}); // warm-up: creates the OpenGL context where there is one
    view.viewport()->repaint();
    QApplication::processEvents();
    for (const int n : {10000, 50000}) {
        const PcaResult r = cloud(n);
        QElapsedTimer t;
        t.start();
        view.setResult(r, {});
        view.viewport()->repaint();
        QApplication::processEvents();
        const double firstPaint = msSince(t);

        std::mt19937 rng(3);
        std::uniform_int_distribution<int> px(0, view.viewport()->width() - 1), py(0, view.viewport()->height() - 1);
        const int picks = 2000;
        int hits = 0;
        t.restart();
        for (int i = 0; i < picks; ++i)
            hits += view.rowAt(QPoint(px(rng), py(rng))) >= 0 ? 1 : 0;
        const double pick = msSince(t) / picks;

        const QPoint centre = view.viewport()->rect().center();
        t.restart();
        for (int i = 0; i < 5; ++i) {
            QWheelEvent wheel(centre, view.viewport()->mapToGlobal(centre), {}, {0, 120}, Qt::NoButton, {},
                              Qt::NoScrollPhase, false);
            QApplication::sendEvent(view.viewport(), &wheel);
            view.viewport()->repaint();
            QApplication::processEvents();
        }
        const double zoom = msSince(t) / 5;
        out << QStringLiteral("%1 points, platform %2, OpenGL %3: first paint %4 ms, pick %5 ms (%6 % hits), "
                              "zoom step + repaint %7 ms\n")
                   .arg(QString::number(n), QGuiApplication::platformName(),
                        view.usesOpenGl() ? QStringLiteral("on") : QStringLiteral("off"),
                        QString::number(firstPaint, 'f', 1), QString::number(pick, 'f', 3),
                        QString::number(100.0 * hits / picks, 'f', 0), QString::number(zoom, 'f', 1));
        out.flush();
    }
    return 0;
}
