// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Spotify client credentials in the settings dialog. Shows the client id and whether a
// secret is stored - never the secret itself; a new secret is typed into a password field.
// save() writes through gs::SpotifyCredentials (owner-only file). When the environment
// provides the credentials, the form says so (the environment wins).
#include <QWidget>

class QLabel;
class QLineEdit;

namespace gs {

class CredentialsForm : public QWidget
{
    Q_OBJECT
public:
    explicit CredentialsForm(QWidget* parent = nullptr);

    /// Stores the id and, if one was typed, the new secret. Returns false with a reason.
    bool save(QString* error = nullptr) const;

private:
    QLineEdit* m_id = nullptr;
    QLineEdit* m_secret = nullptr;
    QLabel* m_state = nullptr;
};

} // namespace gs
