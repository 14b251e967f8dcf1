#pragma once
// The regular expressions of mapping files, run by RE2: its time is linear in the text,
// so that no pattern (`^((a|a)*)*b` on a cell of a's) can hang nytta, as backtracking
// engines do. RE2 has no back-references; replacement texts name groups as \1, \2.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace nytta {

class Pattern {
 public:
  Pattern();
  /// Compiles text; an empty error() when it is a valid pattern.
  explicit Pattern(const std::string& text, bool ignore_case = false);
  ~Pattern();
  Pattern(Pattern&&) noexcept;
  Pattern& operator=(Pattern&&) noexcept;

  /// Why the pattern does not compile, "" when it does.
  const std::string& error() const { return error_; }
  const std::string& text() const { return text_; }
  /// The number of capturing groups.
  int groups() const;

  /// True when the whole of s matches; groups (when given) receives the capturing groups.
  bool full_match(std::string_view s, std::vector<std::string>* groups = nullptr) const;
  /// True when some part of s matches; groups receives the capturing groups of the first.
  bool search(std::string_view s, std::vector<std::string>* groups = nullptr) const;
  /// s with every match replaced by with (\1 … \9 are groups).
  std::string replace_all(std::string s, const std::string& with) const;

 private:
  std::string text_, error_;
  std::unique_ptr<re2::RE2> re_;
};

}  // namespace nytta
