#pragma once
// Numbers as text: full precision for machines, fixed decimals and grouping for people.

#include <string>

namespace nytta {

/// Shortest text that reads back as the same double ("36352", "0.471", "1e+16").
std::string format_machine(double v);

/// Fixed decimals with thousands grouping: en "12,345.6"; sv and nb "12 345,6" with a
/// no-break space (four-digit numbers stay ungrouped in sv and nb, as Swedish style wants).
/// Missing values give "".
std::string format_human(double v, int precision, const std::string& lang, bool grouping = true);

}  // namespace nytta
