#pragma once
// The texts people read in the frontier's outputs (frontier, malmquist, target --method
// frontier, compare's section) in English, Swedish and Norwegian Bokmål. Kept apart from
// report/labels.cpp so that the frontier's words live beside the code that uses them, and
// looked up by the same text_in() (English for an unknown language, the key itself for an
// unknown key, and a test that every key has all three).

#include <fmt/format.h>
#include <string>
#include <string_view>
#include <vector>

namespace nytta {

/// The frontier text of key in lang ("en", "sv", "nb").
std::string_view frontier_text(std::string_view lang, std::string_view key);

inline std::string ftr(std::string_view lang, std::string_view key) { return std::string(frontier_text(lang, key)); }

template <typename... Args>
std::string ftextf(std::string_view lang, std::string_view key, Args&&... args) {
  return fmt::format(fmt::runtime(frontier_text(lang, key)), std::forward<Args>(args)...);
}

/// Every key, and whether it has a text in every language, for the test.
std::vector<std::string_view> frontier_text_keys();
bool frontier_text_complete(std::string_view key);

}  // namespace nytta
