// SPDX-License-Identifier: GPL-3.0-or-later
#include "AboutDialog.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace gs {
namespace {

QString readText(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

QWidget* licencesTab(const QString& dir, QWidget* parent)
{
    auto* page = new QWidget(parent);
    auto* choice = new QComboBox(page);
    auto* text = new QPlainTextEdit(page);
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    text->setFont(QFont(QStringLiteral("monospace")));
    const QDir licences(QDir(dir).filePath(QStringLiteral("LICENSES")));
    for (const QString& name : licences.entryList(QDir::Files, QDir::Name))
        choice->addItem(name, licences.filePath(name));
    auto show = [choice, text](int i) { text->setPlainText(readText(choice->itemData(i).toString())); };
    QObject::connect(choice, &QComboBox::currentIndexChanged, text, show);
    show(0);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(choice);
    layout->addWidget(text, 1);
    return page;
}

} // namespace

AboutDialog::AboutDialog(const QString& demoDir, QWidget* parent) : QDialog(parent), m_tabs(new QTabWidget(this))
{
    setWindowTitle(tr("About GenreScope"));
    auto* about = new QLabel(this);
    about->setWordWrap(true);
    about->setTextFormat(Qt::RichText);
    about->setText(tr("<h2>GenreScope %1</h2><p>Explore music by genre: 30-second previews, mel "
                      "spectrograms and MFCCs computed with the same numbers as librosa, and a PCA map "
                      "of the library coloured by genre.</p>"
                      "<p>The demo clips are not GenreScope's work; they keep their own licences, "
                      "credited below.</p>")
                       .arg(QCoreApplication::applicationVersion()));
    auto* credits = new QTextBrowser(this);
    credits->setOpenExternalLinks(true);
    if (demoDir.isEmpty()) {
        credits->setPlainText(tr("The demo library is not installed."));
    } else {
        credits->setMarkdown(readText(QDir(demoDir).filePath(QStringLiteral("CREDITS.md"))));
    }
    m_tabs->addTab(credits, tr("Demo credits"));
    if (!demoDir.isEmpty())
        m_tabs->addTab(licencesTab(demoDir, this), tr("Licences"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(about);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);
    resize(760, 620);
}

} // namespace gs
