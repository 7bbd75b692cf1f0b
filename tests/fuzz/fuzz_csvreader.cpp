// SPDX-License-Identifier: GPL-3.0-or-later
// A metadata CSV (FMA's tracks.csv): every record through CsvReader, then the same bytes as
// a tracks.csv file through FmaMetadata::load, as `import fma` reads it.
#include "FuzzSupport.h"
#include "library/CsvReader.h"
#include "library/FmaMetadata.h"

#include <QBuffer>
#include <QFile>
#include <QTemporaryFile>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace gs;
    QByteArray bytes = fuzz::bytes(data, size);
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader csv(&buffer);
    QStringList fields;
    qsizetype records = 0;
    while (csv.next(fields)) {
        fuzz::fuzzCheck(!fields.isEmpty(), "a record has at least one field");
        fuzz::fuzzCheck(++records <= qsizetype(size) + 1, "no more records than input bytes");
    }
    static QTemporaryFile file; // one file for the whole run, rewritten per input
    if (!file.isOpen() && !file.open())
        fuzz::fail("cannot create a temporary file");
    file.resize(0);
    file.seek(0);
    file.write(bytes);
    file.flush();
    FmaMetadata fma;
    QString error;
    const bool ok = fma.load(file.fileName(), &error);
    fuzz::fuzzCheck(ok == error.isEmpty(), "a load succeeds or gives a reason");
    (void)fma.find(2);
    return 0;
}
