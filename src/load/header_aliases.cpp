#include "load/header_aliases.hpp"

#include <fmt/format.h>

#include "util/text.hpp"

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
      {"population", {"population", "folkmängd", "invånare", "antal_invånare", "innbyggere",
                      "folketall", "asukasluku", "asukkaat", "inhabitants"}},
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

ColumnPlan plan_column(std::string_view header) {
  ColumnPlan c;
  if (trim(header).empty()) {
    c.role = Role::ignored;
    return c;
  }
  std::optional<std::string> canonical = canonical_column(header);
  c.name = canonical ? *canonical : normalize_name(header);
  c.known = canonical.has_value();
  if (c.name == "code") c.role = Role::code;
  else if (c.name == "name") c.role = Role::name;
  else if (c.name == "year") c.role = Role::year;
  else if (c.name == "group") c.role = Role::group;
  else if (c.name == "kind") c.role = Role::kind;
  else if (c.name == "currency") c.role = Role::currency;
  return c;
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
