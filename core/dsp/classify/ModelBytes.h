// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The byte form of the classifier models (the payload of a model file): little-endian
// fixed-width integers, IEEE-754 doubles, length-prefixed strings and arrays. ByteReader is
// bounded: every read is checked against what is left, every count against a caller's limit,
// and any shortfall or excess throws ParameterError with a one-line reason, so that a
// truncated or hostile file can never make a reader run past its buffer or allocate without
// bound. Neither class is thread-safe; use one per thread.
#include "../ParameterError.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dsp {

class ByteWriter
{
public:
    void u32(std::uint32_t v);
    void i32(std::int32_t v) { u32(std::uint32_t(v)); }
    void f64(double v);
    void str(std::string_view s);
    void f64s(const std::vector<double>& v);
    void i32s(const std::vector<int>& v);
    void raw(std::string_view bytes) { m_bytes.append(bytes); }
    [[nodiscard]] const std::string& bytes() const { return m_bytes; }

private:
    std::string m_bytes;
};

class ByteReader
{
public:
    explicit ByteReader(std::string_view bytes) : m_bytes(bytes) {}

    std::uint32_t u32();
    std::int32_t i32() { return std::int32_t(u32()); }
    /// An integer in [lo, hi], else ParameterError naming `what`.
    int intIn(int lo, int hi, const char* what);
    double f64();
    /// A finite double, else ParameterError naming `what`.
    double finite(const char* what);
    std::string str(std::size_t maxLength);
    /// Exactly `n` doubles, all finite.
    std::vector<double> f64s(std::size_t n, const char* what);
    std::vector<int> i32s(std::size_t n);
    /// The next n bytes as they are.
    std::string_view raw(std::size_t n);
    [[nodiscard]] std::size_t left() const { return m_bytes.size() - m_pos; }
    [[nodiscard]] bool atEnd() const { return m_pos == m_bytes.size(); }

private:
    void need(std::size_t n) const;
    std::string_view m_bytes;
    std::size_t m_pos = 0;
};

} // namespace dsp
