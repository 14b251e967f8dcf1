#include "nytta/util/error.hpp"

#include <fmt/format.h>

#include "nytta/util/text.hpp"

namespace nytta {

std::string to_string(const Location& where) {
  std::string s = where.file.empty() ? std::string("<input>") : where.file;
  if (where.line > 0) {
    s += fmt::format(":{}", where.line);
    if (where.column > 0) s += fmt::format(":{}", where.column);
  }
  return s;
}

std::string format_diagnostic(const Location& where, std::string_view what,
                              std::optional<std::string_view> found) {
  std::string s = fmt::format("{}: {}", to_string(where), what);
  if (!found) return s;
  return s + fmt::format(", found '{}'", printable(*found, 60));
}

DataError::DataError(std::string message)
    : std::runtime_error(message), messages_{std::move(message)} {}

DataError::DataError(const Location& where, std::string_view what, std::optional<std::string_view> found)
    : DataError(format_diagnostic(where, what, found)) {}

DataError::DataError(std::vector<std::string> messages, std::size_t not_shown)
    : std::runtime_error(messages.empty() ? std::string("data error") : messages.front()),
      messages_(std::move(messages)),
      not_shown_(not_shown) {}

void ErrorList::add(std::string message) {
  if (messages_.size() < kMaxShown) {
    messages_.push_back(std::move(message));
  } else {
    ++not_shown_;
  }
}

void ErrorList::add(const Location& where, std::string_view what,
                    std::optional<std::string_view> found) {
  if (messages_.size() < kMaxShown) {
    messages_.push_back(format_diagnostic(where, what, found));
  } else {
    ++not_shown_;
  }
}

void ErrorList::checkpoint() {
  if (messages_.empty()) return;
  std::vector<std::string> messages = std::move(messages_);
  std::size_t not_shown = not_shown_;
  messages_.clear();
  not_shown_ = 0;
  throw DataError(std::move(messages), not_shown);
}

}  // namespace nytta
