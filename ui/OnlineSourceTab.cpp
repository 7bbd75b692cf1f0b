// SPDX-License-Identifier: GPL-3.0-or-later
#include "OnlineSourceTab.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace gs {

OnlineSourceTab::OnlineSourceTab(QWidget* parent)
    : QWidget(parent), m_links(new QPlainTextEdit(this)), m_search(new QLineEdit(this))
{
    m_links->setPlaceholderText(tr("https://open.spotify.com/playlist/…\nhttps://www.deezer.com/playlist/…"));
    m_links->setTabChangesFocus(true);
    m_search->setPlaceholderText(tr("artist, title or style, e.g. “bossa nova”"));
    auto* note = new QLabel(tr("Spotify playlists need a client id and secret (Settings). Previews come from "
                               "the service, or from Deezer / iTunes by ISRC when it has none."), this);
    note->setWordWrap(true);
    auto* form = new QFormLayout(this);
    form->addRow(tr("Playlist links:"), m_links);
    form->addRow(tr("iTunes search:"), m_search);
    form->addRow(note);
}

void OnlineSourceTab::setLinks(const QString& text) { m_links->setPlainText(text); }
void OnlineSourceTab::setSearch(const QString& query) { m_search->setText(query); }

QStringList OnlineSourceTab::sources() const
{
    QStringList out;
    for (const QString& line : m_links->toPlainText().split(QLatin1Char('\n'))) {
        const QString t = line.trimmed();
        if (!t.isEmpty())
            out.append(t);
    }
    const QString q = m_search->text().trimmed();
    if (!q.isEmpty())
        out.append(QStringLiteral("itunes:") + q);
    return out;
}

} // namespace gs
