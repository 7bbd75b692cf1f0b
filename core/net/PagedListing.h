// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The state of one paged playlist listing (Deezer `next`, Spotify `next`): the tracks so
// far, the caller's completion, and the page fetcher that calls itself. Shared by the
// sources so that the paging rules - stop on no/same link or after kMaxPages, never follow
// a link to another host - live in one place. Lives in a shared_ptr captured by the page
// callbacks; finish() delivers the listing once and breaks the self-reference.
#include "RemoteTrack.h"

#include <QJsonObject>
#include <QUrl>

#include <functional>

namespace gs {

struct PagedListing
{
    static constexpr int kMaxPages = 400;

    PlaylistListing listing;
    ListingDone done;
    std::function<void(const QUrl&, int)> page; ///< fetches page n (1-based) at url

    /// Delivers the listing (with `error`, empty on success) and releases `page`.
    void finish(const QString& error);
    /// After page n at `url` was read: follows the body's "next" link, or finishes (no link,
    /// the same link, the page limit), or finishes with an error for a link to another host.
    void followNext(const QJsonObject& body, const QUrl& url, int n, const QString& service);
};

} // namespace gs
