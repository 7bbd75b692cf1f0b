// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExportDialog.h"

#include "SpectrogramView.h"
#include "ViewExport.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>

namespace gs {
namespace {
const QString kFolderKey = QStringLiteral("export/folder");
}

ExportDialog::ExportDialog(SpectrogramView* mel, SpectrogramView* mfcc, SpectrogramView* current, QWidget* parent)
    : QDialog(parent), m_mel(mel), m_mfcc(mfcc), m_view(new QComboBox(this)), m_style(new QButtonGroup(this)),
      m_width(new QSpinBox(this)), m_height(new QSpinBox(this)), m_path(new QLineEdit(this)), m_error(new QLabel(this))
{
    setWindowTitle(tr("Export view"));
    m_view->addItems({tr("Mel spectrogram"), tr("MFCC")});
    m_view->setCurrentIndex(current == mfcc ? 1 : 0);
    auto* annotated = new QRadioButton(tr("Annotated figure (axes, colour bar, title)"), this);
    auto* raw = new QRadioButton(tr("Raw image (one pixel per frame and bin)"), this);
    annotated->setChecked(true);
    m_style->addButton(annotated, int(ViewExport::Style::Annotated));
    m_style->addButton(raw, int(ViewExport::Style::Raw));
    for (QSpinBox* s : {m_width, m_height})
        s->setRange(200, 8000);
    m_width->setValue(1200);
    m_height->setValue(480);
    auto* size = new QHBoxLayout;
    size->addWidget(m_width);
    size->addWidget(new QLabel(QStringLiteral("×"), this));
    size->addWidget(m_height);
    auto* browseButton = new QPushButton(tr("Browse…"), this);
    auto* file = new QHBoxLayout;
    file->addWidget(m_path, 1);
    file->addWidget(browseButton);
    const QString folder = QSettings().value(kFolderKey, QStandardPaths::writableLocation(
                                                             QStandardPaths::PicturesLocation)).toString();
    m_path->setText(QDir(folder).filePath(QStringLiteral("mel-spectrogram.png")));
    m_path->setToolTip(tr("The suffix chooses the format: .png, .svg or .pdf"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c0392b"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);

    auto* form = new QFormLayout(this);
    form->addRow(tr("View:"), m_view);
    form->addRow(tr("Style:"), annotated);
    form->addRow(QString(), raw);
    form->addRow(tr("Size (px):"), size);
    form->addRow(tr("File:"), file);
    form->addRow(m_error);
    form->addRow(buttons);

    connect(raw, &QRadioButton::toggled, this, [this](bool on) {
        m_width->setEnabled(!on);
        m_height->setEnabled(!on);
    });
    connect(m_view, &QComboBox::currentIndexChanged, this, [this](int i) {
        const QFileInfo f(m_path->text());
        const QString stem = i == 1 ? QStringLiteral("mfcc") : QStringLiteral("mel-spectrogram");
        m_path->setText(f.dir().filePath(stem + QLatin1Char('.') + (f.suffix().isEmpty() ? QStringLiteral("png") : f.suffix())));
    });
    connect(browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::exportNow);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void ExportDialog::setPath(const QString& path) { m_path->setText(path); }
void ExportDialog::setRaw(bool raw) { m_style->button(int(raw ? ViewExport::Style::Raw : ViewExport::Style::Annotated))->setChecked(true); }
void ExportDialog::setView(int index) { m_view->setCurrentIndex(index); }
QString ExportDialog::errorText() const { return m_error->text(); }

SpectrogramView* ExportDialog::selectedView() const { return m_view->currentIndex() == 1 ? m_mfcc : m_mel; }

void ExportDialog::browse()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export view"), m_path->text(),
                                                      tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
    if (!path.isEmpty())
        m_path->setText(path);
}

void ExportDialog::exportNow()
{
    const QString path = m_path->text().trimmed();
    const auto style = static_cast<ViewExport::Style>(m_style->checkedId());
    const QString error = ViewExport::write(*selectedView(), path, style, QSize(m_width->value(), m_height->value()));
    if (!error.isEmpty()) {
        m_error->setText(error);
        return;
    }
    QSettings().setValue(kFolderKey, QFileInfo(path).absolutePath());
    emit exported(path);
    accept();
}

} // namespace gs
