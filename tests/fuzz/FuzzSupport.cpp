// SPDX-License-Identifier: GPL-3.0-or-later
#include "FuzzSupport.h"

#include <QCoreApplication>

namespace gs::fuzz {

void ensureApplication()
{
    static int argc = 1;
    static char name[] = "genrescope-fuzz";
    static char* argv[] = {name, nullptr};
    static QCoreApplication* app = QCoreApplication::instance() ? nullptr : new QCoreApplication(argc, argv);
    (void)app; // lives until exit, like the application of a program
}

} // namespace gs::fuzz
