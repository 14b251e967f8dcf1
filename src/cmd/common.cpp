#include "cmd/common.hpp"
#include "cmd/file_outputs.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fmt/format.h>
#include <ostream>
#include <sstream>

#include "nytta/load/catalogue_file.hpp"
#include "nytta/util/error.hpp"
#include "nytta/load/load.hpp"
#include "nytta/load/groups.hpp"
#include "nytta/report/writer.hpp"
#include "nytta/model/header_aliases.hpp"
#include "nytta/load/number.hpp"
#include "nytta/metrics/flags.hpp"
#include "nytta/metrics/rank.hpp"
#include "nytta/report/labels.hpp"
#include "nytta/report/number_format.hpp"
#include "nytta/util/atomic_file.hpp"
#include "nytta/util/file_names.hpp"
#include "nytta/util/install_paths.hpp"
#include "nytta/util/terminal_text.hpp"
#include "nytta/util/text.hpp"

namespace nytta {

namespace {

// Yearly exports merged: say which units are in one year and not the next.
void note_comings_and_goings(Dataset& data) {
  std::vector<int> years = data.years();
  std::map<int, std::set<std::uint32_t>> present;
  for (std::size_t r = 0; r < data.row_count(); ++r) {
    if (data.unit_of(r).kind == RowKind::unit) present[data.row_year[r]].insert(data.row_unit[r]);
  }
  auto names = [&](const std::vector<std::uint32_t>& units) {
    std::vector<std::string> n;
    for (std::size_t i = 0; i < units.size() && i < 5; ++i) n.push_back(data.units[units[i]].name);
    std::string s = fmt::format("{}", fmt::join(n, ", "));
    if (units.size() > 5) s += fmt::format(" and {} more", units.size() - 5);
    return s;
  };
  for (std::size_t i = 0; i + 1 < years.size(); ++i) {
    std::vector<std::uint32_t> gone, fresh;
    for (std::uint32_t u : present[years[i]]) {
      if (!present[years[i + 1]].count(u)) gone.push_back(u);
    }
    for (std::uint32_t u : present[years[i + 1]]) {
      if (!present[years[i]].count(u)) fresh.push_back(u);
    }
    if (!gone.empty())
      data.notes.push_back(fmt::format("{} units are in the data for {} but not for {}: {}", gone.size(), years[i], years[i + 1], names(gone)));
    if (!fresh.empty())
      data.notes.push_back(fmt::format("{} units are new in {}: {}", fresh.size(), years[i + 1], names(fresh)));
  }
}

}  // namespace

CLI::Validator year_value() {
  return CLI::Validator(
      [](std::string& v) { return parse_year(v) ? std::string() : fmt::format("a year is four digits from 1000 to 9999, not '{}'", v); },
      "YEAR");
}

CLI::Validator finite_value() {
  return CLI::Validator(
      [](std::string& v) {
        ParsedNumber p = parse_number(v, NumberFormat{'.', {}});
        return p.ok() && std::isfinite(p.value) ? std::string() : fmt::format("'{}' is not a finite number", v);
      },
      "NUMBER");
}

CLI::Validator count_value(long long lo, long long hi) {
  return CLI::Validator(
      [lo, hi](std::string& v) {
        std::string t(trim(v));
        long long n = 0;
        auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), n);
        if (ec != std::errc() || end != t.data() + t.size() || n < lo || n > hi)
          return fmt::format("a whole number from {} to {} is needed, not '{}'", lo, hi, v);
        return std::string();
      },
      fmt::format("INT in [{} - {}]", lo, hi));
}

void add_common_options(CLI::App& app, CommonOptions& o, bool with_input) {
  app.add_option("-f,--format", o.format,
                 "Output format: table, csv, json, md, html, svg (the chart alone), xlsx, sqlite (default: table on a terminal, csv "
                 "otherwise)")
      ->check(CLI::IsMember({"table", "csv", "json", "md", "markdown", "html", "svg", "xlsx", "sqlite"}, CLI::ignore_case));
  app.add_option("-o,--output", o.output, "Write to FILE (atomically) instead of stdout; the extension picks the format");
  app.add_option("--color", o.color, "Colour: auto, always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option("--lang", o.lang, "Language of labels: en, sv, nb (default: from LANG)")
      ->check(CLI::IsMember({"en", "sv", "nb"}));
  app.add_option("--kpis", o.kpis_file, "KPI catalogue (TOML): a service of its own, or (unnamed or extends = \"library\") additions to the built-in one");
  app.add_flag("--raw", o.raw, "CSV: texts exactly as they are, without the ' that keeps spreadsheets from running them");
  app.add_option("--csv-dialect", o.csv_dialect, "CSV for: plain (',' and '.', default) or excel-nordic (';', decimal comma, BOM: Swedish/Norwegian Excel)")
      ->check(CLI::IsMember({"plain", "excel-nordic", "excel-sv", "excel-nb"}, CLI::ignore_case));
  app.add_flag("--replace", o.replace, "SQLite output: replace the rows of earlier runs with the same unit, year and KPI (default: keep them)");
  o.has_input = with_input;
  if (!with_input) return;
  app.add_flag("--keep-impossible", o.keep_impossible,
               "Rank values that cannot be true (a share above 1, cost with no loans) instead of listing them unranked");
  app.add_option("--sheet", o.sheet, "xlsx/ods input: the sheet to read (default: the first, or the mapping's)");
  app.add_option("--groups", o.groups_file, "Peer groups from a file: code (or name) and group columns");
  app.add_option("--group", o.group, "Only the units of this group, against the group's own references");
  app.add_option("files", o.files, "Input files (canonical long CSV); the bundled data when none")
      ->type_name("FILE…");
  app.add_option("-d,--delimiter", o.delimiter, "Field separator of the input: , ; tab | (default: detected)")
      ->check(CLI::Validator(
          [](std::string& v) { return parse_delimiter_name(v) ? std::string() : fmt::format("must be one of {}", kDelimiterNames); },
          "SEPARATOR"));
  app.add_option("--encoding", o.encoding, "Input encoding: utf-8, windows-1252, latin1 (default: detected)")
      ->check(CLI::Validator(
          [](std::string& v) { return parse_encoding_name(v) ? std::string() : fmt::format("must be one of {}", kEncodingNames); },
          "ENCODING"));
  app.add_option("--map", o.map_file, "Mapping file (TOML) for an export that is not canonical long CSV (see data/mappings/)");
  app.add_option("--max-rows", o.max_rows, "Refuse inputs with more rows than this")->capture_default_str()->check(count_value(1, 1'000'000'000));
}

std::string bundled_data_path(const Env& env) {
  return find_data_dir(env.data_dir, executable_dir(), NYTTA_DATA_DIR) + "/fi_libraries_1999_2013.csv";
}

std::vector<std::string> input_files(const CommonOptions& o, const Env& env) {
  std::vector<std::string> in = o.files;
  if (in.empty() && o.map_file.empty() && o.has_input) in.push_back(bundled_data_path(env));
  for (const std::string* f : {&o.map_file, &o.kpis_file, &o.groups_file}) {
    if (!f->empty()) in.push_back(*f);
  }
  in.insert(in.end(), o.other_inputs.begin(), o.other_inputs.end());
  return in;
}

void refuse_outputs_over_inputs(const CommonOptions& o, const Env& env) {
  std::vector<std::string> outputs = o.other_outputs;
  if (!writes_to_stdout(o)) outputs.push_back(o.output);
  std::vector<std::string> inputs = input_files(o, env);
  for (const std::string& out : outputs) {
    for (const std::string& in : inputs) {
      if (out != "-" && in != "-" && same_file(out, in))
        throw UsageError(out == in ? fmt::format("{} is an input of this command: nytta never writes over its input; choose another output file", out)
                                   : fmt::format("{} is an input of this command ({}): nytta never writes over its input; choose another output file",
                                                 out, in));
    }
  }
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    for (std::size_t j = i + 1; j < outputs.size(); ++j) {
      if (outputs[i] == outputs[j] || same_file(outputs[i], outputs[j]))
        throw UsageError(fmt::format("{} is named for two outputs: give each output its own file", outputs[i]));
    }
  }
}

Dataset load_input(const CommonOptions& o, const Io& io, const YearNeeds& needs) {
  refuse_outputs_over_inputs(o, io.env);
  LoadOptions lo;
  lo.years = needs;
  if (!o.delimiter.empty()) lo.delimiter = parse_delimiter_name(o.delimiter).value_or(0);
  if (!o.encoding.empty()) lo.encoding = parse_encoding_name(o.encoding).value_or(Encoding::automatic);
  lo.max_rows = o.max_rows;
  lo.map_file = o.map_file;
  lo.sheet = o.sheet;
  std::vector<std::string> files = o.files;
  if (files.empty() && !o.map_file.empty()) throw UsageError("--map needs the files of the export to read");
  if (files.empty()) files.push_back(bundled_data_path(io.env));
  Dataset data = load_files(files, lo);
  if (files.size() > 1) note_comings_and_goings(data);
  if (!o.groups_file.empty()) {
    std::string note = apply_groups(data, o.groups_file);
    if (!note.empty()) data.notes.push_back(note);
  }
  return data;
}

std::string group_name(const Dataset& data, const std::string& group) {
  for (const Unit& u : data.units) {
    if (u.kind == RowKind::region && u.group == group && !u.name.empty()) return u.name;
  }
  return group;
}

std::string resolve_group(const Dataset& data, const std::string& wanted) {
  if (wanted.empty()) return {};
  std::vector<std::string> groups;
  for (const Unit& u : data.units) {
    if (u.kind != RowKind::unit || u.group.empty()) continue;
    if (std::find(groups.begin(), groups.end(), u.group) == groups.end()) groups.push_back(u.group);
  }
  if (groups.empty()) throw UsageError(fmt::format("--group {}: the data have no groups (give them with --groups FILE)", wanted));
  std::string folded = fold_case(trim(wanted));
  for (const std::string& g : groups) {
    if (g == wanted || fold_case(g) == folded || fold_case(group_name(data, g)) == folded) return g;
  }
  std::vector<std::string> shown;
  for (const std::string& g : groups) {
    std::string n = group_name(data, g);
    shown.push_back(n == g ? g : fmt::format("{} ({})", n, g));
  }
  std::sort(shown.begin(), shown.end());
  std::vector<std::string> candidates = groups;
  for (const std::string& g : groups) candidates.push_back(group_name(data, g));
  std::string list = shown.size() <= 30 ? fmt::format("{}", fmt::join(shown, ", "))
                                        : fmt::format("{}, … ({} groups)", fmt::join(shown.begin(), shown.begin() + 30, ", "), shown.size());
  throw UsageError(fmt::format("no group '{}' in the data{}; the groups are: {}", wanted, did_you_mean(wanted, candidates), list));
}

std::vector<std::size_t> unit_rows(const Evaluator& e, int year, const std::string& group) {
  std::vector<std::size_t> rows;
  for (std::size_t r : e.panel().rows_of(year)) {
    const Unit& u = e.data().unit_of(r);
    if (u.kind == RowKind::unit && (group.empty() || u.group == group)) rows.push_back(r);
  }
  return rows;
}

std::string reference_label(Against against, const std::string& group, const std::string& lang) {
  switch (against) {
    case Against::national: return group.empty() ? std::string(text(lang, "national")) : group;
    case Against::mean: return group.empty() ? std::string(text(lang, "mean")) : textf(lang, "mean_of", group);
    case Against::median: return group.empty() ? std::string(text(lang, "median")) : textf(lang, "median_of", group);
    case Against::group: return std::string(text(lang, "own_group"));
  }
  return std::string(text(lang, "national"));
}

std::string reference_phrase(Against against, const std::string& group, const std::string& lang) {
  std::string label = reference_label(against, group, lang);
  // "Deviation from national", but "Deviation from Stockholms län": a name keeps its case.
  return against == Against::national && !group.empty() ? label : fold_first(label);
}

double scalar_reference(Evaluator& e, const std::string& id, int year, Against against, const std::string& group) {
  if (against == Against::national) return e.reference(id, year, group).value;
  Summary s = summarize_rows(e.column(id).values, unit_rows(e, year, group));
  return against == Against::mean ? s.mean : against == Against::median ? s.median : kMissing;
}

std::vector<double> reference_values(Evaluator& e, const std::string& id, int year, Against against,
                                     const std::string& group, const std::vector<std::size_t>& rows) {
  std::vector<double> out(rows.size(), kMissing);
  if (against != Against::group) {
    std::fill(out.begin(), out.end(), scalar_reference(e, id, year, against, group));
  } else {
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const std::string& g = e.data().unit_of(rows[i]).group;
      if (!g.empty()) out[i] = e.reference(id, year, g).value;
    }
  }
  return out;
}

std::unique_ptr<Evaluator> load_for_kpi(const CommonOptions& o, const Io& io, YearNeeds needs,
                                        const std::function<std::string(Evaluator&)>& kpi_of) {
  auto catalogue = std::make_shared<const Catalogue>(load_catalogue(o));
  auto e = std::make_unique<Evaluator>(std::make_shared<const Dataset>(load_input(o, io, needs)), catalogue);
  if (needs.all) return e;
  std::optional<int> latest = latest_year_with_values(*e, e->column(kpi_of(*e)));
  if (latest && *latest == e->panel().years().back()) return e;
  return std::make_unique<Evaluator>(std::make_shared<const Dataset>(load_input(o, io)), catalogue);
}

Catalogue load_catalogue(const CommonOptions& o) {
  if (o.kpis_file.empty()) return builtin_catalogue();
  return catalogue_from_file(read_catalogue_file(o.kpis_file));
}

Format resolve_format(const CommonOptions& o, const Io& io) {
  std::optional<Format> given = o.format.empty() ? std::nullopt : parse_format(o.format);
  std::optional<Format> by_name;
  if (!o.output.empty() && o.output != "-") {
    by_name = format_from_extension(o.output);
    if (!by_name && file_extension(o.output).size() > 0 && !given) {
      throw UsageError(fmt::format("-o {}: '.{}' is not a format nytta writes ({}); give -f FORMAT, or a file name ending in one of them",
                                   o.output, file_extension(o.output), format_names()));
    }
    if (given && by_name && *given != *by_name) {
      throw UsageError(fmt::format("-f {} but -o {} asks for {} by its name: give one of them, or names that agree", o.format,
                                   o.output, to_string(*by_name)));
    }
  }
  if (given) return *given;
  if (by_name) return *by_name;
  return (writes_to_stdout(o) && io.out_is_tty) ? Format::table : Format::csv;
}

bool writes_to_stdout(const CommonOptions& o) { return o.output.empty() || o.output == "-"; }

std::string effective_lang(const CommonOptions& o, const Io& io) {
  return o.lang.empty() ? default_lang(io.env) : o.lang;
}

std::string text_lang(const CommonOptions& o, const Io& io) {
  Format f = resolve_format(o, io);
  return f == Format::csv || f == Format::json || f == Format::sqlite ? std::string("en") : effective_lang(o, io);
}

std::string display_unit(const std::string& unit, const std::string& currency, const std::string& lang) {
  if (unit == "currency") return currency.empty() ? tr(lang, "unit_currency") : currency;
  if (unit == "raw" || unit == "count") return "";
  std::string key = "unit_" + unit;
  std::string_view t = text(lang, key);
  return t == key ? unit : std::string(t);
}

int kpi_precision(const Evaluator& e, const std::string& id) {
  const KpiDef* def = e.catalogue().find(id);
  return def ? def->precision : 0;
}

Column kpi_column(const Evaluator& e, const std::string& id, const std::string& lang,
                  const std::string& column_id) {
  Column c;
  c.id = column_id.empty() ? id : column_id;
  c.label = kpi_label(e, id, lang);
  c.unit = kpi_unit(e, id, lang);
  c.precision = kpi_precision(e, id);
  return c;
}

std::string kpi_label(const Evaluator& e, const std::string& id, const std::string& lang) {
  if (const KpiDef* def = e.catalogue().find(id)) return def->label(lang);
  if (const MeasureDef* m = e.catalogue().find_measure(id)) return m->label(lang);
  return id;
}

std::string kpi_unit(const Evaluator& e, const std::string& id, const std::string& lang) {
  const KpiDef* def = e.catalogue().find(id);
  const MeasureDef* m = e.catalogue().find_measure(id);
  return display_unit(def ? def->unit : m ? m->unit : std::string(), e.data().currency, lang);
}

std::optional<int> latest_year_with_values(const Evaluator& e, const KpiColumn& column) {
  const Dataset& d = e.data();
  std::optional<int> latest;
  for (std::size_t r = 0; r < d.row_count(); ++r) {
    if (d.unit_of(r).kind == RowKind::unit && !is_missing(column.values[r]) && (!latest || d.row_year[r] > *latest))
      latest = d.row_year[r];
  }
  return latest;
}

int choose_year(const Evaluator& e, const KpiColumn& column, std::optional<int> year) {
  const std::vector<int>& years = e.panel().years();
  if (year) {
    if (!std::binary_search(years.begin(), years.end(), *year)) {
      throw UsageError(fmt::format("no data for the year {}; the data cover {}–{}", *year, years.front(), years.back()));
    }
    return *year;
  }
  std::optional<int> latest = latest_year_with_values(e, column);
  if (!latest) throw DataError(fmt::format("{}: no unit has a value of {} in any year", fmt::join(e.data().sources, ", "), column.id));
  return *latest;
}

Tone tone_of(std::optional<int> quartile) {
  if (!quartile) return Tone::none;
  if (*quartile == 1) return Tone::good;
  if (*quartile == 4) return Tone::bad;
  return Tone::middle;
}

void add_provenance(Report& report, const Evaluator& e, const std::string& lang) {
  const Catalogue& c = e.catalogue();
  const Dataset& d = e.data();
  report.meta.emplace_back("catalogue", Cell(c.name));
  report.meta.emplace_back("catalogue_version", Cell(c.version));
  report.meta.emplace_back("definitions", Cell(definitions_hash(c, e.used_kpis())));
  report.sources = d.sources;
  for (const std::string& n : d.about) report.notes.push_back(n);
  for (const MeasureDeclaration& decl : d.declarations) {
    if (!decl.meaning.empty()) report.notes.push_back(fmt::format("{}: {}", decl.measure, decl.meaning));
  }
  for (const std::string& n : d.notes) report.notes.push_back(n);
  for (const KpiNote& n : e.notes()) {
    switch (n.kind) {
      case KpiNote::Kind::published: {
        Aggregation a = e.measure_aggregation(n.kpi);
        report.notes.push_back(a.kind == Aggregation::Kind::none ? textf(lang, "note_published", n.kpi)
                                                                  : textf(lang, "note_published_aggregated", n.kpi, to_string(a)));
        break;
      }
      case KpiNote::Kind::fallback:
        if (const KpiDef* def = c.find(n.kpi); def && !def->fallback_text(lang).empty())
          report.notes.push_back(fmt::format("{}: {}", n.kpi, def->fallback_text(lang)));
        break;
      case KpiNote::Kind::dropped:
      case KpiNote::Kind::no_aggregate: report.notes.push_back(n.detail); break;
    }
  }
  if (std::string unused = unused_columns_note(e); !unused.empty()) report.notes.push_back(unused);
}

void add_ranking_notes(Report& report, Evaluator& e, const std::string& id, const Ranking& r, int year, bool keep_impossible,
                       const std::string& lang) {
  const Dataset& d = e.data();
  std::vector<std::string> impossible, flagged, jumped;
  std::size_t n_impossible = 0, n_flagged = 0, n_jumped = 0;
  auto name = [&](std::size_t row, const std::string& why) {
    const Unit& u = d.unit_of(row);
    return fmt::format("{} ({})", u.name.empty() ? u.code : u.name, why);
  };
  auto add = [](std::vector<std::string>& to, std::size_t& n, std::string text) {
    if (++n <= 5) to.push_back(std::move(text));
  };
  for (const RankEntry& entry : r.entries) {
    if (is_missing(entry.value)) continue;
    if (is_impossible(entry.status)) add(impossible, n_impossible, name(entry.row, e.flag(id, entry.row)));
    else if (entry.status != ValueStatus::ok) add(flagged, n_flagged, name(entry.row, e.flag(id, entry.row)));
    else if (std::string j = jump_flag(e, id, entry.row); !j.empty()) add(jumped, n_jumped, name(entry.row, j));
  }
  auto list = [](const std::vector<std::string>& names, std::size_t n) {
    std::string s = fmt::format("{}", fmt::join(names, "; "));
    if (n > names.size()) s += fmt::format("; and {} more", n - names.size());
    return s;
  };
  std::size_t listed = 0;
  for (const RankEntry& entry : r.entries) listed += !is_missing(entry.value);
  if (n_impossible > 0) {
    report.notes.push_back(keep_impossible ? textf(lang, "note_ranked_impossible", id, year, n_impossible, list(impossible, n_impossible))
                                           : textf(lang, "note_not_ranked_impossible", id, year, n_impossible, listed,
                                                   list(impossible, n_impossible)));
  }
  if (n_flagged > 0) report.notes.push_back(textf(lang, "note_flagged", id, year, n_flagged, list(flagged, n_flagged)));
  if (n_jumped > 0) report.notes.push_back(textf(lang, "note_jumps", id, year, n_jumped, list(jumped, n_jumped)));
}

std::string unused_columns_note(const Evaluator& e) {
  const Catalogue& c = e.catalogue();
  std::set<std::string> used;
  for (const KpiDef& k : c.kpis) {
    for (const std::string* f : {&k.formula, &k.fallback_formula}) {
      if (f->empty()) continue;
      try {
        FormulaRefs refs = formula_refs(*f, k.defined_at);
        used.insert(refs.names.begin(), refs.names.end());
      } catch (const DataError&) {
      }
    }
    used.insert(k.id);
  }
  for (const MeasureDef& m : c.measures) used.insert(m.id);
  for (const std::string& t : c.trend_ids) used.insert(t);
  std::vector<std::string> parts;
  for (const Measure& m : e.data().measures) {
    if (used.count(m.name)) continue;
    const std::string& header = m.header.empty() ? m.name : m.header;
    std::optional<AliasMatch> near = closest_alias(header);
    parts.push_back(near ? fmt::format("'{}' (did you mean '{}', {}?)", header, near->spelling, near->canonical)
                         : fmt::format("'{}'", header));
  }
  if (parts.empty()) return {};
  return fmt::format("{} no KPI uses: {}", parts.size() == 1 ? "a column" : "columns", fmt::join(parts, ", "));
}

void add_reference_note(Report& report, Evaluator& e, const std::vector<std::string>& ids,
                        const std::vector<int>& years, const std::string& lang) {
  std::vector<std::string> parts;
  for (const std::string& id : ids) {
    std::vector<std::string> in_years;
    for (int y : years) {
      const NationalValue& v = e.national(id, y);
      if (!v.disagrees()) continue;
      double pct = (v.summed_value / v.value - 1.0) * 100.0;
      in_years.push_back(fmt::format("{} {}{} %", y, pct > 0 ? "+" : "", format_human(pct, 1, lang)));
    }
    if (!in_years.empty()) parts.push_back(fmt::format("{} ({})", id, fmt::join(in_years, ", ")));
  }
  if (parts.empty()) return;
  report.notes.push_back(textf(lang, "note_reference_differs", fmt::join(parts, "; ")));
}

void emit(const Report& report, const CommonOptions& o, Io& io, OutputFiles* together) {
  refuse_outputs_over_inputs(o, io.env);
  const Format format = resolve_format(o, io);
  const bool to_stdout = writes_to_stdout(o);
  if (format == Format::svg && report.charts.empty())
    throw UsageError(fmt::format("nytta {} draws no chart for -f svg; report, trend, quadrant and compare do", report.command));
  WriteOptions wo;
  wo.lang = effective_lang(o, io);
  wo.raw = o.raw;
  ColorMode mode = o.color == "always" ? ColorMode::always : o.color == "never" ? ColorMode::never : ColorMode::automatic;
  bool to_terminal = to_stdout && io.out_is_tty;
  wo.color = format == Format::table && use_color(mode, to_terminal, io.env);
  wo.width = terminal_width(to_terminal, io.env);

  if (format == Format::xlsx || format == Format::sqlite) {
    const char* ext = format == Format::xlsx ? "xlsx" : "sqlite";
    if (to_stdout) throw UsageError(fmt::format("-f {} writes a file: give -o FILE.{}", ext, ext));
    write_file_output(report, format, o, io, wo);
    return;
  }
  if (!o.csv_dialect.empty()) {
    wo.csv_dialect = *parse_csv_dialect(o.csv_dialect);
    if (format != Format::csv && wo.csv_dialect != CsvDialect::plain)
      throw UsageError(fmt::format("--csv-dialect {} is for CSV output, not {}", o.csv_dialect, o.format.empty() ? "this format" : o.format));
  }
  std::unique_ptr<Writer> writer = make_writer(format, wo);
  if (format == Format::csv) {
    for (const std::string& n : report.notes) io.err << "nytta: note: " << terminal_safe(n) << '\n';
  }
  if (!to_stdout) {
    auto write = [&](std::ostream& out) { writer->write(report, out); };
    if (together) together->add(o.output, write);
    else write_file_atomically(o.output, write);
    return;
  }
  // Straight to stdout, without a copy of everything in memory first.
  errno = 0;
  writer->write(report, io.out);
  io.out.flush();
  if (!io.out) {
    if (errno == EPIPE) throw BrokenPipe{};
    throw FileError(fmt::format("cannot write to standard output: {}", errno ? system_message(errno) : "write error"));
  }
}

void write_stdout(std::string_view text, Io& io) {
  errno = 0;
  io.out << text;
  io.out.flush();
  if (!io.out) {
    if (errno == EPIPE) throw BrokenPipe{};
    throw FileError(fmt::format("cannot write to standard output: {}", errno ? system_message(errno) : "write error"));
  }
}

std::vector<std::uint32_t> select_units(const Dataset& data, const std::vector<std::string>& keys, const std::string& group) {
  std::vector<std::uint32_t> units;
  for (const std::string& key : keys) units.push_back(find_unit(data, key));
  if (keys.empty()) {
    for (std::uint32_t u = 0; u < data.units.size(); ++u) {
      if (data.units[u].kind == RowKind::unit && (group.empty() || data.units[u].group == group)) units.push_back(u);
    }
  }
  std::stable_sort(units.begin(), units.end(), [&](std::uint32_t a, std::uint32_t b) { return unit_less(data.units[a], data.units[b]); });
  units.erase(std::unique(units.begin(), units.end()), units.end());
  return units;
}

std::uint32_t find_unit(const Dataset& data, const std::string& key) {
  std::string wanted = fold_case(trim(key));
  std::vector<std::string> keys;
  std::vector<std::uint32_t> by_name;
  for (std::uint32_t u = 0; u < data.units.size(); ++u) {
    const Unit& unit = data.units[u];
    if (unit.kind != RowKind::unit) continue;
    if (fold_case(unit.code) == wanted) return u;  // a code names one unit
    if (fold_case(unit.name) == wanted) by_name.push_back(u);
    keys.push_back(unit.key());
  }
  if (by_name.size() == 1) return by_name.front();
  if (by_name.size() > 1) {
    // Over 500 US library names are shared: never the first in file order.
    std::vector<std::string> codes;
    for (std::size_t i = 0; i < by_name.size() && i < 10; ++i) {
      const Unit& u = data.units[by_name[i]];
      codes.push_back(u.group.empty() ? u.code : fmt::format("{} ({})", u.code, u.group));
    }
    throw UsageError(fmt::format("'{}' is ambiguous: {} units have that name: {}{}; give the code", key, by_name.size(),
                                 fmt::join(codes, ", "), by_name.size() > codes.size() ? ", …" : ""));
  }
  throw UsageError(fmt::format("no unit '{}' in the data{}", key, did_you_mean(key, keys)));
}

}  // namespace nytta
