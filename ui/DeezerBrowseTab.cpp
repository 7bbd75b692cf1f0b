// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeezerBrowseTab.h"

#include "net/DeezerSource.h"
#include "net/HttpClient.h"
#include "net/ServiceEndpoints.h"

#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QPointer>

namespace gs {

DeezerBrowseTab::DeezerBrowseTab(QWidget* parent)
    : QWidget(parent), m_http(std::make_unique<HttpClient>()),
      m_deezer(std::make_unique<DeezerSource>(*m_http, ServiceEndpoints::fromEnvironment().deezer)),
      m_genres(new QListWidget(this)), m_playlists(new QListWidget(this)), m_status(new QLabel(this))
{
    auto* layout = new QGridLayout(this);
    layout->addWidget(new QLabel(tr("Genre:"), this), 0, 0);
    layout->addWidget(new QLabel(tr("Chart playlists (check the ones to add):"), this), 0, 1);
    layout->addWidget(m_genres, 1, 0);
    layout->addWidget(m_playlists, 1, 1);
    layout->addWidget(m_status, 2, 0, 1, 2);
    layout->setColumnStretch(1, 2);
    connect(m_genres, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (item)
            loadPlaylists(item->data(Qt::UserRole).toString());
    });
}

DeezerBrowseTab::~DeezerBrowseTab()
{
    m_http->cancelAll();
    m_deezer.reset();
}

void DeezerBrowseTab::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_requested) {
        m_requested = true;
        loadGenres();
    }
}

void DeezerBrowseTab::loadGenres()
{
    m_status->setText(tr("Asking Deezer for its genres…"));
    QPointer<DeezerBrowseTab> self(this);
    m_deezer->fetchGenres([self](QList<SourceItem> items, QString error) {
        if (!self)
            return;
        self->m_status->setText(error.isEmpty() ? QString() : tr("Deezer: %1").arg(error));
        for (const SourceItem& g : items) {
            auto* item = new QListWidgetItem(g.title, self->m_genres);
            item->setData(Qt::UserRole, g.id);
        }
    });
}

void DeezerBrowseTab::loadPlaylists(const QString& genreId)
{
    m_wantedGenre = genreId;
    m_playlists->clear();
    m_status->setText(tr("Asking Deezer for the chart playlists…"));
    QPointer<DeezerBrowseTab> self(this);
    m_deezer->fetchGenrePlaylists(genreId, [self, genreId](QList<SourceItem> items, QString error) {
        if (!self || genreId != self->m_wantedGenre)
            return;
        self->m_status->setText(error.isEmpty() ? tr("%1 playlists").arg(items.size()) : tr("Deezer: %1").arg(error));
        for (const SourceItem& p : items) {
            const QString text =
                p.trackCount > 0 ? tr("%1 (%2 tracks)").arg(p.title, QString::number(p.trackCount)) : p.title;
            auto* item = new QListWidgetItem(text, self->m_playlists);
            item->setData(Qt::UserRole, p.id);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
        }
    });
}

QStringList DeezerBrowseTab::picked(QString* genre) const
{
    QStringList out;
    for (int i = 0; i < m_playlists->count(); ++i) {
        const QListWidgetItem* item = m_playlists->item(i);
        if (item->checkState() == Qt::Checked)
            out.append(QStringLiteral("deezer:playlist/") + item->data(Qt::UserRole).toString());
    }
    if (genre && m_genres->currentItem())
        *genre = m_genres->currentItem()->text().toLower();
    return out;
}

} // namespace gs
