// SPDX-License-Identifier: GPL-3.0-or-later
// Preferences in QSettings (test mode: a throw-away config folder): AppSettings round trip,
// the library folder rule (GENRESCOPE_LIBRARY wins), the settings dialog's values, and the
// main window's geometry and colour map restored on the next start.
#include "AppSettings.h"
#include "MainWindow.h"
#include "SettingsDialog.h"
#include "SpectrogramPanel.h"
#include "SpectrogramView.h"
#include "UiFixture.h"
#include "classify/ClassifierPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>

using namespace gs;

class TestSettings : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void roundTrip()
    {
        AppSettings a;
        QCOMPARE(a.mfccColourMap.id(), render::ColourMap::Id::Coolwarm); // as librosa draws signed data
        QCOMPARE(a.colourMap.id(), render::ColourMap::Id::Magma);
        a.mfccColourMap = render::ColourMap(render::ColourMap::Id::Viridis);
        a.libraryLocation = QStringLiteral("/tmp/elsewhere");
        a.downloadConcurrency = 7;
        a.colourMap = render::ColourMap(render::ColourMap::Id::Inferno);
        a.volume = 0.25f;
        QVERIFY(!a.classifierLearningCurve); // off by default: it costs about two trainings
        a.classifierLearningCurve = true;
        a.save();
        const AppSettings b = AppSettings::load();
        QCOMPARE(b.libraryLocation, a.libraryLocation);
        QCOMPARE(b.downloadConcurrency, 7);
        QCOMPARE(b.colourMap.id(), render::ColourMap::Id::Inferno);
        QCOMPARE(b.mfccColourMap.id(), render::ColourMap::Id::Viridis);
        QCOMPARE(b.volume, 0.25f);
        QVERIFY(b.classifierLearningCurve);
    }

    void libraryFolderRule_data()
    {
        QTest::addColumn<QString>("env");
        QTest::addColumn<QString>("chosen");
        QTest::addColumn<QString>("expected");
        QTest::newRow("default") << QString() << QString() << QString();
        QTest::newRow("chosen") << QString() << QStringLiteral("/data/music") << QStringLiteral("/data/music");
        QTest::newRow("env wins") << QStringLiteral("/env/lib") << QStringLiteral("/data/music") << QStringLiteral("/env/lib");
    }
    void libraryFolderRule()
    {
        QFETCH(QString, env);
        QFETCH(QString, chosen);
        QFETCH(QString, expected);
        if (env.isEmpty())
            qunsetenv("GENRESCOPE_LIBRARY");
        else
            qputenv("GENRESCOPE_LIBRARY", env.toUtf8());
        AppSettings a;
        a.libraryLocation = chosen;
        QCOMPARE(a.effectiveLibraryDir(), expected);
        qunsetenv("GENRESCOPE_LIBRARY");
    }

    void dialogEditsAValue()
    {
        AppSettings a;
        SettingsDialog dialog(a);
        dialog.findChild<QSpinBox*>()->setValue(9);
        dialog.findChild<QComboBox*>()->setCurrentIndex(int(render::ColourMap::Id::Grey));
        dialog.findChild<QLineEdit*>()->setText(QStringLiteral(" /x/y "));
        const AppSettings b = dialog.settings();
        QCOMPARE(b.downloadConcurrency, 9);
        QCOMPARE(b.colourMap.id(), render::ColourMap::Id::Grey);
        QCOMPARE(b.libraryLocation, QStringLiteral("/x/y"));
    }

    void windowLayoutAndColourMapRestored()
    {
        QSettings().clear(); // a first start: the MFCC view opens in coolwarm
        uitest::LibraryFixture fx;
        QString error;
        QVERIFY2(fx.open(&error), qPrintable(error));
        {
            MainWindow w(*fx.library, {.offerDemo = false});
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            w.resize(1111, 777);
            QCOMPARE(w.spectrogramPanel()->mfccView()->colourMap().id(), render::ColourMap::Id::Coolwarm);
            w.spectrogramPanel()->setColourMap(render::ColourMap(render::ColourMap::Id::Viridis));
            w.spectrogramPanel()->setMfccColourMap(render::ColourMap(render::ColourMap::Id::Grey));
            QTRY_COMPARE(w.size(), QSize(1111, 777));
            w.close();
        }
        MainWindow again(*fx.library, {.offerDemo = false});
        QCOMPARE(again.spectrogramPanel()->colourMapBox()->currentText(), QStringLiteral("viridis"));
        QCOMPARE(again.spectrogramPanel()->mfccColourMapBox()->currentText(), QStringLiteral("grey"));
        QCOMPARE(again.spectrogramPanel()->melView()->colourMap().id(), render::ColourMap::Id::Viridis);
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.size(), QSize(1111, 777));
    }

    void classifierLearningCurveRestored()
    {
        QSettings().clear(); // a first start: the box is off
        uitest::LibraryFixture fx;
        QString error;
        QVERIFY2(fx.open(&error), qPrintable(error));
        for (const bool checked : {true, false}) {
            {
                MainWindow w(*fx.library, {.offerDemo = false});
                QCOMPARE(w.classifierPanel()->learningCurveBox()->isChecked(), !checked);
                w.classifierPanel()->learningCurveBox()->setChecked(checked);
                w.show();
                QVERIFY(QTest::qWaitForWindowExposed(&w));
                w.close();
            }
            MainWindow again(*fx.library, {.offerDemo = false});
            QCOMPARE(again.classifierPanel()->learningCurveBox()->isChecked(), checked);
            QCOMPARE(AppSettings::load().classifierLearningCurve, checked);
        }
    }
};

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
