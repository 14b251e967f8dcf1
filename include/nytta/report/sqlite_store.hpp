#pragma once
// Results into a SQLite database that keeps them year after year (-o results.sqlite,
// batch --db FILE).

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "nytta/report/table.hpp"

namespace nytta {

/// A table as it is stored: plain values, no Cells, so that it can be made on one thread
/// and stored from another (batch). Each row has its identity: unit, year, KPI.
struct StoredTable {
  struct Value {
    enum class Kind : std::uint8_t { null, number, text };
    Kind kind = Kind::null;
    double number = 0.0;
    std::string text;
  };
  std::string name;  // the SQL table: <command>_<table id>
  std::vector<std::string> columns;
  std::vector<std::string> types;  // INTEGER, REAL or TEXT
  std::vector<std::vector<Value>> rows;
  std::vector<std::string> unit_key;
  std::vector<std::optional<std::int64_t>> year_key;
  std::vector<std::string> kpi_key;
};

struct StoredReport {
  std::string command;
  std::vector<StoredTable> tables;
  std::vector<std::string> notes;
};

/// The tables of report for machines (those CSV and JSON show), with each row's identity:
/// unit = its code, else its name, else the report's unit; year = its year, else its
/// to_year, else the report's year; KPI = its kpi (or measure) column, else the report's kpi.
StoredReport stored_report(const Report& report);

/// What a run did to the database.
struct StoreCounts {
  std::int64_t run_id = 0;
  std::size_t added = 0;     // rows written
  std::size_t kept = 0;      // rows not written: their (unit, year, KPI) was there already
  std::size_t replaced = 0;  // rows of earlier runs deleted by --replace
};

/// One run's writes to a database, in one transaction: the database is changed by commit()
/// or not at all (an error, an interrupt, a crash leave it as it was).
class SqliteStore {
 public:
  /// Opens or creates path and starts the transaction. With replace, rows of earlier runs
  /// with the same (unit, year, KPI) in a table are replaced; without, the new rows are
  /// not written. Throws FileError when path cannot be opened or is not a database.
  SqliteStore(const std::string& path, bool replace);
  ~SqliteStore();
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  /// Records the run (command, arguments, input files and hashes, time, and the catalogue,
  /// version, definitions hash and other facts from about's meta).
  void begin_run(const std::string& command, const RunInfo& run, const Report& about);
  /// Writes the tables of a report of this run.
  void add(const StoredReport& report);
  /// Ends the transaction; the database now holds the run.
  StoreCounts commit();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace nytta
