#pragma once
// Every text nytta writes for people — headers, titles, notes, the summary — in English,
// Swedish and Norwegian Bokmål, looked up by key. CSV and JSON keys never change with the
// language; only what people read does.

#include <fmt/format.h>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace nytta {

/// The text of key in lang ("en", "sv", "nb"); English when lang is unknown. An unknown
/// key is a bug: it comes back as the key itself, and a unit test checks every key.
std::string_view text(std::string_view lang, std::string_view key);

/// text() as a std::string, for headers.
inline std::string tr(std::string_view lang, std::string_view key) { return std::string(text(lang, key)); }

/// text() as a format string: textf("sv", "ranked_title", label, year, …).
template <typename... Args>
std::string textf(std::string_view lang, std::string_view key, Args&&... args) {
  return fmt::format(fmt::runtime(text(lang, key)), std::forward<Args>(args)...);
}

/// Every key, for the test that all three languages are there.
std::vector<std::string_view> text_keys();

/// True when key has a text in every language.
bool text_complete(std::string_view key);

/// One text in the three languages. Parts with words of their own (the frontier's) keep
/// their own table of these and look it up with the functions below, as text() does.
struct TextEntry {
  std::string_view key, en, sv, nb;
};

/// key's text in lang from table: English for another language, the key itself when the
/// table lacks it.
std::string_view text_in(std::span<const TextEntry> table, std::string_view lang, std::string_view key);
/// The keys of table, and whether key has a text in every language.
std::vector<std::string_view> keys_of(std::span<const TextEntry> table);
bool complete_in(std::span<const TextEntry> table, std::string_view key);

}  // namespace nytta
