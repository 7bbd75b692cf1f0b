// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One CSV field as RFC 4180 writes it: quoted (with "" for ") only when it holds a comma, a
// quote or a line break. Used by every CSV GenreScope writes (summary, coordinates, library).
#include <QString>

namespace gs {

QString csvField(const QString& field);

} // namespace gs
