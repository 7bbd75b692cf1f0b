// SPDX-License-Identifier: GPL-3.0-or-later
// NiceTicks: matplotlib-like tick values and labels.
#include "NiceTicks.h"

#include <QTest>

using render::NiceTicks;

class TestNiceTicks : public QObject
{
    Q_OBJECT
private slots:
    void values_data();
    void values();
    void labels_data();
    void labels();
    void decibelLabels_data();
    void decibelLabels();
};

void TestNiceTicks::values_data()
{
    QTest::addColumn<double>("lo");
    QTest::addColumn<double>("hi");
    QTest::addColumn<int>("maxTicks");
    QTest::addColumn<bool>("integerOnly");
    QTest::addColumn<QList<double>>("expected");
    QTest::newRow("30 s clip") << 0.0 << 29.9 << 7 << false << QList<double>{0, 5, 10, 15, 20, 25};
    QTest::newRow("dB range") << -80.0 << 0.0 << 9 << false << QList<double>{-80, -70, -60, -50, -40, -30, -20, -10, 0};
    QTest::newRow("dB range, fewer") << -80.0 << 0.0 << 5 << false << QList<double>{-80, -60, -40, -20, 0};
    QTest::newRow("fractional") << 0.0 << 1.0 << 5 << false << QList<double>{0, 0.25, 0.5, 0.75, 1.0};
    QTest::newRow("off-grid bounds") << -3.3 << 7.9 << 6 << false << QList<double>{-2, 0, 2, 4, 6};
    QTest::newRow("coefficients") << 0.0 << 19.0 << 10 << true << QList<double>{0, 2, 4, 6, 8, 10, 12, 14, 16, 18};
    QTest::newRow("few coefficients") << 0.0 << 3.0 << 10 << true << QList<double>{0, 1, 2, 3};
    QTest::newRow("reversed bounds") << 10.0 << 0.0 << 3 << false << QList<double>{0, 5, 10};
    QTest::newRow("single value") << 2.0 << 2.0 << 5 << false << QList<double>{2};
}

void TestNiceTicks::values()
{
    QFETCH(double, lo);
    QFETCH(double, hi);
    QFETCH(int, maxTicks);
    QFETCH(bool, integerOnly);
    QFETCH(QList<double>, expected);
    const auto got = NiceTicks::values(lo, hi, maxTicks, integerOnly);
    QCOMPARE(QList<double>(got.begin(), got.end()), expected);
}

void TestNiceTicks::labels_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<double>("step");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zero") << 0.0 << 5.0 << "0";
    QTest::newRow("integer") << 25.0 << 5.0 << "25";
    QTest::newRow("negative uses U+2212") << -40.0 << 10.0 << QString(QChar(0x2212)) + QStringLiteral("40");
    QTest::newRow("half steps") << 2.5 << 0.5 << "2.5";
    QTest::newRow("quarter steps") << 0.75 << 0.25 << "0.75";
    QTest::newRow("whole value on fractional axis") << 1.0 << 0.25 << "1.00";
    QTest::newRow("no negative zero") << -1e-12 << 0.1 << "0.0";
    QTest::newRow("2.5 s steps keep their decimal") << 7.5 << 2.5 << "7.5";
    QTest::newRow("2.5 s steps, whole value") << 5.0 << 2.5 << "5.0";
    QTest::newRow("25 Hz steps") << 75.0 << 25.0 << "75";
}

void TestNiceTicks::labels()
{
    QFETCH(double, value);
    QFETCH(double, step);
    QFETCH(QString, expected);
    QCOMPARE(NiceTicks::label(value, step), expected);
}

void TestNiceTicks::decibelLabels_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("expected");
    // Python: '%+2.0f dB' % value
    QTest::newRow("zero") << 0.0 << "+0 dB";
    QTest::newRow("positive") << 20.0 << "+20 dB";
    QTest::newRow("negative") << -40.0 << "-40 dB";
    QTest::newRow("rounded") << -7.6 << "-8 dB";
}

void TestNiceTicks::decibelLabels()
{
    QFETCH(double, value);
    QFETCH(QString, expected);
    QCOMPARE(NiceTicks::decibelLabel(value), expected);
}

QTEST_GUILESS_MAIN(TestNiceTicks)
#include "tst_niceticks.moc"
