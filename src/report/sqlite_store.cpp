// SQLite out: the history of key figures that a network keeps year after year, in a file
// that BI tools (Power BI, Metabase) and sqlite3 read. Unlike every other output it is
// updated in place: running the report of a new year into the same file adds that year.
// Each table of a command becomes the SQL table <command>_<table id> with typed columns
// (INTEGER for whole-number columns without decimals, REAL for other numbers, TEXT), plus
// run_id (the row's run in `runs`) and its identity: unit_key, year_key, kpi_key. A row
// whose identity an earlier run already stored is not written again (counted as kept), or,
// with --replace, the earlier rows of that identity are deleted first: a re-run never
// duplicates a (command, unit, year, KPI). Columns a later run brings (another KPI) are
// added to the table. `runs` records every run: command, arguments, time, nytta's version,
// the catalogue, its version and definitions hash, and what it did; `run_inputs` each input
// file with its SHA-256; `run_notes` the notes.
//
// Everything happens in one transaction, begun before the first write (BEGIN IMMEDIATE, so
// that two runs at once wait for each other instead of failing half-way) and committed at
// the end: an error, Ctrl-C or a crash leaves the database as it was (SQLite's journal rolls
// an unfinished transaction back when the file is next opened).

#include "nytta/util/version.hpp"
#include "nytta/report/sqlite_store.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sqlite3.h>
#include <stdexcept>
#include <tuple>

#include "nytta/util/error.hpp"
#include "nytta/util/text.hpp"
#include "report/report_meta.hpp"

namespace nytta {

namespace {

std::string quote(std::string_view name) {
  std::string q = "\"";
  for (char c : name) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + "\"";
}

}  // namespace

struct SqliteStore::Impl {
  std::string path;
  bool replace = false;
  sqlite3* db = nullptr;
  bool open = false;  // a transaction is open
  StoreCounts counts;
  std::set<std::string> notes;  // written for this run (a batch's reports share most)

  [[noreturn]] void fail(int rc) const {
    if (rc == SQLITE_NOTADB) throw FileError(fmt::format("{}: not a SQLite database", path));
    std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    throw FileError(fmt::format("{}: cannot write the database: {}", path, fold_first(message)));
  }

  void exec(const std::string& sql) {
    int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) fail(rc);
  }

  // A prepared statement that finalises itself.
  struct Statement {
    Impl& impl;
    sqlite3_stmt* stmt = nullptr;
    Statement(Impl& i, const std::string& sql) : impl(i) {
      int rc = sqlite3_prepare_v2(impl.db, sql.c_str(), -1, &stmt, nullptr);
      if (rc != SQLITE_OK) impl.fail(rc);
    }
    ~Statement() { sqlite3_finalize(stmt); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    void reset() {
      sqlite3_reset(stmt);
      sqlite3_clear_bindings(stmt);
    }
    void bind(int i, const std::string& s) { check(sqlite3_bind_text(stmt, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT)); }
    void bind(int i, double v) { check(sqlite3_bind_double(stmt, i, v)); }
    void bind(int i, std::int64_t v) { check(sqlite3_bind_int64(stmt, i, v)); }
    void bind(int i, std::optional<std::int64_t> v) {
      if (v) bind(i, *v);
      else check(sqlite3_bind_null(stmt, i));
    }
    void bind_null(int i) { check(sqlite3_bind_null(stmt, i)); }
    /// Runs it; true when it gave a row.
    bool step() {
      int rc = sqlite3_step(stmt);
      if (rc == SQLITE_ROW) return true;
      if (rc != SQLITE_DONE) impl.fail(rc);
      return false;
    }
    std::int64_t column_int(int i) { return sqlite3_column_int64(stmt, i); }
    std::string column_text(int i) {
      const unsigned char* t = sqlite3_column_text(stmt, i);
      return t ? reinterpret_cast<const char*>(t) : "";
    }
    void check(int rc) {
      if (rc != SQLITE_OK) impl.fail(rc);
    }
  };

  void create_schema() {
    exec("CREATE TABLE IF NOT EXISTS runs ("
         "id INTEGER PRIMARY KEY, command TEXT NOT NULL, arguments TEXT NOT NULL, time TEXT NOT NULL, "
         "nytta_version TEXT NOT NULL, catalogue TEXT, catalogue_version TEXT, definitions TEXT, "
         "year INTEGER, kpi TEXT, unit TEXT, meta TEXT NOT NULL, "
         "rows_added INTEGER NOT NULL DEFAULT 0, rows_kept INTEGER NOT NULL DEFAULT 0, rows_replaced INTEGER NOT NULL DEFAULT 0)");
    exec("CREATE TABLE IF NOT EXISTS run_inputs ("
         "run_id INTEGER NOT NULL REFERENCES runs(id), role TEXT NOT NULL, path TEXT NOT NULL, sha256 TEXT NOT NULL, bytes INTEGER NOT NULL)");
    exec("CREATE TABLE IF NOT EXISTS run_notes (run_id INTEGER NOT NULL REFERENCES runs(id), note TEXT NOT NULL)");
  }

  std::map<std::string, std::string> columns_of(const std::string& table) {
    std::map<std::string, std::string> cols;
    Statement st(*this, fmt::format("PRAGMA table_info({})", quote(table)));
    while (st.step()) cols.emplace(fold_case(st.column_text(1)), st.column_text(2));
    return cols;
  }

  void ensure_table(const StoredTable& t) {
    std::map<std::string, std::string> have = columns_of(t.name);
    if (have.empty()) {
      std::string sql = fmt::format("CREATE TABLE {} (run_id INTEGER NOT NULL REFERENCES runs(id), unit_key TEXT NOT NULL, year_key INTEGER, kpi_key TEXT NOT NULL",
                                    quote(t.name));
      for (std::size_t i = 0; i < t.columns.size(); ++i) sql += fmt::format(", {} {}", quote(t.columns[i]), t.types[i]);
      exec(sql + ")");
      exec(fmt::format("CREATE INDEX {} ON {} (unit_key, year_key, kpi_key)", quote(t.name + "_identity"), quote(t.name)));
      return;
    }
    if (!have.count("unit_key") || !have.count("year_key") || !have.count("kpi_key") || !have.count("run_id"))
      throw FileError(fmt::format("{}: the table {} was not written by nytta (it has no run_id, unit_key, year_key, kpi_key)", path, t.name));
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      if (!have.count(fold_case(t.columns[i]))) exec(fmt::format("ALTER TABLE {} ADD COLUMN {} {}", quote(t.name), quote(t.columns[i]), t.types[i]));
    }
  }

  void store(const StoredTable& t) {
    ensure_table(t);
    std::string cols = "run_id, unit_key, year_key, kpi_key";
    std::string marks = "?, ?, ?, ?";
    for (const std::string& c : t.columns) {
      cols += ", " + quote(c);
      marks += ", ?";
    }
    Statement insert(*this, fmt::format("INSERT INTO {} ({}) VALUES ({})", quote(t.name), cols, marks));
    const std::string identity = "unit_key = ?1 AND year_key IS ?2 AND kpi_key = ?3 AND run_id <> ?4";
    Statement count(*this, fmt::format("SELECT COUNT(*) FROM {} WHERE {}", quote(t.name), identity));
    Statement remove(*this, fmt::format("DELETE FROM {} WHERE {}", quote(t.name), identity));

    // Rows by identity, in their order; an identity is stored, kept or replaced as a whole.
    std::map<std::tuple<std::string, std::optional<std::int64_t>, std::string>, std::vector<std::size_t>> groups;
    std::vector<std::tuple<std::string, std::optional<std::int64_t>, std::string>> order;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      auto key = std::make_tuple(t.unit_key[r], t.year_key[r], t.kpi_key[r]);
      auto [it, fresh] = groups.try_emplace(key);
      if (fresh) order.push_back(key);
      it->second.push_back(r);
    }
    auto bind_identity = [&](Statement& st, const std::tuple<std::string, std::optional<std::int64_t>, std::string>& key) {
      st.reset();
      st.bind(1, std::get<0>(key));
      st.bind(2, std::get<1>(key));
      st.bind(3, std::get<2>(key));
      st.bind(4, counts.run_id);
    };
    for (const auto& key : order) {
      const std::vector<std::size_t>& rows = groups[key];
      bind_identity(count, key);
      std::int64_t earlier = count.step() ? count.column_int(0) : 0;
      if (earlier > 0) {
        if (!replace) {
          counts.kept += rows.size();
          continue;
        }
        bind_identity(remove, key);
        remove.step();
        counts.replaced += static_cast<std::size_t>(sqlite3_changes(db));
      }
      for (std::size_t r : rows) {
        insert.reset();
        insert.bind(1, counts.run_id);
        insert.bind(2, t.unit_key[r]);
        insert.bind(3, t.year_key[r]);
        insert.bind(4, t.kpi_key[r]);
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
          const StoredTable::Value& v = t.rows[r][c];
          int at = static_cast<int>(c) + 5;
          if (v.kind == StoredTable::Value::Kind::text) insert.bind(at, v.text);
          else if (v.kind == StoredTable::Value::Kind::null) insert.bind_null(at);
          else if (t.types[c] == "INTEGER") insert.bind(at, static_cast<std::int64_t>(v.number));
          else insert.bind(at, v.number);
        }
        insert.step();
        ++counts.added;
      }
    }
  }
};

SqliteStore::SqliteStore(const std::string& path, bool replace) : impl_(std::make_unique<Impl>()) {
  impl_->path = path;
  impl_->replace = replace;
  int rc = sqlite3_open_v2(path.c_str(), &impl_->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = impl_->db ? sqlite3_errmsg(impl_->db) : sqlite3_errstr(rc);
    sqlite3_close(impl_->db);
    impl_->db = nullptr;
    throw FileError(fmt::format("{}: cannot open the database: {}", path, fold_first(message)));
  }
  sqlite3_busy_timeout(impl_->db, 10000);
  try {
    impl_->exec("BEGIN IMMEDIATE");
    impl_->open = true;
    impl_->create_schema();
  } catch (...) {
    if (impl_->open) sqlite3_exec(impl_->db, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(impl_->db);
    impl_->db = nullptr;
    throw;
  }
}

SqliteStore::~SqliteStore() {
  if (!impl_->db) return;
  if (impl_->open) sqlite3_exec(impl_->db, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(impl_->db);
}

void SqliteStore::begin_run(const std::string& command, const RunInfo& run, const Report& about) {
  nlohmann::json args = run.arguments;
  nlohmann::json meta = nlohmann::json::object();
  for (const auto& [k, v] : about.meta) {
    if (const std::string* s = v.text()) meta[k] = *s;
    else if (const double* d = v.number_value()) meta[k] = *d;
    else meta[k] = nullptr;
  }
  Impl::Statement st(*impl_,
                     "INSERT INTO runs (command, arguments, time, nytta_version, catalogue, catalogue_version, definitions, year, kpi, unit, meta) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  st.bind(1, command);
  st.bind(2, args.dump());
  st.bind(3, run.time);
  st.bind(4, std::string(version()));
  auto text_or_null = [&](int i, const std::string& s) {
    if (s.empty()) st.bind_null(i);
    else st.bind(i, s);
  };
  text_or_null(5, detail::meta_text(about, "catalogue"));
  text_or_null(6, detail::meta_text(about, "catalogue_version"));
  text_or_null(7, detail::meta_text(about, "definitions"));
  st.bind(8, detail::meta_year(about));
  text_or_null(9, detail::meta_text(about, "kpi"));
  text_or_null(10, detail::meta_text(about, "unit"));
  st.bind(11, meta.dump());
  st.step();
  impl_->counts.run_id = sqlite3_last_insert_rowid(impl_->db);
  Impl::Statement input(*impl_, "INSERT INTO run_inputs (run_id, role, path, sha256, bytes) VALUES (?, ?, ?, ?, ?)");
  for (const RunInfo::Input& in : run.inputs) {
    input.reset();
    input.bind(1, impl_->counts.run_id);
    input.bind(2, in.role);
    input.bind(3, in.path);
    input.bind(4, in.sha256);
    input.bind(5, static_cast<std::int64_t>(in.bytes));
    input.step();
  }
}

void SqliteStore::add(const StoredReport& report) {
  if (impl_->counts.run_id == 0) throw std::logic_error("SqliteStore::add before begin_run");
  for (const StoredTable& t : report.tables) impl_->store(t);
  Impl::Statement note(*impl_, "INSERT INTO run_notes (run_id, note) VALUES (?, ?)");
  for (const std::string& n : report.notes) {
    if (!impl_->notes.insert(n).second) continue;
    note.reset();
    note.bind(1, impl_->counts.run_id);
    note.bind(2, n);
    note.step();
  }
}

StoreCounts SqliteStore::commit() {
  Impl::Statement st(*impl_, "UPDATE runs SET rows_added = ?, rows_kept = ?, rows_replaced = ? WHERE id = ?");
  st.bind(1, static_cast<std::int64_t>(impl_->counts.added));
  st.bind(2, static_cast<std::int64_t>(impl_->counts.kept));
  st.bind(3, static_cast<std::int64_t>(impl_->counts.replaced));
  st.bind(4, impl_->counts.run_id);
  st.step();
  impl_->exec("COMMIT");
  impl_->open = false;
  return impl_->counts;
}

}  // namespace nytta
