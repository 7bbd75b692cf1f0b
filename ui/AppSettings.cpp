// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppSettings.h"

#include <QSettings>

#include <algorithm>

namespace gs {
namespace {
const QString kLibrary = QStringLiteral("library/location");
const QString kConcurrency = QStringLiteral("downloads/concurrency");
const QString kColourMap = QStringLiteral("view/colourMap");
const QString kMfccColourMap = QStringLiteral("view/mfccColourMap");
const QString kVolume = QStringLiteral("player/volume");
const QString kLearningCurve = QStringLiteral("classifier/learningCurve");
} // namespace

AppSettings AppSettings::load()
{
    const QSettings s;
    AppSettings a;
    a.libraryLocation = s.value(kLibrary).toString();
    a.downloadConcurrency = std::clamp(s.value(kConcurrency, a.downloadConcurrency).toInt(), 1, 16);
    if (const auto map = render::ColourMap::fromName(s.value(kColourMap).toString()))
        a.colourMap = *map;
    if (const auto map = render::ColourMap::fromName(s.value(kMfccColourMap).toString()))
        a.mfccColourMap = *map;
    a.volume = std::clamp(s.value(kVolume, double(a.volume)).toFloat(), 0.0f, 1.0f);
    a.classifierLearningCurve = s.value(kLearningCurve, a.classifierLearningCurve).toBool();
    return a;
}

void AppSettings::save() const
{
    QSettings s;
    s.setValue(kLibrary, libraryLocation);
    s.setValue(kConcurrency, downloadConcurrency);
    s.setValue(kColourMap, colourMap.name());
    s.setValue(kMfccColourMap, mfccColourMap.name());
    s.setValue(kVolume, double(volume));
    s.setValue(kLearningCurve, classifierLearningCurve);
}

QString AppSettings::effectiveLibraryDir() const
{
    const QString env = qEnvironmentVariable("GENRESCOPE_LIBRARY");
    return env.isEmpty() ? libraryLocation : env;
}

} // namespace gs
