// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Text from outside (remote titles, ids, URLs, server messages, file names) made safe to
// print on a terminal: control characters can neither run terminal escape sequences nor
// break a line, so a message stays one line and cannot forge another. Escaped, as C-style
// sequences: C0 controls (\n, \r, \t, \e for ESC, else \xHH), DEL and C1 controls (\xHH),
// and the Unicode line/paragraph separators and bidirectional overrides (\u{HHHH}).
// Everything else, backslashes included, is left as it is.
#include <QString>

namespace gs {

[[nodiscard]] QString printable(const QString& text);

} // namespace gs
