// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The single exception type of the dsp layer. It is thrown only while setting up
// (constructors, validate()); compute() functions never throw.
#include <stdexcept>
#include <string>

namespace dsp {

class ParameterError : public std::invalid_argument
{
public:
    explicit ParameterError(const std::string& what) : std::invalid_argument(what) {}
};

} // namespace dsp
