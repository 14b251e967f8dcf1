#pragma once
// Text of the data inside HTML, SVG and XML (JUnit) output.

#include <string>
#include <string_view>

namespace nytta {

/// s with & < > " ' as entities, and what no markup may hold (control characters but tab
/// and line ends, DEL, and any byte of s when s is not valid UTF-8) as U+FFFD: one escape
/// for every markup format, so that no writer can be weaker than another.
std::string markup_escape(std::string_view s);

}  // namespace nytta
