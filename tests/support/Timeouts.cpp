// SPDX-License-Identifier: GPL-3.0-or-later
#include "Timeouts.h"

#include <limits>

namespace testsupport {

int timeoutScale() { return GENRESCOPE_TIMEOUT_SCALE; }

int scaledMs(int ms)
{
    const long long scaled = static_cast<long long>(ms) * timeoutScale();
    return scaled > std::numeric_limits<int>::max() ? std::numeric_limits<int>::max() : static_cast<int>(scaled);
}

} // namespace testsupport
