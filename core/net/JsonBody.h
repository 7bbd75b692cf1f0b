// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Parses a service's JSON body, with a one-line error naming the service.
#include <QJsonObject>

#include <optional>

namespace gs {

std::optional<QJsonObject> parseJsonObject(const QByteArray& body, const QString& service, QString* error);

} // namespace gs
