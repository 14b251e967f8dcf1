// -o FILE.xlsx and -o FILE.sqlite: outputs that libraries write by file name. An xlsx file
// is replaced whole, as every output; a SQLite database is the one output updated in place
// (one transaction per run), and its runs table records where the results came from: the
// command line, each input file with its SHA-256, the catalogue and the time.

#include "cmd/file_outputs.hpp"

#include <ctime>
#include <fmt/format.h>
#include <ostream>

#include "nytta/report/sqlite_store.hpp"
#include "nytta/report/xlsx_writer.hpp"
#include "nytta/util/sha256.hpp"

namespace nytta {

namespace {

std::string utc_now() {
  std::time_t t = std::time(nullptr);
  std::tm tm {};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

void add_input(RunInfo& run, const std::string& role, const std::string& path) {
  if (path.empty()) return;
  if (path == "-") {
    run.inputs.push_back(RunInfo::Input{role, "<stdin>", "", 0});
    return;
  }
  FileDigest d = sha256_file(path);
  run.inputs.push_back(RunInfo::Input{role, path, d.sha256, d.bytes});
}

}  // namespace

RunInfo run_info(const CommonOptions& o, const Io& io) {
  RunInfo run;
  run.arguments = io.args;
  run.time = utc_now();
  if (o.has_input) {
    if (o.files.empty()) add_input(run, "data", bundled_data_path(io.env));
    for (const std::string& f : o.files) add_input(run, "data", f);
    add_input(run, "mapping", o.map_file);
    add_input(run, "groups", o.groups_file);
  }
  add_input(run, "catalogue", o.kpis_file);
  return run;
}

void write_file_output(const Report& report, Format format, const CommonOptions& o, Io& io, const WriteOptions& wo) {
  if (format == Format::xlsx) {
    write_xlsx(report, o.output, wo);
    return;
  }
  // As with CSV, the notes are in no file a person reads: they go to stderr (and run_notes).
  for (const std::string& n : report.notes) io.err << "nytta: note: " << n << '\n';
  RunInfo run = report.run.arguments.empty() && report.run.inputs.empty() ? run_info(o, io) : report.run;
  SqliteStore store(o.output, o.replace);
  store.begin_run(report.command, run, report);
  store.add(stored_report(report));
  StoreCounts c = store.commit();
  if (c.kept > 0)
    io.err << fmt::format("nytta: note: {}: {} rows were already there from earlier runs and were kept (--replace to overwrite them); "
                          "{} rows added (run {})\n",
                          o.output, c.kept, c.added, c.run_id);
  if (c.replaced > 0)
    io.err << fmt::format("nytta: note: {}: {} rows of earlier runs replaced; {} rows added (run {})\n", o.output, c.replaced, c.added, c.run_id);
}

}  // namespace nytta
