// SPDX-License-Identifier: GPL-3.0-or-later
#include "PagedListing.h"

#include "ServiceEndpoints.h"
#include "UrlPolicy.h"

namespace gs {

void PagedListing::finish(const QString& error)
{
    listing.error = error;
    auto d = std::move(done);
    page = nullptr; // break the cycle: the page callbacks hold this state
    d(std::move(listing));
}

void PagedListing::followNext(const QJsonObject& body, const QUrl& url, int n, const QString& service)
{
    const QUrl next(body.value(QStringLiteral("next")).toString());
    if (next.isEmpty() || next == url || n >= kMaxPages)
        return finish({});
    if (const QString why = UrlPolicy::check(next); !why.isEmpty())
        return finish(QStringLiteral("%1: refusing a paging link: %2").arg(service, why));
    if (!ServiceEndpoints::sameOrigin(next, url))
        return finish(QStringLiteral("%1: refusing a paging link to another host (%2)")
                          .arg(service, UrlPolicy::display(next)));
    page(next, n + 1);
}

} // namespace gs
