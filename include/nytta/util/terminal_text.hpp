#pragma once
// Text from data files on a terminal. A municipality name may carry an escape sequence
// (ESC [ 2 J clears the screen; OSC sets the window title), a C1 control, a form feed, a
// newline that would forge a row of its own, or a bidi override (U+202E) that makes a
// table lie about its numbers. Before such text reaches a terminal every control is
// written out visibly ("\e", "\n", "\u{202e}"), and columns are measured in display cells:
// a CJK character takes two, a combining mark none.

#include <cstddef>
#include <string>
#include <string_view>

namespace nytta {

/// s with every control character (C0, DEL, C1), bidi control and invalid UTF-8 byte
/// written visibly, on one line.
std::string terminal_safe(std::string_view s);

/// The number of terminal cells valid UTF-8 takes (wcwidth: 2 for East Asian wide, 0 for
/// combining marks and zero-width characters).
std::size_t display_width(std::string_view s);

/// s cut to at most width cells, ending in "…" when cut.
std::string truncate_to_width(std::string_view s, std::size_t width);

}  // namespace nytta
