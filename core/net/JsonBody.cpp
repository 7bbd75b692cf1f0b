// SPDX-License-Identifier: GPL-3.0-or-later
#include "JsonBody.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace gs {

std::optional<QJsonObject> parseJsonObject(const QByteArray& body, const QString& service, QString* error)
{
    QJsonParseError e{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &e);
    if (e.error != QJsonParseError::NoError || !doc.isObject()) {
        if (error)
            *error = QStringLiteral("%1: malformed JSON response (%2 at byte %3)")
                         .arg(service,
                              e.error != QJsonParseError::NoError ? e.errorString()
                                                                  : QStringLiteral("not an object"),
                              QString::number(e.offset));
        return std::nullopt;
    }
    return doc.object();
}

} // namespace gs
