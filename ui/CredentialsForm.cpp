// SPDX-License-Identifier: GPL-3.0-or-later
#include "CredentialsForm.h"

#include "net/SpotifyCredentials.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace gs {

CredentialsForm::CredentialsForm(QWidget* parent)
    : QWidget(parent), m_id(new QLineEdit(this)), m_secret(new QLineEdit(this)), m_state(new QLabel(this))
{
    const SpotifyCredentials current = SpotifyCredentials::load();
    m_id->setText(current.clientId);
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(current.clientSecret.isEmpty() ? tr("not set") : tr("stored (type to replace)"));
    const bool fromEnv = !qEnvironmentVariableIsEmpty("GENRESCOPE_SPOTIFY_CLIENT_ID") ||
                         !qEnvironmentVariableIsEmpty("GENRESCOPE_SPOTIFY_CLIENT_SECRET");
    m_id->setEnabled(!fromEnv);
    m_secret->setEnabled(!fromEnv);
    m_state->setWordWrap(true);
    m_state->setText(fromEnv ? tr("Set by the environment (GENRESCOPE_SPOTIFY_CLIENT_ID / _SECRET), which wins "
                                  "over what is stored here.")
                             : tr("From developer.spotify.com (client credentials flow). Stored in a file "
                                  "only you can read."));
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Client id:"), m_id);
    form->addRow(tr("Client secret:"), m_secret);
    form->addRow(m_state);
}

bool CredentialsForm::save(QString* error) const
{
    if (!m_id->isEnabled())
        return true; // the environment provides them; nothing of ours to store
    SpotifyCredentials c = SpotifyCredentials::load();
    c.clientId = m_id->text().trimmed();
    if (!m_secret->text().isEmpty())
        c.clientSecret = m_secret->text();
    return SpotifyCredentials::save(c, error);
}

} // namespace gs
