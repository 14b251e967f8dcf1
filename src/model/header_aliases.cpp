#include "nytta/model/header_aliases.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "nytta/util/text.hpp"

namespace nytta {

namespace {

struct Alias {
  std::string_view canonical;
  std::vector<std::string_view> spellings;  // normalised: lower case, '_' for blanks
};

const std::vector<Alias>& alias_table() {
  static const std::vector<Alias> table = {
      {"code", {"code", "kommunkod", "kommunnummer", "kommunenummer", "kommunenr", "knr",
                "kuntanumero", "kuntakoodi", "id", "municipality_code"}},
      {"name", {"name", "kommun", "kommunnamn", "kommune", "kommunenavn", "kunta", "kunnan_nimi",
                "municipality", "municipality_name"}},
      {"year", {"year", "år", "aar", "vuosi", "vuosi_year"}},
      {"group", {"group", "kommungrupp", "kommunegruppe", "kostra_gruppe", "peer_group"}},
      {"kind", {"kind", "row_kind"}},
      {"currency", {"currency", "valuta", "valuutta"}},
      {"population", {"population", "folkmängd", "invånare", "antal_invånare", "befolkning", "innbyggere",
                      "folketall", "asukasluku", "asukkaat", "väkiluku", "inhabitants", "residents"}},
      {"loans", {"loans", "utlån", "lån", "lainaukset", "kokonaislainaus", "circulation"}},
      {"visits", {"visits", "besök", "besøk", "käynnit", "fyysiset_käynnit"}},
      {"opening_hours", {"opening_hours", "öppettimmar", "öppettider", "åpningstimer",
                         "åpningstid", "aukiolotunnit", "open_hours"}},
      {"active_borrowers", {"active_borrowers", "aktiva_låntagare", "aktive_lånere",
                            "aktive_lånare", "lainaajat", "active_users"}},
      {"cost", {"cost", "kostnad", "kostnader", "driftskostnad", "driftskostnader",
                "driftsutgifter", "toimintakulut", "operating_cost", "expenditure"}},
      {"libraries", {"libraries", "bibliotek", "filialer", "toimipisteet", "service_points"}},
  };
  return table;
}

}  // namespace

std::optional<std::string> canonical_column(std::string_view header) {
  std::string n = normalize_name(header);
  for (const Alias& a : alias_table()) {
    for (std::string_view s : a.spellings) {
      if (n == s) return std::string(a.canonical);
    }
  }
  return std::nullopt;
}

namespace {

struct UnitWord {
  std::string_view word;  // normalised
  double scale;
  std::string_view currency;
};

// Units analysts write into headers. "kr" could be SEK, NOK or DKK: it scales, but says
// no currency.
constexpr UnitWord kUnitWords[] = {
    {"kr", 1, ""},           {"kronor", 1, ""},       {"kroner", 1, ""},       {"sek", 1, "SEK"},
    {"nok", 1, "NOK"},       {"dkk", 1, "DKK"},       {"eur", 1, "EUR"},       {"euro", 1, "EUR"},
    {"€", 1, "EUR"},         {"usd", 1, "USD"},       {"$", 1, "USD"},         {"gbp", 1, "GBP"},
    {"tkr", 1e3, ""},        {"tsek", 1e3, "SEK"},    {"ksek", 1e3, "SEK"},    {"tnok", 1e3, "NOK"},
    {"1000_kr", 1e3, ""},    {"1_000_kr", 1e3, ""},   {"tusen_kr", 1e3, ""},   {"tusen_kroner", 1e3, ""},
    {"i_1000_kr", 1e3, ""},  {"teur", 1e3, "EUR"},    {"1000_eur", 1e3, "EUR"}, {"1000_€", 1e3, "EUR"},
    {"thousands", 1e3, ""},  {"mkr", 1e6, ""},        {"msek", 1e6, "SEK"},    {"mnok", 1e6, "NOK"},
    {"mill_kr", 1e6, ""},    {"meur", 1e6, "EUR"},    {"millions", 1e6, ""},   {"antal", 1, ""},
    {"st", 1, ""},           {"count", 1, ""},        {"number", 1, ""},       {"h", 1, ""},
    {"timmar", 1, ""},       {"timer", 1, ""},        {"hours", 1, ""},
};

// "31.12", "1.1.2020", "31/12", "2012-12-31": the date a stock (population) refers to.
bool is_date_word(std::string_view w) {
  if (w.empty()) return false;
  bool digit = false;
  for (char c : w) {
    if (c >= '0' && c <= '9') digit = true;
    else if (c != '.' && c != '/' && c != '-') return false;
  }
  return digit && w.find_first_of("./-") != std::string_view::npos;
}

const UnitWord* unit_word(std::string_view normalised) {
  for (const UnitWord& u : kUnitWords) {
    if (u.word == normalised) return &u;
  }
  return nullptr;
}

// The header without a unit written after it: "Kostnad (tkr)", "Cost [EUR]", "Cost, EUR",
// "Befolkning 31.12". Empty base when there is no such suffix.
struct Split {
  std::string base, unit;
  double scale = 1.0;
  std::string currency;
};

std::optional<Split> split_unit(std::string_view header) {
  std::string_view h = trim(header);
  std::string_view base, unit;
  if (!h.empty() && (h.back() == ')' || h.back() == ']')) {
    char open = h.back() == ')' ? '(' : '[';
    std::size_t at = h.rfind(open);
    if (at == std::string_view::npos || at == 0) return std::nullopt;
    base = trim(h.substr(0, at));
    unit = trim(h.substr(at + 1, h.size() - at - 2));
  } else if (std::size_t comma = h.rfind(','); comma != std::string_view::npos) {
    base = trim(h.substr(0, comma));
    unit = trim(h.substr(comma + 1));
  } else if (std::size_t space = h.rfind(' '); space != std::string_view::npos) {
    base = trim(h.substr(0, space));
    unit = trim(h.substr(space + 1));
  } else {
    return std::nullopt;
  }
  if (base.empty() || unit.empty()) return std::nullopt;
  Split s{std::string(base), std::string(unit), 1.0, {}};
  if (is_date_word(unit)) return s;
  const UnitWord* w = unit_word(normalize_name(unit));
  if (!w) return std::nullopt;
  s.scale = w->scale;
  s.currency = std::string(w->currency);
  return s;
}

Role role_of(const std::string& name) {
  if (name == "code") return Role::code;
  if (name == "name") return Role::name;
  if (name == "year") return Role::year;
  if (name == "group") return Role::group;
  if (name == "kind") return Role::kind;
  if (name == "currency") return Role::currency;
  return Role::measure;
}

// Å Ä Ö Ø Æ written without their marks, as exports from systems without UTF-8 do.
std::string without_marks(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto two = [&](const char* utf8) { return s.substr(i, 2) == utf8; };
    if (two("å") || two("ä")) { out += 'a'; ++i; }
    else if (two("ö") || two("ø")) { out += 'o'; ++i; }
    else if (two("æ")) { out += "ae"; ++i; }
    else if (two("ü")) { out += 'u'; ++i; }
    else if (two("é")) { out += 'e'; ++i; }
    else out += s[i];
  }
  return out;
}

}  // namespace

ColumnPlan plan_column(std::string_view header) {
  ColumnPlan c;
  if (trim(header).empty()) {
    c.role = Role::ignored;
    return c;
  }
  std::optional<std::string> canonical = canonical_column(header);
  if (!canonical) {
    if (std::optional<Split> s = split_unit(header)) {
      if (std::optional<std::string> base = canonical_column(s->base)) {
        canonical = base;
        c.scale = s->scale;
        c.unit = s->unit;
        c.currency = s->currency;
      }
    }
  }
  c.name = canonical ? *canonical : normalize_name(header);
  c.known = canonical.has_value();
  c.role = role_of(c.name);
  return c;
}

namespace {

// Every spelling with its form without marks, made once: a suggestion is looked for in
// every message about a missing measure.
struct Spelling {
  std::string_view canonical, spelling;
  std::string plain;  // without_marks(spelling)
};

const std::vector<Spelling>& spellings() {
  static const std::vector<Spelling> all = [] {
    std::vector<Spelling> v;
    for (const Alias& a : alias_table()) {
      for (std::string_view sp : a.spellings) v.push_back(Spelling{a.canonical, sp, without_marks(sp)});
    }
    return v;
  }();
  return all;
}

// The edit distance of a and b when it is at most limit, else limit + 1: a row whose
// every cell is past the limit ends the search.
std::size_t distance_up_to(std::string_view a, std::string_view b, std::size_t limit) {
  constexpr std::size_t kMax = 64;
  if (b.size() >= kMax) return std::min(edit_distance(a, b), limit + 1);
  std::size_t rows[2][kMax];
  std::size_t* prev = rows[0];
  std::size_t* cur = rows[1];
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    std::size_t row_min = cur[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t subst = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, subst});
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(prev, cur);
  }
  return std::min(prev[b.size()], limit + 1);
}

}  // namespace

std::optional<AliasMatch> closest_alias(std::string_view header) {
  // A header written with its marks ("Län") is compared as written: only one without any
  // ("Utlan") may have lost them.
  std::string normalised = normalize_name(header);
  bool ascii = std::all_of(normalised.begin(), normalised.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x80; });
  const std::string& wanted = normalised;
  std::optional<AliasMatch> best;
  std::size_t best_distance = 0;
  for (const Spelling& s : spellings()) {
    std::string_view plain = ascii ? std::string_view(s.plain) : s.spelling;
    std::size_t allowed = plain.size() <= 4 ? 0 : plain.size() <= 7 ? 1 : 2;
    // The distance is at least the difference in length: most spellings end here.
    std::size_t at_least = wanted.size() > plain.size() ? wanted.size() - plain.size() : plain.size() - wanted.size();
    if (at_least > allowed || (best && at_least >= best_distance)) continue;
    std::size_t d = distance_up_to(wanted, plain, allowed);
    if (d > allowed || (best && d >= best_distance)) continue;
    best = AliasMatch{std::string(s.canonical), std::string(s.spelling)};
    best_distance = d;
  }
  return best;
}

std::vector<std::string> known_column_spellings() {
  std::vector<std::string> all;
  for (const Alias& a : alias_table()) {
    for (std::string_view s : a.spellings) all.emplace_back(s);
  }
  return all;
}

std::string aliases_of(std::string_view canonical) {
  for (const Alias& a : alias_table()) {
    if (a.canonical != canonical) continue;
    std::vector<std::string_view> others;
    for (std::string_view s : a.spellings) {
      if (s != canonical) others.push_back(s);
    }
    return fmt::format("{}", fmt::join(others, ", "));
  }
  return {};
}

}  // namespace nytta
