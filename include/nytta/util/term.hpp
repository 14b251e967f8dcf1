#pragma once
// What the terminal and the environment ask for: colour, width, language. Pure functions
// of (flag, isatty, environment), so they are tested without a terminal.

#include <cstddef>
#include <optional>
#include <string>

namespace nytta {

enum class ColorMode { automatic, always, never };

/// The environment variables nytta reads, captured once in main.
struct Env {
  std::optional<std::string> no_color, clicolor_force, term, columns, lang, lc_all, lc_messages;
  std::optional<std::string> data_dir;  // NYTTA_DATA_DIR
  static Env from_process();
};

/// Colour when forced, or when auto on a terminal that is not dumb and NO_COLOR is unset
/// or empty. NO_COLOR wins over CLICOLOR_FORCE for auto.
bool use_color(ColorMode mode, bool is_tty, const Env& env);

/// Width to fit tables into: COLUMNS when set, else the terminal's, else 100.
std::size_t terminal_width(bool is_tty, const Env& env);

/// "sv", "nb" or "en" from LC_ALL, LC_MESSAGES or LANG (sv_SE.UTF-8 → sv; nb, nn, no → nb).
std::string default_lang(const Env& env);

}  // namespace nytta
