// SPDX-License-Identifier: GPL-3.0-or-later
#include "ModelBytes.h"

#include <cmath>
#include <cstring>

namespace dsp {

void ByteWriter::u32(std::uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        m_bytes.push_back(char((v >> (8 * i)) & 0xffu));
}

void ByteWriter::f64(double v)
{
    std::uint64_t bits = 0;
    std::memcpy(&bits, &v, sizeof bits);
    u32(std::uint32_t(bits & 0xffffffffu));
    u32(std::uint32_t(bits >> 32));
}

void ByteWriter::str(std::string_view s)
{
    u32(std::uint32_t(s.size()));
    m_bytes.append(s);
}

void ByteWriter::f64s(const std::vector<double>& v)
{
    for (double x : v)
        f64(x);
}

void ByteWriter::i32s(const std::vector<int>& v)
{
    for (int x : v)
        i32(x);
}

void ByteReader::need(std::size_t n) const
{
    if (n > left())
        throw ParameterError("the model ends early (truncated)");
}

std::uint32_t ByteReader::u32()
{
    need(4);
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i)
        v |= std::uint32_t(std::uint8_t(m_bytes[m_pos + std::size_t(i)])) << (8 * i);
    m_pos += 4;
    return v;
}

int ByteReader::intIn(int lo, int hi, const char* what)
{
    const std::int32_t v = i32();
    if (v < lo || v > hi)
        throw ParameterError(std::string("the model's ") + what + " (" + std::to_string(v) + ") is out of range");
    return v;
}

double ByteReader::f64()
{
    const std::uint64_t lo = u32();
    const std::uint64_t hi = u32();
    const std::uint64_t bits = lo | (hi << 32);
    double v = 0.0;
    std::memcpy(&v, &bits, sizeof v);
    return v;
}

double ByteReader::finite(const char* what)
{
    const double v = f64();
    if (!std::isfinite(v))
        throw ParameterError(std::string("the model's ") + what + " is not a finite number");
    return v;
}

std::string ByteReader::str(std::size_t maxLength)
{
    const std::uint32_t n = u32();
    if (n > maxLength)
        throw ParameterError("the model holds a string longer than " + std::to_string(maxLength) + " bytes");
    return std::string(raw(n));
}

std::vector<double> ByteReader::f64s(std::size_t n, const char* what)
{
    if (n > left() / 8)
        throw ParameterError("the model ends early (truncated)");
    std::vector<double> v(n);
    for (double& x : v)
        x = finite(what);
    return v;
}

std::vector<int> ByteReader::i32s(std::size_t n)
{
    if (n > left() / 4)
        throw ParameterError("the model ends early (truncated)");
    std::vector<int> v(n);
    for (int& x : v)
        x = i32();
    return v;
}

std::string_view ByteReader::raw(std::size_t n)
{
    need(n);
    const std::string_view s = m_bytes.substr(m_pos, n);
    m_pos += n;
    return s;
}

} // namespace dsp
