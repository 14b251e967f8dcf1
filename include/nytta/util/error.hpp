#pragma once
// The error types of nytta. Code throws them; only src/main.cpp turns them into exit
// codes (UsageError 2, DataError 65, FileError 66, anything else 70).

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace nytta {

/// A place in an input file. line and column are 1-based; 0 means "not known".
struct Location {
  std::string file;
  std::size_t line = 0;
  std::size_t column = 0;
};

/// "FILE:LINE:COL" with the parts that are known.
std::string to_string(const Location& where);

/// One diagnostic: `FILE:LINE:COL: what, found 'value'`.
std::string format_diagnostic(const Location& where, std::string_view what,
                              std::optional<std::string_view> found);

/// Bad flags or arguments (exit 2).
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// An input that cannot be used: malformed, inconsistent, impossible (exit 65).
/// Holds every message found before giving up, so users fix them all in one go.
class DataError : public std::runtime_error {
 public:
  explicit DataError(std::string message);
  DataError(const Location& where, std::string_view what, std::optional<std::string_view> found = std::nullopt);
  explicit DataError(std::vector<std::string> messages, std::size_t not_shown = 0);

  const std::vector<std::string>& messages() const { return messages_; }
  /// How many further errors were found but not kept in messages().
  std::size_t not_shown() const { return not_shown_; }

 private:
  std::vector<std::string> messages_;
  std::size_t not_shown_ = 0;
};

/// A file that is missing, unreadable or cannot be written (exit 66).
class FileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Collects data errors and throws them together (mold's checkpoint): at most
/// kMaxShown are kept, the rest are counted.
class ErrorList {
 public:
  static constexpr std::size_t kMaxShown = 20;

  void add(std::string message);
  void add(const Location& where, std::string_view what, std::optional<std::string_view> found = std::nullopt);
  bool empty() const { return messages_.empty(); }
  std::size_t size() const { return messages_.size() + not_shown_; }
  /// Throws a DataError holding everything collected, if anything was.
  void checkpoint();

 private:
  std::vector<std::string> messages_;
  std::size_t not_shown_ = 0;
};

}  // namespace nytta
