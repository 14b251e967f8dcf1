// Every command's flags, in the order of `nytta --help`. A setup declares the flags into a
// shared options struct and returns the runner that main() calls once parsing succeeded;
// files a command reads or writes besides FILE and -o are named here, so that the checks
// of common.cpp (outputs never over inputs, inputs readable) see them.

#include <memory>
#include <optional>

#include "cmd/cli.hpp"
#include "nytta/report/writer.hpp"
#include "nytta/util/error.hpp"

namespace nytta {

namespace {

constexpr Command kCommands[] = {
    {"report", "the main job: latest year ranked by benefit index, national row and trend", setup_report},
    {"rank", "rank every unit on one KPI in one year", setup_rank},
    {"trend", "change of one KPI between two years, per unit and for the nation", setup_trend},
    {"compare", "one municipality's service analysis: every KPI against a reference, strengths, weaknesses", setup_compare},
    {"quadrant", "results against input factors: four quadrants and the correlation", setup_quadrant},
    {"goal", "will the goal be reached? a least-squares projection of the trend", setup_goal},
    {"target", "procurement options: A more benefit at the same cost, B the same benefit at lower cost", setup_target},
    {"explain", "take one number apart: formula, inputs, references, rank", setup_explain},
    {"similar", "the municipalities most like one, by standardised distance", setup_similar},
    {"frontier", "efficiency frontier (DEA): score, peers, targets and the money potential of every unit", setup_frontier},
    {"malmquist", "productivity change between years: efficiency change times technical change (DEA)", setup_malmquist},
    {"kpis", "list the KPI catalogue: ids, formulas, units, directions", setup_kpis},
    {"check", "rules for CI: bounds, changes, rank, missing values; exit 1 when an error rule fails", setup_check},
    {"batch", "one service analysis per municipality into a directory, with an index", setup_batch},
    {"validate", "data-quality report: missing values, duplicates, impossible values, jumps, aggregates", setup_validate},
    {"convert", "turn an export described by a mapping file into canonical long CSV", setup_convert},
    {"completion", "print the shell completion script for bash or zsh", setup_completion},
};

}  // namespace

std::span<const Command> commands() { return kCommands; }

Runner setup_batch(CLI::App& app) {
  auto o = std::make_shared<BatchOptions>();
  app.add_option("--out", o->out, "Directory for the reports (replaced as a whole when done)")->required();
  // --units is the spelling of earlier versions, kept so that scripts go on working.
  app.add_option("--unit,--units", o->units, "Only this unit (code or name); repeatable, or comma-separated")
      ->delimiter(',')
      ->allow_extra_args(false);
  app.add_option("--year", o->year, "Year (default: the latest year of the data)")->check(year_value());
  app.add_option("--against", o->against, "Reference: national, mean, median, group")
      ->check(CLI::IsMember({"national", "mean", "median", "group"}))
      ->capture_default_str();
  app.add_flag("-q,--quiet", o->quiet, "No progress and no summary line on stderr");
  app.add_flag("--force", o->force, "Replace --out even when nytta did not write it (never a directory holding an input or the current one)");
  app.add_option("-j,--jobs", o->jobs, "Worker threads, 1 to 256, 0 = all cores (default: 2 when there are many units)")
      ->check(count_value(0, 256));
  app.add_option("--db", o->db, "Also write every unit's analysis into this SQLite database (added to, in one transaction)");
  add_common_options(app, o->common);
  app.get_option("--format")->description("Format of the reports: md, html, json, csv (default md)");
  return [o](Io& io) {
    BatchOptions copy = *o;
    if (!copy.db.empty()) copy.common.other_outputs = {copy.db};
    if (!copy.common.format.empty()) copy.format = copy.common.format;
    copy.common.format = copy.format;  // the language of the texts follows the format of the files
    std::optional<Format> f = parse_format(copy.format);
    if (f == Format::table || f == Format::svg || f == Format::xlsx || f == Format::sqlite)
      throw UsageError("batch writes files: --format md, html, json or csv (and --db FILE for SQLite)");
    return run_batch(copy, io);
  };
}

Runner setup_check(CLI::App& app) {
  auto o = std::make_shared<CheckOptions>();
  app.add_option("--rules", o->rules, "Rules file (TOML), see data/rules/example.toml")->required();
  app.add_option("--junit", o->junit, "Also write JUnit XML to FILE (one testsuite per rule, one testcase per unit)");
  app.add_option("--annotations", o->annotations,
                 "Print CI annotations on stdout instead of the table: github (workflow commands: ::error file=F,line=N::message)")
      ->check(CLI::IsMember({"github"}));
  app.add_option("--gitlab-report", o->gitlab_report, "Also write a GitLab code-quality report (JSON) to FILE");
  add_common_options(app, o->common);
  return [o](Io& io) {
    o->common.other_inputs = {o->rules};
    o->common.other_outputs.clear();
    if (!o->junit.empty()) o->common.other_outputs.push_back(o->junit);
    if (!o->gitlab_report.empty()) o->common.other_outputs.push_back(o->gitlab_report);
    return run_check(*o, io);
  };
}

Runner setup_compare(CLI::App& app) {
  auto o = std::make_shared<CompareOptions>();
  app.add_option("--unit", o->unit, "The unit (code or name)")->required();
  app.add_option("--year", o->year, "Year (default: the unit's latest year)")->check(year_value());
  app.add_option("--against", o->against, "Reference: national, mean, median, group (the unit's own group)")
      ->check(CLI::IsMember({"national", "mean", "median", "group"}))
      ->capture_default_str();
  app.add_option("--strengths", o->strengths, "How many strengths and weaknesses to list")->capture_default_str()->check(count_value(0, 100));
  add_common_options(app, o->common);
  return [o](Io& io) { return run_compare(*o, io); };
}

Runner setup_convert(CLI::App& app) {
  auto o = std::make_shared<ConvertOptions>();
  add_common_options(app, o->common);
  return [o](Io& io) { return run_convert(*o, io); };
}

Runner setup_explain(CLI::App& app) {
  auto o = std::make_shared<ExplainOptions>();
  app.add_option("--unit", o->unit, "The unit (code or name)")->required();
  app.add_option("--kpi", o->kpi, "KPI id or measure")->required();
  app.add_option("--year", o->year, "Year (default: the latest year with values)")->check(year_value());
  add_common_options(app, o->common);
  return [o](Io& io) { return run_explain(*o, io); };
}

Runner setup_frontier(CLI::App& app) {
  auto o = std::make_shared<FrontierOptions>();
  add_frontier_flags(app, o->flags, {"crs", "vrs", "drs", "irs", "fdh"}, true);
  app.add_option("--year", o->year, "Year (default: the latest year with values of every input and output)");
  app.add_flag("--super", o->super, "Super-efficiency (Andersen–Petersen) to rank the efficient units");
  app.add_option("--unit", o->units, "Highlight this unit (code or name) and show its peers; repeatable")->allow_extra_args(false);
  add_common_options(app, o->common);
  return [o](Io& io) { return run_frontier(*o, io); };
}

Runner setup_goal(CLI::App& app) {
  auto o = std::make_shared<GoalOptions>();
  app.add_option("--kpi", o->kpi, "KPI id or measure")->required();
  app.add_option("--target", o->target, "The goal value, in the KPI's unit (a share: 1 = 100 %)")->required()->check(finite_value());
  // --by is the spelling of earlier versions, kept so that scripts go on working.
  app.add_option("--by-year,--by", o->by, "The year the goal is for")->required()->check(year_value());
  app.add_option("--unit", o->units, "Only this unit (code or name); repeatable")->allow_extra_args(false);
  app.add_option("--last", o->last, "Years of the trend the line is fitted to")->capture_default_str()->check(count_value(2, 100));
  add_common_options(app, o->common);
  return [o](Io& io) { return run_goal(*o, io); };
}

Runner setup_kpis(CLI::App& app) {
  auto o = std::make_shared<KpisOptions>();
  add_common_options(app, o->common, false);
  return [o](Io& io) { return run_kpis(*o, io); };
}

Runner setup_malmquist(CLI::App& app) {
  auto o = std::make_shared<MalmquistOptions>();
  add_frontier_flags(app, o->flags, {"crs", "vrs"}, false);
  app.add_option("--from", o->from, "The earlier year (default: the year before --to; the first year with --chain)");
  app.add_option("--to", o->to, "The later year (default: the latest year of the data)");
  app.add_flag("--chain", o->chain, "Every pair of consecutive years from --from to --to, and the chained index");
  add_common_options(app, o->common);
  return [o](Io& io) { return run_malmquist(*o, io); };
}

Runner setup_quadrant(CLI::App& app) {
  auto o = std::make_shared<QuadrantOptions>();
  app.add_option("--result", o->result, "The result KPI (e.g. visits_per_inhabitant)")->required();
  app.add_option("--input", o->input, "The input KPI (e.g. cost_per_inhabitant)")->required();
  app.add_option("--year", o->year, "Year (default: the latest year with values)")->check(year_value());
  app.add_option("--against", o->against, "Reference lines: national, mean, median")
      ->check(CLI::IsMember({"national", "mean", "median"}))
      ->capture_default_str();
  app.add_option("--unit", o->units, "Label this unit (code or name) in the chart; repeatable")->allow_extra_args(false);
  add_common_options(app, o->common);
  return [o](Io& io) { return run_quadrant(*o, io); };
}

Runner setup_rank(CLI::App& app) {
  auto o = std::make_shared<RankOptions>();
  app.add_option("--kpi", o->kpi, "KPI id or measure to rank by (see `nytta kpis`)")->required();
  app.add_option("--year", o->year, "Year (default: the latest year with values)")->check(year_value());
  app.add_option("--top", o->top, "Show only the first N units (and those given with --unit)")->check(count_value(1, 100000000));
  app.add_option("--unit", o->units, "Mark this unit (code or name) and show it even below --top; repeatable")
      ->allow_extra_args(false);
  app.add_option("--against", o->against, "Reference for the deviation: national, mean, median, group")
      ->check(CLI::IsMember({"national", "mean", "median", "group"}))
      ->capture_default_str();
  add_common_options(app, o->common);
  return [o](Io& io) { return run_rank(*o, io); };
}

Runner setup_report(CLI::App& app) {
  auto o = std::make_shared<ReportOptions>();
  app.add_option("--year", o->year, "Year to rank (default: the latest year with values); the national trend ends there")->check(year_value());
  app.add_option("--movers", o->movers, "How many units to list as biggest movers up and down")->capture_default_str()->check(count_value(0, 1000));
  app.add_option("--unit", o->units, "Highlight this unit (code or name) in the chart; repeatable")->allow_extra_args(false);
  add_common_options(app, o->common);
  return [o](Io& io) { return run_report(*o, io); };
}

Runner setup_similar(CLI::App& app) {
  auto o = std::make_shared<SimilarOptions>();
  app.add_option("--unit", o->unit, "The unit (code or name)")->required();
  app.add_option("-k", o->k, "How many similar units")->capture_default_str()->check(count_value(1, 100000000));
  // --by is the spelling of earlier versions, kept so that scripts go on working.
  app.add_option("--variables,--by", o->by, "Measures or KPIs to compare on, ':log' for a log scale; repeatable or comma-separated")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->capture_default_str();
  app.add_option("--year", o->year, "Year (default: the latest year with values)")->check(year_value());
  add_common_options(app, o->common);
  return [o](Io& io) { return run_similar(*o, io); };
}

Runner setup_target(CLI::App& app) {
  auto o = std::make_shared<TargetOptions>();
  app.add_option("--unit", o->unit, "The unit (code or name)")->required();
  app.add_option("--year", o->year, "Year (default: the latest year with values)")->check(year_value());
  app.add_option("--option", o->option, "A: more benefit at the same cost; B: the same benefit at lower cost")
      ->required()
      ->check(CLI::IsMember({"A", "B", "a", "b"}));
  app.add_option("--percent", o->percent, "How much more benefit (A) or less cost (B), in percent")
      ->capture_default_str()
      ->check(finite_value())
      ->check(CLI::Range(0.1, 99.0));
  app.add_option("--method", o->method,
                 "ratio: the key figures raised or cut alike; frontier: also what the efficiency frontier (DEA) shows possible")
      ->check(CLI::IsMember({"ratio", "frontier"}))
      ->capture_default_str();
  app.add_option("--rts", o->rts, "Returns to scale of the frontier: crs, vrs, drs, irs, fdh")
      ->check(CLI::IsMember({"crs", "vrs", "drs", "irs", "fdh"}))
      ->capture_default_str();
  add_common_options(app, o->common);
  return [o](Io& io) { return run_target(*o, io); };
}

Runner setup_trend(CLI::App& app) {
  auto o = std::make_shared<TrendOptions>();
  app.add_option("--kpi", o->kpi, "KPI id or measure (see `nytta kpis`)")->required();
  app.add_option("--unit", o->units, "Only this unit (code or name); repeatable")->allow_extra_args(false);
  app.add_option("--from", o->from, "First year (default: the first year with values)")->check(year_value());
  app.add_option("--to", o->to, "Last year (default: the last year with values)")->check(year_value());
  app.add_option("--base-year", o->base_year, "Year = 100 for the index, and the prices of real terms (default: --from)")->check(year_value());
  app.add_option("--against", o->against, "Reference line: national, mean, median")
      ->check(CLI::IsMember({"national", "mean", "median"}))
      ->capture_default_str();
  app.add_option("--cpi", o->cpi_file, "Consumer price index (year,cpi) for real terms of currency KPIs, e.g. data/se_cpi_1980_2025.csv");
  add_common_options(app, o->common);
  return [o](Io& io) {
    if (!o->cpi_file.empty()) o->common.other_inputs = {o->cpi_file};
    return run_trend(*o, io);
  };
}

Runner setup_validate(CLI::App& app) {
  auto o = std::make_shared<ValidateOptions>();
  app.add_option("--jump-factor", o->jump_factor, "Flag a KPI or measure that changes by more than this factor in a year")
      ->capture_default_str()
      ->check(finite_value())
      ->check(CLI::Range(1.0, 1000.0));
  add_common_options(app, o->common);
  return [o](Io& io) { return run_validate(*o, io); };
}

}  // namespace nytta
