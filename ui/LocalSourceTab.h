// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// "Local files" page of the Add-source dialog: a folder of genre folders, one folder filed
// under one genre, a GTZAN archive or an FMA folder (with tracks.csv found beside it or
// given). request() describes the import for LocalImporter; error() says what is missing.
#include "library/LocalImporter.h"

#include <QWidget>

class QButtonGroup;
class QLineEdit;

namespace gs {

class LocalSourceTab : public QWidget
{
    Q_OBJECT
public:
    enum class Kind { GenreFolders, OneGenre, Gtzan, Fma };

    explicit LocalSourceTab(QWidget* parent = nullptr);

    void setKind(Kind kind);
    void setPath(const QString& path);
    void setGenre(const QString& genre);
    [[nodiscard]] LocalImportRequest request() const;
    /// Empty when request() can be started; else what to fix, one line.
    [[nodiscard]] QString error() const;

private:
    [[nodiscard]] Kind kind() const;
    void updateEnabled();

    QButtonGroup* m_kind = nullptr;
    QLineEdit* m_path = nullptr;
    QLineEdit* m_genre = nullptr;
    QLineEdit* m_metadata = nullptr;
};

} // namespace gs
