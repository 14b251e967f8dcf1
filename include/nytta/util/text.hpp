#pragma once
// Small text helpers shared by the loader, the metrics and the writers: UTF-8 and
// Windows-1252, case folding for header matching, suggestions for misspelt names.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nytta {

/// The value as it may be shown inside '…' in a message: control bytes escaped,
/// cut at max_chars code points with "…".
std::string printable(std::string_view value, std::size_t max_chars);

/// s without leading and trailing blanks: ASCII blanks, no-break and thin spaces, and the
/// invisible ones (zero-width space, joiners, word joiner, BOM), so that "0180\u200B" is 0180.
std::string_view trim(std::string_view s);

/// Number of code points in valid UTF-8 (continuation bytes are not counted).
std::size_t utf8_length(std::string_view s);

/// True when s is well-formed UTF-8 (no overlongs, no surrogates).
bool is_valid_utf8(std::string_view s);

/// Byte offset of the first malformed UTF-8 sequence, or npos.
std::size_t first_invalid_utf8(std::string_view s);

/// How much of s is valid multi-byte UTF-8 and how many bytes are not UTF-8.
struct Utf8Census {
  std::size_t multibyte = 0, invalid = 0;
};
Utf8Census utf8_census(std::string_view s);

/// Appends the Windows-1252 bytes of s to out as UTF-8. Returns false when s holds a
/// byte that Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D).
bool append_cp1252_as_utf8(std::string_view s, std::string& out);

/// Lower case for ASCII and the Latin-1 letters of Nordic names (Å Ä Ö Æ Ø Ü É …).
std::string fold_case(std::string_view s);

/// Header normalisation: trimmed, case-folded, runs of blanks, '-' and '_' become '_'.
std::string normalize_name(std::string_view s);

/// Edit distance between a and b (code units).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to wanted, when it is close enough to be a plausible typo.
std::optional<std::string> closest_match(std::string_view wanted,
                                         const std::vector<std::string>& candidates);

/// ", did you mean 'x'?" or "" (for the end of an error message).
std::string did_you_mean(std::string_view wanted, const std::vector<std::string>& candidates);

/// Truncates valid UTF-8 to at most max_chars code points, ending in "…" when cut.
std::string truncate_utf8(std::string_view s, std::size_t max_chars);

/// s with its first letter in lower case when it is an ASCII capital ("National" → "national").
std::string fold_first(std::string s);

/// True for an identifier of nytta's files: a-z, 0-9 and '_', not starting with a digit, words
/// joined by one '_' (as normalize_name() gives a column header, so that it reads back).
bool is_snake_case(std::string_view s);

/// strerror(err) in lower case, as nytta's messages are.
std::string system_message(int err);

}  // namespace nytta
