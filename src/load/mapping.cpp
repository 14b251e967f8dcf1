// Parsing and checking mapping files. Everything that can be checked without the data is
// checked here, each error at its line in the mapping: unknown keys and values (with a
// suggestion), bad regular expressions, formulas that do not parse, and derived measures
// that depend on each other in a cycle.

#include "load/mapping.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <functional>
#include <map>
#include <set>
#include <toml++/toml.h>

#include "nytta/formula/formula.hpp"
#include "nytta/util/dependency_order.hpp"
#include "nytta/util/text.hpp"
#include "load/toml_reader.hpp"

namespace nytta {

namespace {

// The mapping-specific readers on top of TomlReader.
class Parser : public TomlReader {
 public:
  using TomlReader::TomlReader;

  ColumnRef column(const toml::node& n, std::string_view key) const {
    ColumnRef c;
    if (n.is_string()) {
      c.header = n.value<std::string>().value_or("");
      if (c.header.empty()) throw DataError(at(n), fmt::format("'{}' names no column", key));
    } else if (std::optional<std::int64_t> p = n.value_exact<std::int64_t>(); p && *p >= 1) {
      c.position = static_cast<std::size_t>(*p);
    } else {
      throw DataError(at(n), fmt::format("'{}' must be a column header (text) or a position (1, 2, …)", key));
    }
    return c;
  }

  ColumnRef column(const toml::table& t, std::string_view key) const {
    const toml::node* n = t.get(key);
    return n ? column(*n, key) : ColumnRef{};
  }

  std::string measure_name(const toml::key& k) const {
    std::string m(k.str());
    if (!is_snake_case(m)) throw DataError(at_key(k), "a measure name is snake_case: a-z, 0-9 and one '_' between words", m);
    return m;
  }

  void read_declaration(const toml::table& t, std::string& meaning, std::optional<Aggregation>& aggregation) const {
    meaning = string(t, "meaning");
    if (t.get("aggregate") || t.get("weight")) aggregation = this->aggregation(t, Aggregation{Aggregation::Kind::sum, {}}, false);
  }

  MeasureSource source(const toml::node& n, std::string measure) const {
    MeasureSource s;
    s.measure = std::move(measure);
    s.where = at(n);
    if (!n.is_table()) {
      s.column = column(n, s.measure);
      return s;
    }
    const toml::table& t = *n.as_table();
    allow(t, {"source", "scale", "missing", "zero_is_missing", "zero_is_missing_years", "default", "combine", "complete", "optional",
              "decimal", "meaning", "aggregate", "weight"},
          fmt::format("the source of '{}'", s.measure));
    s.column = column(t, "source");
    if (s.column.empty()) throw DataError(at(n), fmt::format("the source of '{}' needs source = \"Header\"", s.measure));
    read_cell_options(t, s);
    read_declaration(t, s.meaning, s.aggregation);
    return s;
  }

  void read_cell_options(const toml::table& t, MeasureSource& s) const {
    if (const toml::node* v = t.get("scale")) s.scale = number(*v, "scale");
    s.missing = strings(t, "missing");
    s.zero_is_missing = boolean(t, "zero_is_missing");
    if (const toml::node* y = t.get("zero_is_missing_years")) {
      const toml::array* a = y->as_array();
      if (!a) throw DataError(at(*y), "'zero_is_missing_years' must be a list of years");
      for (const toml::node& e : *a) s.zero_is_missing_years.push_back(*year(e, "zero_is_missing_years"));
      s.zero_is_missing = true;
    }
    if (const toml::node* d = t.get("default")) s.default_value = number(*d, "default");
    if (const toml::node* sc = t.get("scale"); sc && !(std::isfinite(s.scale) && s.scale != 0.0))
      throw DataError(at(*sc), "'scale' must be a finite number other than 0");
    if (s.default_value && !std::isfinite(*s.default_value)) throw DataError(at(*t.get("default")), "'default' must be a finite number");
    std::string c = string(t, "combine", "single");
    static const std::vector<std::string> kCombine = {"single", "sum", "mean", "min", "max", "same"};
    auto it = std::find(kCombine.begin(), kCombine.end(), c);
    if (it == kCombine.end())
      throw DataError(at(*t.get("combine")), fmt::format("combine must be one of single, sum, mean, min, max, same{}", did_you_mean(c, kCombine)), c);
    s.combine = static_cast<Combine>(it - kCombine.begin());
    s.complete = count(t, "complete", 0);
    s.optional = boolean(t, "optional");
    std::string dec = string(t, "decimal");
    if (dec == "." || dec == ",") s.decimal = dec[0];
    else if (!dec.empty()) throw DataError(at(*t.get("decimal")), "decimal must be '.' or ','", dec);
  }

  std::vector<MeasureSource> columns(const toml::node& n) const {
    const toml::table* t = n.as_table();
    if (!t) throw DataError(at(n), "'columns' must be a table: measure = \"Source header\"");
    std::vector<MeasureSource> out;
    for (const auto& [key, value] : *t) out.push_back(source(value, measure_name(key)));
    return out;
  }

  std::optional<RowKind> kind(const toml::table& t, std::string_view key) const {
    const toml::node* n = t.get(key);
    if (!n) return std::nullopt;
    std::string k = string(t, key);
    if (k == "unit") return RowKind::unit;
    if (k == "national") return RowKind::national;
    if (k == "region") return RowKind::region;
    throw DataError(at(*n), fmt::format("'{}' must be unit, national or region", key), k);
  }

 private:
};

void parse_input(const Parser& p, const toml::table& t, Mapping& m) {
  p.allow(t, {"delimiter", "encoding", "decimal", "header_line", "skip_after_header", "missing", "zero_is_missing", "sheet"}, "[input]");
  if (const toml::node* n = t.get("delimiter")) {
    std::optional<char> d = parse_delimiter_name(p.string(t, "delimiter"));
    if (!d) throw DataError(p.at(*n), fmt::format("delimiter must be one of {}", kDelimiterNames), p.string(t, "delimiter"));
    m.dialect.delimiter = *d;
  }
  if (const toml::node* n = t.get("encoding")) {
    std::optional<Encoding> e = parse_encoding_name(p.string(t, "encoding"));
    if (!e) throw DataError(p.at(*n), fmt::format("encoding must be one of {}", kEncodingNames), p.string(t, "encoding"));
    m.dialect.encoding = *e;
  }
  if (const toml::node* n = t.get("decimal")) {
    std::optional<char> d = parse_decimal_name(p.string(t, "decimal"));
    if (!d) throw DataError(p.at(*n), "decimal must be '.' or ','", p.string(t, "decimal"));
    m.dialect.decimal = *d;
  }
  m.header_line = std::max<std::size_t>(1, p.count(t, "header_line", 1));
  m.skip_after_header = p.count(t, "skip_after_header", 0);
  m.missing = p.strings(t, "missing");
  m.zero_is_missing = p.boolean(t, "zero_is_missing");
  m.sheet = p.string(t, "sheet");
}

void parse_json(const Parser& p, const toml::table& t, Mapping& m) {
  p.allow(t, {"contents", "select"}, "[json]");
  m.json_contents = p.string(t, "contents");
  if (const toml::node* sel = t.get("select")) {
    const toml::table* st = sel->as_table();
    if (!st) throw DataError(p.at(*sel), "'select' must be a table: dimension = \"category\"");
    for (const auto& [key, value] : *st) {
      if (!value.is_string()) throw DataError(p.at(value), "a selected category is a text in quotes: dimension = \"category\"");
      m.json_select.emplace_back(std::string(key.str()), value.value<std::string>().value_or(""));
    }
  }
}

void parse_keys(const Parser& p, const toml::table& t, Mapping& m) {
  p.allow(t, {"code", "name", "group", "group_prefix", "year", "years", "code_name", "code_pad", "name_replace", "skip_unmatched"},
          "[keys]");
  if (const toml::table* ct = t.get_as<toml::table>("code")) {
    p.allow(*ct, {"column", "pattern"}, "code");
    m.code = p.column(*ct, "column");
    m.code_pattern = p.regex(*ct, "pattern");
    if (m.code.empty() || m.code_pattern.empty())
      throw DataError(p.at(*ct), "'code' as a table needs a column and a pattern whose first group is the code");
  } else {
    m.code = p.column(t, "code");
  }
  m.name = p.column(t, "name");
  m.group = p.column(t, "group");
  m.code_pad = p.count(t, "code_pad", 0);
  m.group_prefix = p.count(t, "group_prefix", 0);
  m.skip_unmatched = p.boolean(t, "skip_unmatched");
  if (const toml::node* cn = t.get("code_name")) {
    const toml::table* ct = cn->as_table();
    if (!ct) throw DataError(p.at(*cn), "'code_name' must be { column = …, pattern = \"^(\\\\d{4}) (.+)$\" }");
    p.allow(*ct, {"column", "pattern"}, "code_name");
    m.code_name = p.column(*ct, "column");
    m.code_name_pattern = p.regex(*ct, "pattern");
    if (m.code_name.empty() || m.code_name_pattern.empty())
      throw DataError(p.at(*cn), "'code_name' needs a column and a pattern with two groups (code, name)");
  }
  if (const toml::node* nr = t.get("name_replace")) {
    const toml::array* a = nr->as_array();
    if (!a) throw DataError(p.at(*nr), "'name_replace' must be a list of { pattern = …, with = … }");
    for (const toml::node& e : *a) {
      const toml::table* et = e.as_table();
      if (!et) throw DataError(p.at(e), "'name_replace' must be a list of { pattern = …, with = … }");
      p.allow(*et, {"pattern", "with"}, "name_replace");
      m.name_replace.emplace_back(p.regex(*et, "pattern"), p.string(*et, "with"));
    }
  }
  if (const toml::node* y = t.get("year")) {
    if (y->is_integer()) {
      m.fixed_year = p.year(*y, "year");
    } else if (const toml::table* yt = y->as_table()) {
      p.allow(*yt, {"column", "pattern", "from_file"}, "year");
      m.year = p.column(*yt, "column");
      m.year_pattern = p.regex(*yt, "pattern");
      m.year_from_file = p.regex(*yt, "from_file");
    } else {
      m.year = p.column(*y, "year");
    }
  }
  if (const toml::node* ys = t.get("years")) {
    const toml::table* yt = ys->as_table();
    if (!yt) throw DataError(p.at(*ys), "'years' must be { from = 2000, to = 2022 }");
    p.allow(*yt, {"from", "to"}, "years");
    if (const toml::node* f = yt->get("from")) m.years_from = p.year(*f, "from");
    if (const toml::node* to = yt->get("to")) m.years_to = p.year(*to, "to");
    if (!m.years_from && !m.years_to) throw DataError(p.at(*ys), "'years' needs from, to or both");
    if (m.years_from && m.years_to && *m.years_from > *m.years_to) throw DataError(p.at(*ys), "'years' needs from ≤ to");
  }
  if (m.code.empty() && m.name.empty() && m.code_name.empty())
    throw DataError(Location{p.at(t).file, p.at(t).line, 0}, "[keys] needs code, name or code_name");
}

AggregateRule parse_aggregate(const Parser& p, const toml::table& t) {
  p.allow(t, {"kind", "column", "equals", "matches", "group_from"}, "[[aggregate]]");
  AggregateRule a;
  std::optional<RowKind> k = p.kind(t, "kind");
  if (!k || *k == RowKind::unit) throw DataError(p.at(t), "an [[aggregate]] rule needs kind = \"national\" or \"region\"");
  a.kind = *k;
  a.column = p.column(t, "column");
  a.equals = p.string(t, "equals");
  a.matches = p.regex(t, "matches");
  a.group_from = p.column(t, "group_from");
  if (a.column.empty() || (a.equals.empty() && a.matches.empty()))
    throw DataError(p.at(t), "an [[aggregate]] rule needs a column and equals or matches");
  return a;
}

Recode parse_recode(const Parser& p, const toml::table& t) {
  p.allow(t, {"code", "name", "to_code", "to_name", "to_kind"}, "[[recode]]");
  Recode r{p.string(t, "code"), p.string(t, "name"), p.string(t, "to_code"), p.string(t, "to_name"), p.kind(t, "to_kind")};
  if (r.code.empty() && r.name.empty()) throw DataError(p.at(t), "a [[recode]] rule needs the code or name of the row");
  return r;
}

FileRule parse_file(const Parser& p, const toml::table& t, bool wide) {
  p.allow(t, {"match", "skip", "names", "measure", "columns", "year", "scale", "missing", "zero_is_missing", "zero_is_missing_years",
              "default", "combine", "complete", "decimal", "meaning", "aggregate", "weight"},
          "[[file]]");
  FileRule f;
  f.where = p.at(t);
  f.match = p.string(t, "match");
  if (f.match.empty()) throw DataError(f.where, "a [[file]] entry needs match = \"file name or glob\"");
  f.skip = p.boolean(t, "skip");
  if (const toml::node* n = t.get("names")) {
    const toml::table* nt = n->as_table();
    if (!nt) throw DataError(p.at(*n), "'names' must be { code = \"column\", name = \"column\" } (group optional)");
    p.allow(*nt, {"code", "name", "group"}, "names");
    f.names = NameSource{p.column(*nt, "code"), p.column(*nt, "name"), p.column(*nt, "group")};
    if (f.names->code.empty() || f.names->name.empty()) throw DataError(p.at(*n), "'names' needs the code and the name column");
    for (const char* other : {"measure", "columns", "year"}) {
      if (const toml::node* o = t.get(other))
        throw DataError(p.at(*o), fmt::format("a [[file]] entry with names lists units and has no '{}'", other));
    }
    return f;
  }
  if (const toml::node* y = t.get("year")) f.year = p.year(*y, "year");
  if (const toml::node* c = t.get("columns")) f.columns = p.columns(*c);
  std::string measure = p.string(t, "measure");
  if (!measure.empty()) {
    // As in [columns]: what convert writes must read back as the same measure.
    if (!is_snake_case(measure)) throw DataError(p.at(*t.get("measure")), "a measure name is snake_case: a-z, 0-9 and one '_' between words", measure);
    f.wide.measure = measure;
    f.wide.where = p.at(*t.get("measure"));
    p.read_cell_options(t, f.wide);
    p.read_declaration(t, f.wide.meaning, f.wide.aggregation);
  }
  if (!f.skip && wide && measure.empty())
    throw DataError(f.where, "in a wide layout a [[file]] entry needs measure = \"…\" (the measure of its year columns)");
  return f;
}

// Orders derived measures so that each comes after those it uses; a cycle is an error.
std::vector<Derived> order_derived(std::vector<Derived> derived) {
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < derived.size(); ++i) index[derived[i].measure] = i;
  std::vector<std::vector<std::size_t>> uses(derived.size());
  for (std::size_t i = 0; i < derived.size(); ++i) {
    for (const std::string& n : compile_formula(derived[i].formula, derived[i].where).names) {
      if (n == derived[i].measure) throw DataError(derived[i].where, fmt::format("derived measure '{}' refers to itself", n));
      if (auto it = index.find(n); it != index.end()) uses[i].push_back(it->second);
    }
  }
  DependencyOrder order = order_by_dependencies(derived.size(), [&](std::size_t i) { return uses[i]; });
  if (!order.cycle.empty()) {
    std::vector<std::string> path;
    for (std::size_t i : order.cycle) path.push_back(derived[i].measure);
    throw DataError(derived[order.cycle[order.cycle.size() - 2]].where,
                    fmt::format("derived measures refer to each other in a cycle: {}", fmt::join(path, " → ")));
  }
  std::vector<Derived> out;
  for (std::size_t i : order.order) out.push_back(derived[i]);
  return out;
}

RangeWidening parse_range(const Parser& p, const toml::table& t) {
  p.allow(t, {"kpi", "min", "max", "flag"}, "[[range]]");
  RangeWidening w;
  w.kpi = p.string(t, "kpi");
  if (!is_snake_case(w.kpi)) throw DataError(p.at(t), "a [[range]] entry needs kpi = \"kpi_id\"", w.kpi);
  if (const toml::node* n = t.get("min")) w.range.min = p.number(*n, "min");
  if (const toml::node* n = t.get("max")) w.range.max = p.number(*n, "max");
  if (std::isnan(w.range.min) || std::isnan(w.range.max) || w.range.min > w.range.max)
    throw DataError(p.at(t), "a [[range]] entry needs min ≤ max");
  w.flag = p.string(t, "flag");
  if (w.flag.empty()) throw DataError(p.at(t), "a [[range]] entry needs flag = \"what the reader must know\"");
  return w;
}

}  // namespace

Mapping parse_mapping(std::string_view toml_text, const std::string& name) {
  Parser p(name);
  toml::table root = p.parse(toml_text);
  Mapping m;
  m.path = name;
  p.allow(root, {"name", "currency", "notes", "input", "json", "keys", "layout", "aggregate", "recode", "columns", "file", "derive",
                 "output", "range"},
          "the mapping");
  m.title = p.string(root, "name");
  m.currency = p.string(root, "currency");
  m.notes = p.string_list(root, "notes");
  if (const toml::table* t = p.table(root, "input")) parse_input(p, *t, m);
  if (const toml::table* t = p.table(root, "json")) parse_json(p, *t, m);
  const toml::table* keys = p.table(root, "keys");
  if (!keys) throw DataError(Location{name, 1, 0}, "the mapping has no [keys] table (code, name, year)");
  parse_keys(p, *keys, m);
  if (const toml::table* t = p.table(root, "layout")) {
    p.allow(*t, {"type", "year_columns"}, "[layout]");
    std::string type = p.string(*t, "type", "long");
    if (type != "long" && type != "wide") throw DataError(p.at(*t->get("type")), "layout type must be long or wide", type);
    m.wide = type == "wide";
    std::string yc = p.regex(*t, "year_columns");
    if (!yc.empty()) m.year_columns = yc;
  }
  std::vector<const toml::table*> files = p.tables(root, "file");
  if (!m.wide && m.year.empty() && !m.fixed_year && m.year_from_file.empty()) {
    bool file_years = !files.empty() && std::all_of(files.begin(), files.end(), [](const toml::table* t) {
      return t->get("year") || t->get("skip") || t->get("names");
    });
    if (!file_years) throw DataError(Location{name, p.at(*keys).line, 0}, "a long layout needs a year: [keys] year = \"column\", a number, or { from_file = … }");
  }
  for (const toml::table* t : p.tables(root, "aggregate")) m.aggregates.push_back(parse_aggregate(p, *t));
  for (const toml::table* t : p.tables(root, "recode")) m.recodes.push_back(parse_recode(p, *t));
  if (const toml::node* c = root.get("columns")) m.columns = p.columns(*c);
  for (const toml::table* t : files) m.files.push_back(parse_file(p, *t, m.wide));
  if (m.wide && m.files.empty()) throw DataError(Location{name, 1, 0}, "a wide layout needs [[file]] entries naming the measure of the year columns");
  if (!m.wide && m.columns.empty() &&
      std::none_of(m.files.begin(), m.files.end(), [](const FileRule& f) { return !f.columns.empty(); }))
    throw DataError(Location{name, 1, 0}, "the mapping names no measure columns: [columns] measure = \"Source header\"");
  if (const toml::table* t = p.table(root, "derive")) {
    std::vector<Derived> derived;
    for (const auto& [key, value] : *t) {
      Derived d;
      d.measure = p.measure_name(key);
      if (const toml::table* dt = value.as_table()) {
        p.allow(*dt, {"formula", "meaning", "aggregate", "weight"}, fmt::format("the derived measure '{}'", d.measure));
        d.formula = p.string(*dt, "formula");
        if (d.formula.empty()) throw DataError(p.at(value), fmt::format("the derived measure '{}' needs formula = \"…\"", d.measure));
        d.where = p.at(*dt->get("formula"));
        p.read_declaration(*dt, d.meaning, d.aggregation);
      } else if (value.is_string()) {
        d.formula = value.value<std::string>().value_or("");
        d.where = p.at(value);
      } else {
        throw DataError(p.at(value), "a derived measure is a formula (text) or { formula = …, meaning = …, aggregate = … }");
      }
      if (d.where.column) ++d.where.column;
      derived.push_back(std::move(d));
    }
    m.derive = order_derived(std::move(derived));
  }
  if (const toml::table* t = p.table(root, "output")) {
    p.allow(*t, {"measures"}, "[output]");
    m.output = p.string_list(*t, "measures");
  }
  for (const toml::table* t : p.tables(root, "range")) m.widenings.push_back(parse_range(p, *t));
  return m;
}

Mapping read_mapping(const std::string& path) { return parse_mapping(read_text_file(path, "mapping file"), path); }

}  // namespace nytta
