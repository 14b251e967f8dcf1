#include "load/pattern.hpp"

#include <re2/re2.h>

namespace nytta {

namespace {

bool match(const re2::RE2& re, std::string_view s, re2::RE2::Anchor anchor, std::vector<std::string>* groups) {
  const int n = re.NumberOfCapturingGroups();
  std::vector<re2::StringPiece> pieces(static_cast<std::size_t>(n) + 1);
  if (!re.Match(re2::StringPiece(s.data(), s.size()), 0, s.size(), anchor, pieces.data(), n + 1)) return false;
  if (groups) {
    groups->clear();
    for (int i = 1; i <= n; ++i) groups->emplace_back(pieces[static_cast<std::size_t>(i)].data(), pieces[static_cast<std::size_t>(i)].size());
  }
  return true;
}

}  // namespace

Pattern::Pattern() = default;
Pattern::~Pattern() = default;
Pattern::Pattern(Pattern&&) noexcept = default;
Pattern& Pattern::operator=(Pattern&&) noexcept = default;

Pattern::Pattern(const std::string& text, bool ignore_case) : text_(text) {
  re2::RE2::Options o;
  o.set_log_errors(false);
  o.set_case_sensitive(!ignore_case);
  o.set_max_mem(std::int64_t{8} << 20);
  re_ = std::make_unique<re2::RE2>(text, o);
  if (!re_->ok()) error_ = re_->error();
}

int Pattern::groups() const { return re_ && re_->ok() ? re_->NumberOfCapturingGroups() : 0; }

bool Pattern::full_match(std::string_view s, std::vector<std::string>* groups) const {
  return re_ && re_->ok() && match(*re_, s, re2::RE2::ANCHOR_BOTH, groups);
}

bool Pattern::search(std::string_view s, std::vector<std::string>* groups) const {
  return re_ && re_->ok() && match(*re_, s, re2::RE2::UNANCHORED, groups);
}

std::string Pattern::replace_all(std::string s, const std::string& with) const {
  if (re_ && re_->ok()) re2::RE2::GlobalReplace(&s, *re_, with);
  return s;
}

}  // namespace nytta
