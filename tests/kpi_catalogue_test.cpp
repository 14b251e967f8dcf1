#include <catch2/catch.hpp>

#include "nytta/util/error.hpp"
#include "nytta/load/catalogue_file.hpp"
#include "nytta/model/kpi.hpp"

using namespace nytta;

namespace {
std::string catalogue_error(const std::string& toml) {
  try {
    parse_catalogue(toml, "k.toml");
  } catch (const DataError& e) {
    return e.what();
  }
  return "no error";
}
}  // namespace

TEST_CASE("the built-in catalogue holds every library KPI of the design", "[kpi]") {
  const Catalogue& c = builtin_catalogue();
  for (const char* id : {"loans_per_inhabitant", "visits_per_inhabitant", "hours_per_library_week",
                         "hours_per_1000_inhabitants_week", "active_borrower_share", "cost_per_inhabitant",
                         "cost_per_loan", "cost_per_visit", "cost_per_active_borrower", "benefit_per_krona",
                         "benefit_index"}) {
    INFO(id);
    CHECK(c.find(id) != nullptr);
  }
  CHECK(c.find("cost_per_loan")->direction == Direction::lower_is_better);
  CHECK(c.find("cost_per_loan")->labels.sv == "Kostnad per utlån");
  CHECK(c.version == "2");
}

TEST_CASE("a formula syntax error names the line and the position in the formula", "[kpi]") {
  std::string toml = "catalogue = \"x\"\nversion = \"1\"\n\n[[kpi]]\nid = \"a\"\nunit = \"count\"\nformula = \"loans + * visits\"\n";
  CHECK(catalogue_error(toml) ==
        "k.toml:7:20: the formula does not parse: Unexpected operator \"*\" found at position 8, found 'loans + * visits'");
}

TEST_CASE("KPIs that refer to each other in a cycle are refused", "[kpi]") {
  std::string toml =
      "[[kpi]]\nid = \"a\"\nformula = \"b * 2\"\n[[kpi]]\nid = \"b\"\nformula = \"c + 1\"\n[[kpi]]\nid = \"c\"\nformula = \"a / 3\"\n";
  CHECK(catalogue_error(toml) == "k.toml:7:1: KPIs refer to each other in a cycle: a → b → c → a");
}

TEST_CASE("unknown fields and values get a suggestion", "[kpi]") {
  CHECK(catalogue_error("[[kpi]]\nid = \"a\"\nformula = \"x\"\nformla = \"y\"\n") ==
        "k.toml:4:1: unknown field in a KPI entry, did you mean 'formula'?, found 'formla'");
  CHECK(catalogue_error("[[kpi]]\nid = \"a\"\nformula = \"x\"\ndirection = \"higher_is_beter\"\n").find(
            "did you mean 'higher_is_better'?") != std::string::npos);
}

TEST_CASE("invalid TOML is reported with line and column", "[kpi]") {
  CHECK(catalogue_error("[[kpi]]\nid = \"a\nformula = 1\n").find("k.toml:2:") == 0);
}

TEST_CASE("a catalogue file adds entries and overrides those with the same id", "[kpi]") {
  Catalogue extra = parse_catalogue(
      "catalogue = \"mine\"\nversion = \"2\"\n[[kpi]]\nid = \"cost_per_loan\"\nformula = \"cost / loans * 1000\"\n"
      "[[kpi]]\nid = \"staff_per_1000\"\nformula = \"staff / population * 1000\"\n",
      "mine.toml");
  Catalogue c = overlay(builtin_catalogue(), extra);
  CHECK(c.find("cost_per_loan")->formula == "cost / loans * 1000");
  CHECK(c.find("staff_per_1000") != nullptr);
  CHECK(c.kpis.size() == builtin_catalogue().kpis.size() + 1);
  CHECK(c.version == "2+2");
}

TEST_CASE("the definitions hash changes when a definition changes", "[kpi]") {
  const Catalogue& c = builtin_catalogue();
  std::string h = definitions_hash(c, {"cost_per_loan"});
  CHECK(h.size() == 12);
  CHECK(h == definitions_hash(c, {"cost_per_loan", "cost_per_loan"}));
  Catalogue changed = c;
  for (KpiDef& k : changed.kpis) {
    if (k.id == "cost_per_loan") k.formula = "cost / loans / 2";
  }
  CHECK(h != definitions_hash(changed, {"cost_per_loan"}));
}

TEST_CASE("a catalogue of another service stands alone, an unnamed or extending one adds to the library catalogue", "[kpi]") {
  const std::string kpi = "[[kpi]]\nid = \"staff_per_child\"\nformula = \"staff / children\"\n";
  Catalogue own = catalogue_from_file(parse_catalogue("catalogue = \"care\"\n" + kpi, "k.toml"));
  CHECK(own.name == "care");
  CHECK(own.find("staff_per_child") != nullptr);
  CHECK(own.find("cost_per_loan") == nullptr);

  Catalogue unnamed = catalogue_from_file(parse_catalogue(kpi, "k.toml"));
  CHECK(unnamed.find("staff_per_child") != nullptr);
  CHECK(unnamed.find("cost_per_loan") != nullptr);

  Catalogue extending = catalogue_from_file(parse_catalogue("catalogue = \"extras\"\nextends = \"library\"\n" + kpi, "k.toml"));
  CHECK(extending.name == "library+extras");
  CHECK(extending.find("cost_per_loan") != nullptr);

  CHECK(catalogue_error("extends = \"care\"\n" + kpi) == "k.toml:1:11: a catalogue can extend only the built-in 'library' catalogue, found 'care'");
}
