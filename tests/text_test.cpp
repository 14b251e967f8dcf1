#include <catch2/catch.hpp>

#include "nytta/util/text.hpp"

using namespace nytta;

TEST_CASE("normalised header names ignore case, blanks, hyphens and underscores", "[text]") {
  CHECK(normalize_name("  Aktiva Låntagare ") == "aktiva_låntagare");
  CHECK(normalize_name("ÖPPETTIMMAR") == "öppettimmar");
  CHECK(normalize_name("opening-hours") == "opening_hours");
  CHECK(normalize_name("Cost__per  loan") == "cost_per_loan");
}

TEST_CASE("a misspelt name gets the closest candidate as suggestion", "[text]") {
  std::vector<std::string> ids = {"cost_per_loan", "cost_per_visit", "loans_per_inhabitant"};
  CHECK(closest_match("cost_per_lone", ids) == std::optional<std::string>("cost_per_loan"));
  CHECK_FALSE(closest_match("population_density", ids).has_value());
  CHECK(did_you_mean("cost_per_vist", ids) == ", did you mean 'cost_per_visit'?");
}

TEST_CASE("windows-1252 bytes become utf-8 and undefined bytes are reported", "[text]") {
  std::string out;
  CHECK(append_cp1252_as_utf8("Etel\xE4-Karjala \x80", out));
  CHECK(out == "Etelä-Karjala €");
  std::string bad;
  CHECK_FALSE(append_cp1252_as_utf8("a\x81", bad));
}

TEST_CASE("utf-8 validation rejects overlong forms and surrogates", "[text]") {
  CHECK(is_valid_utf8("Malmö Åre"));
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));
  CHECK(first_invalid_utf8("ok\xFF") == 2);
}

TEST_CASE("truncation counts code points and ends in an ellipsis", "[text]") {
  CHECK(truncate_utf8("Mänttä-Vilppula", 8) == "Mänttä-…");
  CHECK(truncate_utf8("Åre", 8) == "Åre");
}

TEST_CASE("printable escapes control characters and cuts long values", "[text]") {
  CHECK(printable("a\tb\x01", 10) == "a\\tb\\x01");
  CHECK(printable("abcdef", 3) == "abc…");
}

#include "nytta/util/file_names.hpp"

TEST_CASE("file names from data stay inside their directory and never collide", "[text]") {
  CHECK(slug("0180", "Stockholm") == "0180_stockholm");
  CHECK(slug("", "Mänttä-Vilppula") == "mantta_vilppula");
  CHECK(slug("", "../../etc/passwd") == "etc_passwd");
  CHECK(slug("", "..") == "unit");
  CHECK(slug("", "CON") == "con_");
  CHECK(slug("", "index") == "index_");
  CHECK(slug("", "Porsanger - Porsáŋgu") == "porsanger_porsa_gu");
  std::set<std::string> taken;
  CHECK(unique_slug("", "Åre", taken) == "are");
  CHECK(unique_slug("", "Are", taken) == "are_2");
  CHECK(unique_slug("", std::string(300, 'x'), taken).size() == 80);
}
