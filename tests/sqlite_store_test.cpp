// SQLite out: results kept year after year in one file, read back with the sqlite3 C API.

#include <catch2/catch.hpp>
#include <filesystem>
#include <sqlite3.h>
#include <sstream>

#include "cmd/commands.hpp"
#include "nytta/util/error.hpp"
#include "nytta/report/sqlite_store.hpp"
#include "run_cli.hpp"
#include "test_support.hpp"
#include "nytta/util/sha256.hpp"

using namespace nytta;
using Catch::Matchers::WithinRel;
using nytta::test::run_cli;
using nytta::test::Scratch;

namespace {

// The first column of the first row of a query.
struct Db {
  sqlite3* db = nullptr;
  explicit Db(const std::string& path) { REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK); }
  ~Db() { sqlite3_close(db); }
  std::string text(const std::string& sql) const {
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
    std::string v;
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0)) v = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return v;
  }
  long long number(const std::string& sql) const { return std::stoll(text(sql)); }
  double real(const std::string& sql) const {
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(st) == SQLITE_ROW);
    double v = sqlite3_column_double(st, 0);
    sqlite3_finalize(st);
    return v;
  }
};

const std::string kDuplicates =
    "SELECT COUNT(*) FROM (SELECT unit_key, year_key, kpi_key, COUNT(*) AS n FROM report_ranking GROUP BY 1, 2, 3 HAVING n > 1)";

}  // namespace

TEST_CASE("SHA-256 of a text and of a file", "[sqlite]") {
  // FIPS 180-2, appendix B.1: SHA-256("abc").
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  Scratch s("sha");
  FileDigest d = sha256_file(s.write("abc.txt", "abc"));
  CHECK(d.sha256 == sha256_hex("abc"));
  CHECK(d.bytes == 3);
}

TEST_CASE("two years' reports land in one SQLite file without duplicates", "[sqlite]") {
  Scratch s("sqlite_years");
  std::string db_path = s.path("results.sqlite");
  run_cli({"report", "--year", "2012", "-o", db_path});
  run_cli({"report", "-o", db_path});  // 2013, the latest year
  run_cli({"report", "-o", db_path});  // 2013 again: nothing new

  Db db(db_path);
  // The bundled Finnish data: 286 municipalities and the national row each year.
  CHECK(db.number("SELECT COUNT(*) FROM report_ranking WHERE year_key = 2012") == 287);
  CHECK(db.number("SELECT COUNT(*) FROM report_ranking WHERE year_key = 2013") == 287);
  CHECK(db.number(kDuplicates) == 0);
  CHECK(db.number("SELECT COUNT(*) FROM runs") == 3);
  CHECK(db.number("SELECT rows_added FROM runs WHERE id = 3") == 0);
  // Run 1's national trend ends in 2012 (the year of its report), run 2's in 2013: nothing
  // of run 1 repeats; run 3 repeats run 2 and keeps all of it.
  CHECK(db.number("SELECT rows_kept FROM runs WHERE id = 2") == 0);
  CHECK(db.number("SELECT rows_kept FROM runs WHERE id = 3") == db.number("SELECT rows_added + rows_kept FROM runs WHERE id = 2"));
  // Helsinki 2013, as in real_data_test: 63.4 EUR per inhabitant / 14.8 loans per inhabitant.
  CHECK_THAT(db.real("SELECT cost_per_loan FROM report_ranking WHERE name = 'Helsinki' AND year = 2013"), WithinRel(63.4 / 14.8, 1e-6));
  // Typed columns: a rank is an integer, a KPI a real, a name a text.
  CHECK(db.text("SELECT typeof(rank) || ',' || typeof(cost_per_loan) || ',' || typeof(name) FROM report_ranking WHERE name = 'Helsinki' LIMIT 1") ==
        "integer,real,text");
  CHECK(db.text("SELECT typeof(rank) FROM report_ranking WHERE kind = 'national' LIMIT 1") == "null");

  // The runs table says what each run was computed from.
  CHECK(db.text("SELECT arguments FROM runs WHERE id = 1") == "[\"report\",\"--year\",\"2012\",\"-o\",\"" + db_path + "\"]");
  CHECK(db.text("SELECT catalogue || ' ' || catalogue_version FROM runs WHERE id = 1") == "library 2");
  CHECK(db.text("SELECT length(definitions) FROM runs WHERE id = 1") == "12");
  CHECK(db.number("SELECT year FROM runs WHERE id = 1") == 2012);
  std::string bundled = std::string(NYTTA_SOURCE_DIR) + "/data/fi_libraries_1999_2013.csv";
  FileDigest d = sha256_file(bundled);
  CHECK(db.text("SELECT path FROM run_inputs WHERE run_id = 2 AND role = 'data'") == bundled);
  CHECK(db.text("SELECT sha256 FROM run_inputs WHERE run_id = 2") == d.sha256);
  CHECK(db.number("SELECT bytes FROM run_inputs WHERE run_id = 2") == static_cast<long long>(d.bytes));
  CHECK(db.number("SELECT COUNT(*) FROM run_notes WHERE run_id = 1") > 0);
}

TEST_CASE("with --replace the rows of earlier runs with the same unit, year and KPI are replaced", "[sqlite]") {
  Scratch s("sqlite_replace");
  std::string db_path = s.path("results.sqlite");
  run_cli({"report", "-o", db_path});
  run_cli({"report", "-o", db_path, "--replace"});
  Db db(db_path);
  CHECK(db.number("SELECT COUNT(*) FROM report_ranking") == 287);
  CHECK(db.number(kDuplicates) == 0);
  CHECK(db.number("SELECT COUNT(DISTINCT run_id) FROM report_ranking") == 1);
  CHECK(db.number("SELECT run_id FROM report_ranking LIMIT 1") == 2);
  CHECK(db.number("SELECT rows_replaced FROM runs WHERE id = 2") == db.number("SELECT rows_added FROM runs WHERE id = 1"));
}

TEST_CASE("a later run with another KPI adds its column to the table", "[sqlite]") {
  Scratch s("sqlite_columns");
  std::string db_path = s.path("results.db");
  run_cli({"rank", "--kpi", "cost_per_loan", "-o", db_path});
  run_cli({"rank", "--kpi", "loans_per_inhabitant", "-o", db_path});
  Db db(db_path);
  CHECK(db.number("SELECT COUNT(*) FROM rank_ranking WHERE kpi_key = 'cost_per_loan' AND cost_per_loan IS NOT NULL") == 286);
  CHECK(db.number("SELECT COUNT(*) FROM rank_ranking WHERE kpi_key = 'loans_per_inhabitant' AND loans_per_inhabitant IS NOT NULL") == 286);
  CHECK(db.number("SELECT COUNT(*) FROM rank_ranking WHERE kpi_key = 'loans_per_inhabitant' AND cost_per_loan IS NOT NULL") == 0);
}

TEST_CASE("a run that does not finish leaves the database as it was", "[sqlite]") {
  Scratch s("sqlite_rollback");
  std::string db_path = s.path("results.sqlite");
  run_cli({"report", "-o", db_path});
  Report r;
  r.command = "report";
  Table t;
  t.id = "ranking";
  t.columns = {Column{"code", "Code", "", CellType::text, 0}, Column{"year", "Year", "", CellType::number, 0}};
  t.rows.push_back({Cell("9999"), Cell(2030.0)});
  r.tables.push_back(t);
  {
    SqliteStore store(db_path, false);
    store.begin_run("report", RunInfo{}, r);
    store.add(stored_report(r));
    // No commit: an error or an interrupt ends the run here.
  }
  Db db(db_path);
  CHECK(db.number("SELECT COUNT(*) FROM runs") == 1);
  CHECK(db.number("SELECT COUNT(*) FROM report_ranking WHERE unit_key = '9999'") == 0);
}

TEST_CASE("a file that is not a SQLite database is a file error and is left alone", "[sqlite]") {
  Scratch s("sqlite_notadb");
  std::string path = s.write("results.sqlite", "code,name,year\n0180,Stockholm,2012\n" + std::string(600, 'x'));
  try {
    SqliteStore store(path, false);
    FAIL("no error");
  } catch (const FileError& e) {
    CHECK(std::string(e.what()) == path + ": not a SQLite database");
  }
  std::ifstream in(path);
  std::string first;
  std::getline(in, first);
  CHECK(first == "code,name,year");
}

TEST_CASE("batch --db writes every unit's analysis into the database in one run", "[sqlite]") {
  Scratch s("sqlite_batch");
  std::string db_path = s.path("batch.sqlite");
  run_cli({"batch", "--out", s.path("reports"), "--units", "Helsinki,Espoo", "--db", db_path, "--quiet"});
  Db db(db_path);
  CHECK(db.text("SELECT command FROM runs") == "batch");
  CHECK(db.number("SELECT COUNT(*) FROM runs") == 1);
  CHECK(db.number("SELECT COUNT(DISTINCT unit_key) FROM compare_profile") == 2);
  CHECK(db.number("SELECT COUNT(*) FROM compare_profile WHERE unit_key = 'Helsinki' AND kpi_key = 'cost_per_loan' AND year_key = 2013") == 1);
  CHECK(db.number("SELECT COUNT(*) FROM batch_index") == 2);
}
