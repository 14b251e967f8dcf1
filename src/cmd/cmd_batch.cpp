// nytta batch [FILE…] --out DIR [--format md|html|json|csv] [--units CODES | --group G]:
// the service analysis (compare) of every municipality, one file each, and an index that
// links them with the overall ranking. File names come from the code and a slug of the name
// and can neither leave DIR nor collide. DIR appears whole or is left as it was. With many
// units both cores work, each with its own evaluator; the output does not depend on that.

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <fmt/format.h>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <unordered_map>
#include <sstream>

#include "cmd/commands.hpp"
#include "cmd/compare_frontier.hpp"
#include "cmd/compare_report.hpp"
#include "cmd/file_outputs.hpp"
#include "cmd/progress.hpp"
#include "nytta/metrics/rank.hpp"
#include "nytta/report/writer.hpp"
#include "nytta/report/labels.hpp"
#include "nytta/report/sqlite_store.hpp"
#include "nytta/util/atomic_dir.hpp"
#include "nytta/util/file_names.hpp"
#include "nytta/util/text.hpp"
#include "nytta/util/threads.hpp"

namespace nytta {

namespace {


struct Job {
  std::uint32_t unit;
  std::string file;
};

std::string render(const Report& r, Format f, const WriteOptions& wo) {
  std::ostringstream text;
  make_writer(f, wo)->write(r, text);
  return text.str();
}

Report index_report(Evaluator& e, const std::vector<Job>& jobs, int year, const std::string& lang, bool keep_impossible) {
  const Dataset& d = e.data();
  Table t;
  t.id = "index";
  const std::string& head = e.catalogue().headline;
  bool ranked = !head.empty() && e.knows(head) && e.can_compute(head);
  std::vector<std::size_t> rows;
  for (const Job& j : jobs) {
    if (std::optional<std::size_t> r = e.panel().row(j.unit, year)) rows.push_back(*r);
  }
  Ranking ranking;
  if (ranked) {
    const KpiColumn& col = e.column(head);
    ranking = rank_column(d, rows, col, col.def ? col.def->direction : Direction::higher_is_better, keep_impossible);
  } else {
    ranking = rank_rows(d, rows, std::vector<double>(d.row_count(), kMissing), Direction::higher_is_better);
  }
  t.title = !ranked ? fmt::format("{} {}", tr(lang, "name"), year)
            : head == "benefit_index" ? textf(lang, "report_title", year)
                                      : textf(lang, "report_title_by", year, kpi_label(e, head, lang));
  t.columns = {Column{"rank", tr(lang, "rank"), "", CellType::number, 0}, Column{"code", tr(lang, "code"), "", CellType::text, 0},
               Column{"name", tr(lang, "name"), "", CellType::text, 0}};
  t.columns.back().link_from = "file";
  if (ranked) t.columns.push_back(kpi_column(e, head, lang));
  t.columns.push_back(Column{"file", "File", "", CellType::text, 0, true, Audience::machines});
  std::unordered_map<std::uint32_t, const Job*> job_of;
  for (const Job& j : jobs) job_of.emplace(j.unit, &j);
  for (const RankEntry& entry : ranking.entries) {
    std::uint32_t u = d.row_unit[entry.row];
    const Job& job = *job_of.at(u);
    Cell name(d.units[u].name);
    std::vector<Cell> row = {ranked && entry.rank ? Cell(static_cast<double>(*entry.rank)) : Cell(), Cell(d.units[u].code), name};
    if (ranked) row.push_back(Cell::number(entry.value, t.columns.back().precision, tone_of(entry.quartile)));
    row.push_back(Cell(job.file));
    t.rows.push_back(std::move(row));
  }
  Report r;
  r.command = "batch";
  r.tables.push_back(std::move(t));
  r.meta.emplace_back("year", Cell(static_cast<double>(year)));
  add_provenance(r, e, lang);
  if (ranked) add_ranking_notes(r, e, head, ranking, year, keep_impossible, lang);
  return r;
}

}  // namespace

Outcome run_batch(const BatchOptions& o, Io& io) {
  Dataset data = load_input(o.common, io);
  Catalogue catalogue = load_catalogue(o.common);
  Evaluator e(data, catalogue);
  const std::string lang = text_lang(o.common, io);
  const std::string group = resolve_group(data, o.common.group);
  Format format = *parse_format(o.format);
  const std::string ext = format == Format::md ? "md" : format == Format::html ? "html" : format == Format::json ? "json" : "csv";
  const Against against = *parse_against(o.against);

  const std::vector<std::uint32_t> units = select_units(data, o.units, group);
  const int year = o.year ? *o.year : e.panel().years().back();
  // What the analyses leave out is said once here, and in every report's notes.
  std::vector<std::string> dropped;
  const std::vector<std::string> ids = comparable_kpis(e, dropped);
  if (ids.empty()) {
    throw DataError(fmt::format("{}: none of the KPIs of the catalogue can be computed from these data: {}",
                                fmt::join(data.sources, ", "), fmt::join(dropped, ", ")));
  }
  if (!dropped.empty() && !o.quiet) io.err << "nytta: note: " << textf("en", "note_dropped_kpis", fmt::join(dropped, ", ")) << '\n';

  std::vector<Job> jobs;
  std::vector<std::string> empty;  // in the data that year, but without a value to report
  std::set<std::string> taken = {"index"};
  for (std::uint32_t u : units) {
    std::optional<std::size_t> row = e.panel().row(u, year);
    if (!row) continue;  // not in the data that year
    if (!has_any_value(e, ids, *row)) {
      empty.push_back(data.units[u].name.empty() ? data.units[u].code : data.units[u].name);
      continue;
    }
    jobs.push_back(Job{u, unique_slug(data.units[u].code, data.units[u].name, taken) + "." + ext});
  }
  if (jobs.empty() && empty.empty()) throw UsageError(fmt::format("no unit to write for {}", year));
  if (jobs.empty()) throw DataError(fmt::format("no unit has a value to report in {}", year));
  if (!empty.empty() && !o.quiet)
    io.err << "nytta: note: " << textf("en", "note_no_report", empty.size(), year, fmt::join(empty, ", ")) << '\n';
  std::vector<std::string> inputs = input_files(o.common, io.env);
  if (!o.db.empty()) inputs.push_back(o.db);
  if (std::string why = why_not_replaceable(o.out, inputs, o.force); !why.empty()) throw FileError(why);
  // The efficiency frontier of each year and group the reports compare with: solved once
  // here, shared by every report (read only from the threads).
  std::map<std::string, CompareFrontier> frontiers;
  for (const Job& j : jobs) {
    std::string scope = compare_scope(e, CompareRequest{j.unit, year, against, group, lang, 3, o.common.keep_impossible});
    if (!frontiers.count(scope)) frontiers.emplace(scope, compare_frontier(e, year, scope));
  }
  AtomicDirectory dir(o.out);
  WriteOptions wo;
  wo.lang = lang;
  wo.raw = o.common.raw;
  wo.color = false;
  wo.width = 200;
  std::size_t threads = !o.jobs ? (jobs.size() >= 40 ? std::min<std::size_t>(2, core_count()) : 1)
                        : *o.jobs == 0 ? core_count()
                                       : static_cast<std::size_t>(*o.jobs);
  threads = std::min(threads, jobs.size());
  ProgressLine progress(io.err, !o.quiet && io.err_is_tty, "batch");
  std::atomic<std::size_t> done{0};
  std::mutex progress_mutex;
  std::vector<std::exception_ptr> errors(threads);
  std::vector<StoredReport> stored(o.db.empty() ? 0 : jobs.size());  // made by the thread that built the report
  auto work = [&](std::size_t w) {
    try {
      Evaluator mine(data, catalogue);  // evaluators cache as they go: one per thread
      RankingCache rankings(mine);
      for (std::size_t i = w; i < jobs.size(); i += threads) {
        CompareRequest q{jobs[i].unit, year, against, group, lang, 3, o.common.keep_impossible};
        q.frontier = &frontiers.at(compare_scope(mine, q));
        Report report = compare_report(mine, rankings, q);
        dir.write(jobs[i].file, render(report, format, wo));
        if (!o.db.empty()) stored[i] = stored_report(report);
        std::size_t n = ++done;
        std::lock_guard<std::mutex> lock(progress_mutex);
        progress.update(n, jobs.size());
      }
    } catch (...) {
      errors[w] = std::current_exception();
    }
  };
  run_shares(threads, work);
  progress.finish();
  for (const std::exception_ptr& err : errors) {
    if (err) std::rethrow_exception(err);
  }
  Report index = index_report(e, jobs, year, lang, o.common.keep_impossible);
  dir.write("index." + ext, render(index, format, wo));
  if (!o.db.empty()) {
    // One transaction for the whole batch: the database gets every unit or none.
    SqliteStore store(o.db, o.common.replace);
    store.begin_run("batch", run_info(o.common, io), index);
    for (const StoredReport& s : stored) store.add(s);
    store.add(stored_report(index));
    StoreCounts c = store.commit();
    if (c.kept > 0)
      io.err << fmt::format("nytta: note: {}: {} rows were already there from earlier runs and were kept (--replace to overwrite them)\n", o.db, c.kept);
  }
  dir.commit();
  if (!o.quiet) io.err << fmt::format("nytta: wrote {} reports and index.{} to {}\n", jobs.size(), ext, o.out);
  return Outcome::ok;
}

}  // namespace nytta
