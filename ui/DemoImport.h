// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The offline demo library (DemoLocator) as an ImportRunner job: every clip is imported in
// place with its group folder as genre and its title and artist from manifest.csv.
// The job itself is blocking (worker thread); DemoImport only builds it.
#include "ImportRunner.h"

namespace gs {

class DemoImport
{
public:
    /// A job importing the demo at `demoDir` (DemoLocator::demoDir() when empty). A missing
    /// demo yields a report with `fatal` set.
    static ImportRunner::Job job(const QString& demoDir = {});
    /// Titles and artists by clip path relative to the demo folder ("metal/01-x.mp3").
    static QHash<QString, std::pair<QString, QString>> readManifest(const QString& demoDir);
};

} // namespace gs
