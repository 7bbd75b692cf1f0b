#include "GenreColours.h"

#include <QPainter>
#include <QPixmap>

#include <array>

namespace gs {
namespace {
// matplotlib's tab10.
constexpr std::array<QRgb, 10> kTab10 = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
                                         0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf};
} // namespace

QHash<QString, QColor> GenreColours::assign(QStringList genres)
{
    genres.sort(Qt::CaseInsensitive);
    genres.removeDuplicates();
    QHash<QString, QColor> out;
    for (qsizetype i = 0; i < genres.size(); ++i) {
        QColor c(kTab10[size_t(i) % kTab10.size()]);
        if (i >= qsizetype(kTab10.size())) // second round: lighter shades
            c = c.lighter(100 + 30 * int(i / qsizetype(kTab10.size())));
        out.insert(genres[i], c);
    }
    return out;
}

QIcon GenreColours::chip(const QColor& colour, int size)
{
    QPixmap pm(size, size);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(colour.darker(140));
    p.setBrush(colour);
    p.drawRoundedRect(QRectF(0.5, 0.5, size - 1.0, size - 1.0), 3, 3);
    return QIcon(pm);
}

} // namespace gs
