// SPDX-License-Identifier: GPL-3.0-or-later
#include "ClassifyReport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace gs {

QByteArray ClassifyReport::toJson() const
{
    QJsonObject perGenre;
    QJsonArray confusion;
    for (qsizetype g = 0; g < genres.size(); ++g) {
        const dsp::ClassMetrics& c = metrics.per_class[size_t(g)];
        perGenre.insert(genres[g], QJsonObject{{QStringLiteral("precision"), c.precision},
                                               {QStringLiteral("recall"), c.recall},
                                               {QStringLiteral("f1"), c.f1},
                                               {QStringLiteral("support"), c.support}});
        QJsonArray row;
        for (qsizetype p = 0; p < genres.size(); ++p)
            row.append(metrics.confusion(Eigen::Index(g), Eigen::Index(p)));
        confusion.append(row);
    }
    QJsonObject o{{QStringLiteral("classifier"), classifier},
                        {QStringLiteral("features"), features},
                        {QStringLiteral("n"), metrics.n},
                        {QStringLiteral("folds"), folds},
                        {QStringLiteral("group_by"), groupBy},
                        {QStringLiteral("genres"), QJsonArray::fromStringList(genres)},
                        {QStringLiteral("accuracy"), metrics.accuracy},
                        {QStringLiteral("balanced_accuracy"), metrics.balanced_accuracy},
                        {QStringLiteral("per_genre"), perGenre},
                        {QStringLiteral("confusion"), confusion}};
    if (!epochLosses.empty()) {
        QJsonArray losses;
        for (double l : epochLosses)
            losses.append(l);
        o.insert(QStringLiteral("epoch_losses"), losses);
    }
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

QString ClassifyReport::toText() const
{
    const auto pct = [](double v) -> QString { return QString::number(100.0 * v, 'f', 1) + QLatin1Char('%'); };
    qsizetype width = 5;
    for (const QString& g : genres)
        width = std::max(width, g.size());
    QString s = QStringLiteral("%1 on %2 features, %3 tracks, %4-fold cross-validation grouped by %5\n"
                               "accuracy %6, balanced accuracy %7\n\n")
                    .arg(classifier, features, QString::number(metrics.n), QString::number(folds), groupBy,
                         pct(metrics.accuracy), pct(metrics.balanced_accuracy));
    s += QStringLiteral("genre").leftJustified(width) + QStringLiteral("  precision  recall     f1  support\n");
    for (qsizetype g = 0; g < genres.size(); ++g) {
        const dsp::ClassMetrics& c = metrics.per_class[size_t(g)];
        s += genres[g].leftJustified(width) + QStringLiteral("  %1  %2  %3  %4\n")
                                                  .arg(QString::number(c.precision, 'f', 3), 9)
                                                  .arg(QString::number(c.recall, 'f', 3), 6)
                                                  .arg(QString::number(c.f1, 'f', 3), 5)
                                                  .arg(c.support, 7);
    }
    s += QStringLiteral("\nconfusion (rows = true genre, columns = predicted, in the order above)\n");
    for (qsizetype g = 0; g < genres.size(); ++g) {
        s += genres[g].leftJustified(width);
        for (qsizetype p = 0; p < genres.size(); ++p)
            s += QStringLiteral(" %1").arg(metrics.confusion(Eigen::Index(g), Eigen::Index(p)), 4);
        s += QLatin1Char('\n');
    }
    return s;
}

} // namespace gs
