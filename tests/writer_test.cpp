#include <limits>
#include <catch2/catch.hpp>
#include <sstream>

#include "nytta/load/load.hpp"
#include "nytta/report/writer.hpp"
#include "nytta/report/number_format.hpp"

using namespace nytta;

namespace {
Report sample_report() {
  Table t;
  t.id = "ranking";
  t.title = "Test";
  t.columns = {Column{"name", "Name", "", CellType::text, 0}, Column{"cost", "Cost", "SEK", CellType::number, 2}};
  t.rows = {{Cell("Bournemouth, Christchurch and Poole"), Cell(1234.5)},
            {Cell("Malmö | \"Åre\""), Cell()},
            {Cell("Zero"), Cell(-0.0)}};
  Report r;
  r.command = "test";
  r.tables.push_back(t);
  r.notes.push_back("a note");
  return r;
}
std::string render(Format f, std::string lang = "en") {
  std::ostringstream out;
  WriteOptions o;
  o.lang = lang;
  make_writer(f, o)->write(sample_report(), out);
  return out.str();
}
}  // namespace

TEST_CASE("csv quotes what needs quoting and writes missing as an empty cell", "[report]") {
  CHECK(render(Format::csv) ==
        "name,cost\n\"Bournemouth, Christchurch and Poole\",1234.5\n\"Malmö | \"\"Åre\"\"\",\nZero,0\n");
}

TEST_CASE("csv output reads back with the same names and values", "[report]") {
  // Written by the CSV writer, read by the loader: names with commas, quotes and non-ASCII
  // letters, a missing value, a negative zero and a number that needs all 17 digits.
  Table t;
  t.id = "data";
  t.columns = {Column{"code", "Code", "", CellType::text, 0}, Column{"name", "Name", "", CellType::text, 0},
               Column{"year", "Year", "", CellType::number, 0}, Column{"cost", "Cost", "SEK", CellType::number, 2}};
  t.rows = {{Cell("1"), Cell("Bournemouth, Christchurch and Poole"), Cell(2012.0), Cell(1234.5)},
            {Cell("2"), Cell("Malmö | \"Åre\""), Cell(2012.0), Cell()},
            {Cell("3"), Cell("Zero"), Cell(2012.0), Cell(0.1 + 0.2)}};
  Report r;
  r.command = "test";
  r.tables.push_back(t);
  std::ostringstream out;
  make_writer(Format::csv, WriteOptions{})->write(r, out);

  std::istringstream in(out.str());
  Dataset d = load_long_csv("t.csv", in, LoadOptions{});
  REQUIRE(d.units.size() == 3);
  CHECK(d.units[0].name == "Bournemouth, Christchurch and Poole");
  CHECK(d.units[1].name == "Malmö | \"Åre\"");
  const Measure* cost = d.find_measure("cost");
  REQUIRE(cost != nullptr);
  CHECK(cost->values[0] == 1234.5);
  CHECK(is_missing(cost->values[1]));
  CHECK(cost->values[2] == 0.1 + 0.2);  // shortest round-trip text, not 0.3
}

TEST_CASE("json writes missing as null and whole numbers without a fraction", "[report]") {
  std::string j = render(Format::json);
  CHECK(j.find("\"cost\": null") != std::string::npos);
  CHECK(j.find("\"cost\": 1234.5") != std::string::npos);
  CHECK(j.find("\"cost\": 0") != std::string::npos);
  CHECK(j.find("\"schema\": 1") != std::string::npos);
  CHECK(j.back() == '\n');
}

TEST_CASE("markdown escapes pipes and right-aligns numbers", "[report]") {
  std::string md = render(Format::md);
  CHECK(md.find("| Name | Cost \\[SEK\\] |\n| --- | ---: |") != std::string::npos);
  CHECK(md.find("Malmö \\| \"Åre\"") != std::string::npos);
  CHECK(md.find("| Zero | 0.00 |") != std::string::npos);
}

TEST_CASE("markdown and html never let a data string become markup", "[report]") {
  Report r = sample_report();
  r.tables[0].rows.push_back({Cell("<script>alert('x')</script> *b* [l](u)"), Cell(1.0)});
  std::ostringstream md, html;
  make_writer(Format::md, WriteOptions{})->write(r, md);
  make_writer(Format::html, WriteOptions{})->write(r, html);
  CHECK(md.str().find("<script>") == std::string::npos);
  CHECK(md.str().find("&lt;script&gt;alert('x')&lt;/script&gt; \\*b\\* \\[l\\](u)") != std::string::npos);
  CHECK(html.str().find("<script>alert") == std::string::npos);  // the page's own sorting script is the only one
  CHECK(html.str().find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") != std::string::npos);
}

TEST_CASE("human numbers group thousands per language", "[report]") {
  CHECK(format_human(1234567.891, 2, "en") == "1,234,567.89");
  CHECK(format_human(1234567.891, 2, "sv") == "1\u00A0234\u00A0567,89");
  CHECK(format_human(1234.5, 1, "sv") == "1234,5");
  CHECK(format_human(-0.001, 1, "en") == "0.0");
  CHECK(format_human(2013, 0, "en", false) == "2013");
  CHECK(format_machine(36352.0) == "36352");
  CHECK(format_machine(0.1) == "0.1");
}

TEST_CASE("human numbers beyond 1e16 are written in scientific notation, not as digits of noise", "[report]") {
  CHECK(format_human(1e305, 2, "en") == "1.00e+305");
  CHECK(format_human(-2.5e20, 0, "sv") == "-2,50e+20");
  CHECK(format_human(1717085750372324.0, 0, "en") == "1,717,085,750,372,324");
  CHECK(format_human(std::numeric_limits<double>::infinity(), 2, "en").empty());
}

TEST_CASE("the table writer aligns numbers right and names left", "[report]") {
  std::string t = render(Format::table);
  CHECK(t.find("Zero                                     0.00") != std::string::npos);
  CHECK(t.find("note: a note") != std::string::npos);
}

TEST_CASE("formats are chosen by name or by file extension", "[report]") {
  CHECK(parse_format("MD") == Format::md);
  CHECK(format_from_extension("out/x.json") == Format::json);
  CHECK(format_from_extension("x.txt") == Format::table);
  CHECK_FALSE(format_from_extension("dir.v2/x").has_value());
}

TEST_CASE("CSV text cells that a spreadsheet would run get a leading quote, numbers never", "[writer][csv]") {
  Report r;
  Table t;
  t.columns = {Column{"name", "Name", "", CellType::text, 0}, Column{"value", "Value", "", CellType::number, 2}};
  for (const char* name : {"=1+1", "+46", "-x", "@SUM(A1)", "\tTab", "\rCR", "Plain", "a=b"}) {
    t.rows.push_back({Cell(name), Cell(-5.0)});
  }
  r.tables.push_back(t);
  std::ostringstream guarded, raw;
  WriteOptions o;
  make_writer(Format::csv, o)->write(r, guarded);
  o.raw = true;
  make_writer(Format::csv, o)->write(r, raw);
  CHECK(guarded.str() == "name,value\n'=1+1,-5\n'+46,-5\n'-x,-5\n'@SUM(A1),-5\n'\tTab,-5\n\"'\rCR\",-5\nPlain,-5\na=b,-5\n");
  CHECK(raw.str() == "name,value\n=1+1,-5\n+46,-5\n-x,-5\n@SUM(A1),-5\n\tTab,-5\n\"\rCR\",-5\nPlain,-5\na=b,-5\n");
}
