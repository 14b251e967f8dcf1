#pragma once
// Guessing how a CSV file is written, from its first bytes: encoding, field separator,
// decimal mark, line ends. Every guess can be overridden (flags, mapping files).

#include <optional>
#include <string>
#include <string_view>

namespace nytta {

enum class Encoding { automatic, utf8, cp1252 };

std::string_view to_string(Encoding e);

struct Dialect {
  char delimiter = 0;                      // 0 = detect; one of , ; \t |
  Encoding encoding = Encoding::automatic;
  char decimal = 0;                        // 0 = detect; '.' or ','
};

/// What sniff() found; fields are always set.
struct SniffResult {
  char delimiter = ',';
  Encoding encoding = Encoding::utf8;
  char decimal = '.';
  bool has_bom = false;
  bool cr_line_ends = false;  // old Mac files: CR without LF
};

/// Guesses the dialect from the first bytes of a file (the whole file when small).
/// Values set in given are kept. Throws DataError for encodings nytta cannot read
/// (UTF-16, UTF-32), naming the file.
SniffResult sniff(std::string_view head, const Dialect& given, const std::string& file_name);

/// The separators detection chooses from, in order of preference on a tie.
inline constexpr std::string_view kDelimiterCandidates = ";,\t|";

/// The words that name a dialect, the same in flags, mapping files and messages.
inline constexpr std::string_view kDelimiterNames = ", ; tab |";
inline constexpr std::string_view kEncodingNames = "utf-8, windows-1252, latin1, auto";
/// "," ";" "|" "tab" (or a tab character): the separator.
std::optional<char> parse_delimiter_name(std::string_view name);
/// utf-8 / utf8: utf8; windows-1252 / cp1252 / latin1 / iso-8859-1: cp1252; auto.
std::optional<Encoding> parse_encoding_name(std::string_view name);
/// "." or ",": the decimal mark.
std::optional<char> parse_decimal_name(std::string_view name);

/// Human name of a separator for messages: "','", "';'", "tab", "'|'".
std::string delimiter_name(char d);

}  // namespace nytta
