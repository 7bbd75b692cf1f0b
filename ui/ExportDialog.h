// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Export of the feature views (Ctrl+E): which view (mel spectrogram or MFCC), annotated
// figure or raw one-pixel-per-bin image, figure size, and the file (.png, .svg or .pdf).
// Writes through ViewExport; errors stay in the dialog. Remembers the last folder (QSettings).
#include <QDialog>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace gs {

class SpectrogramView;

class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    /// `mel` and `mfcc` (not owned) must outlive the dialog; `current` selects the initial one.
    ExportDialog(SpectrogramView* mel, SpectrogramView* mfcc, SpectrogramView* current, QWidget* parent = nullptr);

    void setPath(const QString& path);
    void setRaw(bool raw);
    void setView(int index); ///< 0 mel, 1 MFCC
    [[nodiscard]] QString errorText() const;

public slots:
    /// Writes the file; on success accepts the dialog and emits exported().
    void exportNow();

signals:
    void exported(const QString& path);

private:
    void browse();
    [[nodiscard]] SpectrogramView* selectedView() const;

    SpectrogramView* m_mel;
    SpectrogramView* m_mfcc;
    QComboBox* m_view = nullptr;
    QButtonGroup* m_style = nullptr;
    QSpinBox* m_width = nullptr;
    QSpinBox* m_height = nullptr;
    QLineEdit* m_path = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace gs
