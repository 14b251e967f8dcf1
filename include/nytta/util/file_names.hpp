#pragma once
// File names made from data (a municipality's code and name) that can never leave their
// directory or collide: ASCII letters, digits and '_' only, no reserved device names.

#include <set>
#include <string>
#include <string_view>

namespace nytta {

/// "0180_stockholm", "malmo", "bournemouth_christchurch_and_poole": lower-case ASCII, Nordic
/// and other Latin letters transliterated, everything else '_', at most 80 characters;
/// "unit" when nothing is left; reserved names (con, nul, com1 …) get a trailing '_'.
std::string slug(std::string_view code, std::string_view name);

/// slug() made unique within taken by a suffix _2, _3 …; the result is added to taken.
std::string unique_slug(std::string_view code, std::string_view name, std::set<std::string>& taken);

/// The extension of path's file name without the dot ("csv" of "out/r.csv"), "" when none.
std::string file_extension(std::string_view path);

}  // namespace nytta
