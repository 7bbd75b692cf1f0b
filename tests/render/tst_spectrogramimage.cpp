// SPDX-License-Identifier: GPL-3.0-or-later
// spectrogramImage(): orientation, vmin/vmax mapping, clipping, NaN, size and format.
#include "SpectrogramImage.h"

#include <QTest>

#include <cmath>
#include <limits>

using render::ColourMap;

class TestSpectrogramImage : public QObject
{
    Q_OBJECT
private slots:
    void sizeAndFormat();
    void topBinIsTopRow();
    void lowestBinIsBottomRow();
    void framesAreColumns();
    void valueMapping_data();
    void valueMapping();
    void degenerateRangeUsesVminColour();
    void emptyMatrixGivesNullImage();
    void finiteRangeSkipsNanAndInf();
};

void TestSpectrogramImage::sizeAndFormat()
{
    const dsp::Matrix m = dsp::Matrix::Zero(128, 1292);
    const QImage img = render::spectrogramImage(m, ColourMap(), -80.f, 0.f);
    QCOMPARE(img.width(), 1292);
    QCOMPARE(img.height(), 128);
    QCOMPARE(img.format(), QImage::Format_RGB32);
}

void TestSpectrogramImage::topBinIsTopRow()
{
    dsp::Matrix m = dsp::Matrix::Constant(8, 5, -80.f);
    m.row(7).setConstant(0.f); // the highest bin is hot
    const ColourMap map;
    const QImage img = render::spectrogramImage(m, map, -80.f, 0.f);
    for (int x = 0; x < 5; ++x) {
        QCOMPARE(img.pixel(x, 0), map.at(255));
        for (int y = 1; y < 8; ++y)
            QCOMPARE(img.pixel(x, y), map.at(0));
    }
}

void TestSpectrogramImage::lowestBinIsBottomRow()
{
    dsp::Matrix m = dsp::Matrix::Zero(6, 3);
    m.row(0).setConstant(1.f);
    const ColourMap map(ColourMap::Id::Grey);
    const QImage img = render::spectrogramImage(m, map, 0.f, 1.f);
    QCOMPARE(img.pixel(1, 5), qRgb(255, 255, 255));
    QCOMPARE(img.pixel(1, 4), qRgb(0, 0, 0));
}

void TestSpectrogramImage::framesAreColumns()
{
    dsp::Matrix m = dsp::Matrix::Zero(4, 10);
    m.col(3).setConstant(1.f);
    const ColourMap map(ColourMap::Id::Grey);
    const QImage img = render::spectrogramImage(m, map, 0.f, 1.f);
    for (int y = 0; y < 4; ++y) {
        QCOMPARE(img.pixel(3, y), qRgb(255, 255, 255));
        QCOMPARE(img.pixel(2, y), qRgb(0, 0, 0));
        QCOMPARE(img.pixel(4, y), qRgb(0, 0, 0));
    }
}

void TestSpectrogramImage::valueMapping_data()
{
    QTest::addColumn<float>("value");
    QTest::addColumn<int>("entry");
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const float inf = std::numeric_limits<float>::infinity();
    // vmin = -80, vmax = 0: entry = floor((v + 80) / 80 * 256), clipped to 0..255.
    QTest::newRow("vmin -> first entry") << -80.f << 0;
    QTest::newRow("vmax -> last entry") << 0.f << 255;
    QTest::newRow("middle") << -40.f << 128;
    QTest::newRow("just below vmax") << -0.2f << 255;
    QTest::newRow("one step up") << -79.6f << 1;
    QTest::newRow("below vmin clips") << -120.f << 0;
    QTest::newRow("above vmax clips") << 25.f << 255;
    QTest::newRow("-inf clips") << -inf << 0;
    QTest::newRow("+inf clips") << inf << 255;
    QTest::newRow("NaN -> vmin colour") << nan << 0;
}

void TestSpectrogramImage::valueMapping()
{
    QFETCH(float, value);
    QFETCH(int, entry);
    const dsp::Matrix m = dsp::Matrix::Constant(3, 2, value);
    for (const ColourMap::Id id : {ColourMap::Id::Magma, ColourMap::Id::Viridis, ColourMap::Id::Grey}) {
        const ColourMap map(id);
        const QImage img = render::spectrogramImage(m, map, -80.f, 0.f);
        QCOMPARE(img.pixel(1, 1), map.at(entry));
    }
}

void TestSpectrogramImage::degenerateRangeUsesVminColour()
{
    const dsp::Matrix m = dsp::Matrix::Constant(2, 2, 5.f);
    const ColourMap map;
    QCOMPARE(render::spectrogramImage(m, map, 5.f, 5.f).pixel(0, 0), map.at(0));
    QCOMPARE(render::spectrogramImage(m, map, 6.f, 1.f).pixel(0, 0), map.at(0));
}

void TestSpectrogramImage::emptyMatrixGivesNullImage()
{
    QVERIFY(render::spectrogramImage(dsp::Matrix(0, 10), ColourMap(), 0.f, 1.f).isNull());
    QVERIFY(render::spectrogramImage(dsp::Matrix(10, 0), ColourMap(), 0.f, 1.f).isNull());
}

void TestSpectrogramImage::finiteRangeSkipsNanAndInf()
{
    dsp::Matrix m(2, 3);
    m << 1.f, std::numeric_limits<float>::quiet_NaN(), -4.f, std::numeric_limits<float>::infinity(), 7.f, 2.f;
    const auto [lo, hi] = render::finiteRange(m);
    QCOMPARE(lo, -4.f);
    QCOMPARE(hi, 7.f);
    const auto [lo0, hi0] = render::finiteRange(dsp::Matrix::Constant(2, 2, std::numeric_limits<float>::quiet_NaN()));
    QCOMPARE(lo0, 0.f);
    QCOMPARE(hi0, 0.f);
}

QTEST_GUILESS_MAIN(TestSpectrogramImage)
#include "tst_spectrogramimage.moc"
