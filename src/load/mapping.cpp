// Parsing and checking mapping files. Everything that can be checked without the data is
// checked here, each error at its line in the mapping: unknown keys and values (with a
// suggestion), bad regular expressions, formulas that do not parse, and derived measures
// that depend on each other in a cycle.

#include "load/mapping.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <toml++/toml.h>

#include "metrics/formula.hpp"
#include "util/text.hpp"
#include "util/toml_reader.hpp"

namespace nytta {

std::string ColumnRef::describe() const {
  return position > 0 ? fmt::format("column {}", position) : fmt::format("column '{}'", header);
}

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
    bool ok = !m.empty() && !(m[0] >= '0' && m[0] <= '9') &&
              std::all_of(m.begin(), m.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
    if (!ok) throw DataError(at_key(k), "a measure name is snake_case: a-z, 0-9 and '_'", m);
    return m;
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
    allow(t, {"source", "scale", "missing", "zero_is_missing", "zero_is_missing_years", "default", "combine", "complete", "optional", "decimal"},
          fmt::format("the source of '{}'", s.measure));
    s.column = column(t, "source");
    read_cell_options(t, s);
    return s;
  }

  void read_cell_options(const toml::table& t, MeasureSource& s) const {
    if (const toml::node* v = t.get("scale")) s.scale = number(*v, "scale");
    s.missing = strings(t, "missing");
    s.zero_is_missing = boolean(t, "zero_is_missing");
    if (const toml::node* y = t.get("zero_is_missing_years")) {
      const toml::array* a = y->as_array();
      if (!a) throw DataError(at(*y), "'zero_is_missing_years' must be a list of years");
      for (const toml::node& e : *a) {
        std::optional<std::int64_t> v = e.value_exact<std::int64_t>();
        if (!v) throw DataError(at(e), "'zero_is_missing_years' must be a list of years");
        s.zero_is_missing_years.push_back(static_cast<int>(*v));
      }
      s.zero_is_missing = true;
    }
    if (const toml::node* d = t.get("default")) s.default_value = number(*d, "default");
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
  std::string d = p.string(t, "delimiter");
  if (d == "tab" || d == "\t") m.dialect.delimiter = '\t';
  else if (d.size() == 1 && kDelimiterCandidates.find(d[0]) != std::string_view::npos) m.dialect.delimiter = d[0];
  else if (!d.empty()) throw DataError(p.at(*t.get("delimiter")), "delimiter must be one of , ; tab |", d);
  std::string e = normalize_name(p.string(t, "encoding"));
  if (e == "utf_8" || e == "utf8") m.dialect.encoding = Encoding::utf8;
  else if (e == "windows_1252" || e == "cp1252" || e == "latin1" || e == "latin_1" || e == "iso_8859_1") m.dialect.encoding = Encoding::cp1252;
  else if (!e.empty() && e != "auto") throw DataError(p.at(*t.get("encoding")), "encoding must be utf-8, windows-1252, latin1 or auto", e);
  std::string dec = p.string(t, "decimal");
  if (dec == "." || dec == ",") m.dialect.decimal = dec[0];
  else if (!dec.empty()) throw DataError(p.at(*t.get("decimal")), "decimal must be '.' or ','", dec);
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
  p.allow(t, {"code", "name", "group", "group_prefix", "year", "code_name", "code_pad", "name_replace", "skip_unmatched"}, "[keys]");
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
    if (std::optional<std::int64_t> fixed = y->value_exact<std::int64_t>()) {
      m.fixed_year = static_cast<int>(*fixed);
    } else if (const toml::table* yt = y->as_table()) {
      p.allow(*yt, {"column", "pattern", "from_file"}, "year");
      m.year = p.column(*yt, "column");
      m.year_pattern = p.regex(*yt, "pattern");
      m.year_from_file = p.regex(*yt, "from_file");
    } else {
      m.year = p.column(*y, "year");
    }
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
  p.allow(t, {"match", "skip", "measure", "columns", "year", "scale", "missing", "zero_is_missing", "zero_is_missing_years",
              "default", "combine", "complete", "decimal"},
          "[[file]]");
  FileRule f;
  f.where = p.at(t);
  f.match = p.string(t, "match");
  if (f.match.empty()) throw DataError(f.where, "a [[file]] entry needs match = \"file name or glob\"");
  f.skip = p.boolean(t, "skip");
  if (const toml::node* y = t.get("year")) {
    std::optional<std::int64_t> v = y->value_exact<std::int64_t>();
    if (!v) throw DataError(p.at(*y), "'year' of a [[file]] must be a year");
    f.year = static_cast<int>(*v);
  }
  if (const toml::node* c = t.get("columns")) f.columns = p.columns(*c);
  std::string measure = p.string(t, "measure");
  if (!measure.empty()) {
    f.wide.measure = measure;
    f.wide.where = p.at(*t.get("measure"));
    p.read_cell_options(t, f.wide);
  }
  if (!f.skip && wide && measure.empty())
    throw DataError(f.where, "in a wide layout a [[file]] entry needs measure = \"…\" (the measure of its year columns)");
  return f;
}

// Orders derived measures so that each comes after those it uses; a cycle is an error.
std::vector<Derived> order_derived(std::vector<Derived> derived) {
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < derived.size(); ++i) index[derived[i].measure] = i;
  std::vector<int> state(derived.size(), 0);
  std::vector<Derived> out;
  std::vector<std::string> path;
  std::function<void(std::size_t)> visit = [&](std::size_t i) {
    state[i] = 1;
    path.push_back(derived[i].measure);
    CompiledFormula f = compile_formula(derived[i].formula, derived[i].where);
    for (const std::string& n : f.names) {
      auto it = index.find(n);
      if (it == index.end() || it->second == i) continue;
      if (state[it->second] == 1) {
        path.push_back(n);
        throw DataError(derived[i].where, fmt::format("derived measures refer to each other in a cycle: {}", fmt::join(path, " → ")));
      }
      if (state[it->second] == 0) visit(it->second);
    }
    for (const std::string& n : f.names) {
      if (n == derived[i].measure)
        throw DataError(derived[i].where, fmt::format("derived measure '{}' refers to itself", n));
    }
    path.pop_back();
    state[i] = 2;
    out.push_back(derived[i]);
  };
  for (std::size_t i = 0; i < derived.size(); ++i) {
    if (state[i] == 0) visit(i);
  }
  return out;
}

}  // namespace

Mapping parse_mapping(std::string_view toml_text, const std::string& name) {
  Parser p(name);
  toml::table root = p.parse(toml_text);
  Mapping m;
  m.path = name;
  p.allow(root, {"name", "currency", "notes", "input", "json", "keys", "layout", "aggregate", "recode", "columns", "file", "derive", "output"},
          "the mapping");
  m.title = p.string(root, "name");
  m.currency = p.string(root, "currency");
  if (const toml::node* n = root.get("notes")) {
    const toml::array* a = n->as_array();
    if (!a) throw DataError(p.at(*n), "'notes' must be a list of strings");
    for (const toml::node& e : *a) m.notes.push_back(e.value<std::string>().value_or(""));
  }
  if (const toml::table* t = root["input"].as_table()) parse_input(p, *t, m);
  if (const toml::table* t = root["json"].as_table()) parse_json(p, *t, m);
  const toml::table* keys = root["keys"].as_table();
  if (!keys) throw DataError(Location{name, 1, 0}, "the mapping has no [keys] table (code, name, year)");
  parse_keys(p, *keys, m);
  if (const toml::table* t = root["layout"].as_table()) {
    p.allow(*t, {"type", "year_columns"}, "[layout]");
    std::string type = p.string(*t, "type", "long");
    if (type != "long" && type != "wide") throw DataError(p.at(*t->get("type")), "layout type must be long or wide", type);
    m.wide = type == "wide";
    std::string yc = p.regex(*t, "year_columns");
    if (!yc.empty()) m.year_columns = yc;
  }
  if (!m.wide && m.year.empty() && !m.fixed_year && m.year_from_file.empty()) {
    bool file_years = false;
    if (const toml::array* files = root["file"].as_array()) {
      file_years = std::all_of(files->begin(), files->end(), [](const toml::node& n) {
        const toml::table* t = n.as_table();
        return t && (t->get("year") || t->get("skip"));
      });
    }
    if (!file_years) throw DataError(Location{name, p.at(*keys).line, 0}, "a long layout needs a year: [keys] year = \"column\", a number, or { from_file = … }");
  }
  if (const toml::array* a = root["aggregate"].as_array()) {
    for (const toml::node& n : *a) m.aggregates.push_back(parse_aggregate(p, *n.as_table()));
  }
  if (const toml::array* a = root["recode"].as_array()) {
    for (const toml::node& n : *a) m.recodes.push_back(parse_recode(p, *n.as_table()));
  }
  if (const toml::node* c = root.get("columns")) m.columns = p.columns(*c);
  if (const toml::array* a = root["file"].as_array()) {
    for (const toml::node& n : *a) {
      if (!n.is_table()) throw DataError(p.at(n), "each [[file]] entry must be a table");
      m.files.push_back(parse_file(p, *n.as_table(), m.wide));
    }
  }
  if (m.wide && m.files.empty()) throw DataError(Location{name, 1, 0}, "a wide layout needs [[file]] entries naming the measure of the year columns");
  if (!m.wide && m.columns.empty() &&
      std::none_of(m.files.begin(), m.files.end(), [](const FileRule& f) { return !f.columns.empty(); }))
    throw DataError(Location{name, 1, 0}, "the mapping names no measure columns: [columns] measure = \"Source header\"");
  if (const toml::node* d = root.get("derive")) {
    const toml::table* t = d->as_table();
    if (!t) throw DataError(p.at(*d), "'derive' must be a table: measure = \"formula\"");
    std::vector<Derived> derived;
    for (const auto& [key, value] : *t) {
      if (!value.is_string()) throw DataError(p.at(value), "a derived measure is a formula (text)");
      Location where = p.at(value);
      if (where.column) ++where.column;
      derived.push_back(Derived{p.measure_name(key), value.value<std::string>().value_or(""), where});
    }
    m.derive = order_derived(std::move(derived));
  }
  if (const toml::table* t = root["output"].as_table()) {
    p.allow(*t, {"measures"}, "[output]");
    if (const toml::array* a = (*t)["measures"].as_array()) {
      for (const toml::node& e : *a) m.output.push_back(e.value<std::string>().value_or(""));
    }
  }
  return m;
}

Mapping read_mapping(const std::string& path) { return parse_mapping(read_text_file(path, "mapping file"), path); }

}  // namespace nytta
