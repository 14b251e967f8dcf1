// What a command writes: the format and language, the labels and units of columns, the
// notes on provenance, ranking and references, and the Report sent to stdout or files.
#include "cmd/common.hpp"
#include "cmd/file_outputs.hpp"
#include <algorithm>
#include <optional>
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
#include "nytta/util/terminal_text.hpp"
#include "nytta/util/text.hpp"

namespace nytta {

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
Tone tone_of(std::optional<int> quartile) {
  if (!quartile) return Tone::none;
  if (*quartile == 1) return Tone::good;
  if (*quartile == 4) return Tone::bad;
  return Tone::middle;
}
void add_provenance(Report& report, const Evaluator& e, const std::string& lang, const std::vector<std::string>& also_used) {
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
        // Without its weight there is no national value from the units (a no_aggregate note says why).
        bool none = a.kind == Aggregation::Kind::none || (a.kind == Aggregation::Kind::weighted_mean && !d.find_measure(a.weight));
        report.notes.push_back(none ? textf(lang, "note_published", n.kpi)
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
  if (std::string unused = unused_columns_note(e, also_used); !unused.empty()) report.notes.push_back(unused);
}
std::string unused_columns_note(const Evaluator& e, const std::vector<std::string>& also_used) {
  const Catalogue& c = e.catalogue();
  std::set<std::string> used(also_used.begin(), also_used.end());
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
bool writes_to_stdout(const CommonOptions& o) { return o.output.empty() || o.output == "-"; }
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
  // The jump test inline, its text only for the rows that jumped: this runs over every
  // ranked unit (500,000 in the largest benchmark).
  const std::vector<const KpiColumn*> jumping = jump_columns(e, id);
  const std::optional<int> prev = e.panel().previous_year(year);
  auto jumped_row = [&](std::size_t row) {
    std::optional<std::size_t> before = prev ? e.panel().row(d.row_unit[row], *prev) : std::nullopt;
    return before && std::any_of(jumping.begin(), jumping.end(),
                                 [&](const KpiColumn* c) { return is_jump(c->values[*before], c->values[row]); });
  };
  for (const RankEntry& entry : r.entries) {
    if (is_missing(entry.value)) continue;
    if (is_impossible(entry.status)) add(impossible, n_impossible, name(entry.row, e.flag(id, entry.row)));
    else if (entry.status != ValueStatus::ok) add(flagged, n_flagged, name(entry.row, e.flag(id, entry.row)));
    else if (jumped_row(entry.row)) add(jumped, n_jumped, name(entry.row, jump_flag(e, id, entry.row)));
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

}  // namespace nytta
