// Reading and checking KPI catalogues (TOML). The built-in library catalogue is the file
// kpis/library.toml compiled into the binary; --kpis FILE adds entries or replaces
// entries with the same id. Everything that can be checked without data is checked here:
// TOML syntax, fields and their values, duplicate ids, formula syntax, and cycles between
// KPIs. Whether a formula's measures exist is known only with the data (evaluator.cpp).

#include "nytta/load/catalogue_file.hpp"

#include <algorithm>
#include <cstdint>
#include <fmt/format.h>
#include <functional>
#include <map>
#include <set>
#include <toml++/toml.h>

#include "load/toml_reader.hpp"
#include "nytta/formula/formula.hpp"
#include "nytta/util/text.hpp"

namespace nytta {

extern const std::string_view kBuiltinLibraryToml;

namespace {

Location at(const std::string& source, const toml::node& node) { return TomlReader(source).at(node); }

Location at_key(const std::string& source, const toml::key& key) { return TomlReader(source).at_key(key); }

// Where the text of a string value starts (after its opening quote).
Location at_string(const std::string& source, const toml::node& node) {
  Location l = at(source, node);
  if (l.column) ++l.column;
  return l;
}

const std::vector<std::string> kEntryFields = {"id",         "label",     "formula",   "fallback",    "unit",
                                               "direction",  "category",  "precision", "comparable",  "aggregate",
                                               "weight",     "range",     "description", "source"};
const std::vector<std::string> kMeasureFields = {"id", "label", "unit", "aggregate", "weight", "range", "description"};
const std::vector<std::string> kTopLevel = {"catalogue", "version", "extends", "headline", "report", "trend", "kpi", "measure"};
const std::vector<std::string> kDirections = {"higher_is_better", "lower_is_better", "neutral"};
const std::vector<std::string> kCategories = {"benefit", "productivity", "coverage", "priority",
                                              "quality"};

std::string required_string(const toml::table& t, std::string_view key, const std::string& source,
                            const Location& entry) {
  const toml::node* n = t.get(key);
  if (!n) throw DataError(entry, fmt::format("the KPI has no '{}'", key));
  if (!n->is_string()) throw DataError(at(source, *n), fmt::format("'{}' must be a string", key));
  return n->value<std::string>().value_or("");
}

std::string optional_string(const toml::table& t, std::string_view key, const std::string& source) {
  const toml::node* n = t.get(key);
  if (!n) return {};
  if (!n->is_string()) throw DataError(at(source, *n), fmt::format("'{}' must be a string", key));
  return n->value<std::string>().value_or("");
}

// A text in one language ("…") or several ({ en = "…", sv = "…", nb = "…" }).
KpiLabels parse_labels(const toml::table& t, std::string_view key, const std::string& source) {
  KpiLabels l;
  const toml::node* n = t.get(key);
  if (!n) return l;
  if (n->is_string()) {
    l.en = n->value<std::string>().value_or("");
  } else if (const toml::table* lt = n->as_table()) {
    TomlReader(source).allow(*lt, {"en", "sv", "nb"}, fmt::format("'{}'", key));
    l.en = optional_string(*lt, "en", source);
    l.sv = optional_string(*lt, "sv", source);
    l.nb = optional_string(*lt, "nb", source);
  } else {
    throw DataError(at(source, *n), fmt::format("'{}' must be a string or {{ en = …, sv = …, nb = … }}", key));
  }
  return l;
}

void check_formula(const std::string& formula, const toml::node* node, const std::string& source) {
  compile_formula(formula, node ? at_string(source, *node) : Location{source});
}

KpiDef parse_entry(const toml::table& t, const std::string& source) {
  KpiDef k;
  k.defined_at = at(source, t);
  for (const auto& [key, value] : t) {
    std::string name(key.str());
    if (std::find(kEntryFields.begin(), kEntryFields.end(), name) == kEntryFields.end()) {
      (void)value;
      throw DataError(at_key(source, key),
                      fmt::format("unknown field in a KPI entry{}", did_you_mean(name, kEntryFields)),
                      name);
    }
  }
  k.id = required_string(t, "id", source, k.defined_at);
  if (!is_snake_case(k.id)) throw DataError(at(source, *t.get("id")), "a KPI id is snake_case: a-z, 0-9 and one '_' between words", k.id);
  k.formula = required_string(t, "formula", source, k.defined_at);
  check_formula(k.formula, t.get("formula"), source);

  k.labels = parse_labels(t, "label", source);
  if (const toml::node* fb = t.get("fallback")) {
    const toml::table* ft = fb->as_table();
    if (!ft) throw DataError(at(source, *fb), "'fallback' must be { formula = …, note = … }");
    k.fallback_formula = required_string(*ft, "formula", source, at(source, *fb));
    k.fallback_note = parse_labels(*ft, "note", source);
    check_formula(k.fallback_formula, ft->get("formula"), source);
  }
  k.unit = optional_string(t, "unit", source);
  if (k.unit.empty()) k.unit = "raw";

  std::string direction = optional_string(t, "direction", source);
  if (direction.empty()) direction = "neutral";
  if (direction == "higher_is_better") k.direction = Direction::higher_is_better;
  else if (direction == "lower_is_better") k.direction = Direction::lower_is_better;
  else if (direction == "neutral") k.direction = Direction::neutral;
  else
    throw DataError(at_string(source, *t.get("direction")),
                    fmt::format("direction must be higher_is_better, lower_is_better or neutral{}",
                                did_you_mean(direction, kDirections)),
                    direction);

  k.category = optional_string(t, "category", source);
  if (!k.category.empty() &&
      std::find(kCategories.begin(), kCategories.end(), k.category) == kCategories.end()) {
    throw DataError(at_string(source, *t.get("category")),
                    fmt::format("category must be one of benefit, productivity, coverage, priority, "
                                "quality{}",
                                did_you_mean(k.category, kCategories)),
                    k.category);
  }
  if (const toml::node* p = t.get("precision")) {
    std::optional<std::int64_t> v = p->value_exact<std::int64_t>();
    if (!v || *v < 0 || *v > 12)
      throw DataError(at(source, *p), "precision must be a whole number from 0 to 12");
    k.precision = static_cast<int>(*v);
  }
  if (const toml::node* c = t.get("comparable")) {
    if (!c->is_boolean()) throw DataError(at(source, *c), "'comparable' must be true or false");
    k.comparable = c->value<bool>().value_or(true);
  }
  TomlReader reader(source);
  k.aggregate = reader.aggregation(t, Aggregation{}, true);
  if (const toml::node* r = t.get("range")) k.range = reader.range(*r, "range");
  k.description = optional_string(t, "description", source);
  k.source = optional_string(t, "source", source);
  return k;
}

MeasureDef parse_measure(const toml::table& t, const std::string& source) {
  TomlReader reader(source);
  reader.allow(t, kMeasureFields, "a [[measure]] entry");
  MeasureDef m;
  m.defined_at = at(source, t);
  m.id = required_string(t, "id", source, m.defined_at);
  if (!is_snake_case(m.id)) throw DataError(at(source, *t.get("id")), "a measure id is snake_case: a-z, 0-9 and one '_' between words", m.id);
  m.labels = parse_labels(t, "label", source);
  m.unit = optional_string(t, "unit", source);
  m.aggregate = reader.aggregation(t, Aggregation{Aggregation::Kind::sum, {}}, false);
  if (const toml::node* r = t.get("range")) m.range = reader.range(*r, "range");
  m.description = optional_string(t, "description", source);
  return m;
}

}  // namespace

Catalogue parse_catalogue(std::string_view toml_text, const std::string& source_name) {
  TomlReader reader(source_name);
  toml::table root = reader.parse(toml_text);
  for (const auto& [key, value] : root) {
    std::string name(key.str());
    if (std::find(kTopLevel.begin(), kTopLevel.end(), name) == kTopLevel.end()) {
      (void)value;
      throw DataError(at_key(source_name, key),
                      fmt::format("unknown top-level key{}; a catalogue has catalogue, version, extends, headline, report, trend, "
                                  "[[kpi]] and [[measure]] entries",
                                  did_you_mean(name, kTopLevel)),
                      name);
    }
  }
  Catalogue c;
  c.name = reader.string(root, "catalogue");
  if (const toml::node* v = root.get("version")) {
    if (std::optional<std::int64_t> n = v->value_exact<std::int64_t>()) c.version = std::to_string(*n);
    else c.version = reader.string(root, "version");
  }
  c.extends = reader.string(root, "extends");
  // The name of kpis/library.toml: a constant, as this parser also reads the built-in one.
  if (!c.extends.empty() && c.extends != "library")
    throw DataError(reader.at(*root.get("extends")), "a catalogue can extend only the built-in 'library' catalogue", c.extends);
  c.headline = reader.string(root, "headline");
  c.report_kpis = reader.string_list(root, "report");
  c.trend_ids = reader.string_list(root, "trend");
  for (const toml::table* t : reader.tables(root, "kpi")) {
    KpiDef k = parse_entry(*t, source_name);
    if (const KpiDef* dup = c.find(k.id)) {
      throw DataError(k.defined_at, fmt::format("KPI '{}' is defined twice (first at line {})", k.id, dup->defined_at.line));
    }
    c.kpis.push_back(std::move(k));
  }
  for (const toml::table* t : reader.tables(root, "measure")) {
    MeasureDef m = parse_measure(*t, source_name);
    if (const MeasureDef* dup = c.find_measure(m.id)) {
      throw DataError(m.defined_at, fmt::format("measure '{}' is defined twice (first at line {})", m.id, dup->defined_at.line));
    }
    c.measures.push_back(std::move(m));
  }
  auto known = [&](const std::string& id, const toml::node* where, std::string_view key) {
    if (!c.find(id)) {
      throw DataError(where ? at(source_name, *where) : Location{source_name},
                      fmt::format("'{}' names '{}', which is not a KPI of this catalogue{}", key, id, did_you_mean(id, c.ids())), id);
    }
  };
  if (!c.headline.empty()) known(c.headline, root.get("headline"), "headline");
  for (const std::string& entry : c.report_kpis) {
    for (const std::string& id : report_alternatives(entry)) known(id, root.get("report"), "report");
  }
  for (const std::string& id : c.trend_ids) {
    if (!c.find(id) && !c.find_measure(id))
      throw DataError(at(source_name, *root.get("trend")), fmt::format("'trend' names '{}', which is neither a KPI nor a [[measure]] of this catalogue", id), id);
  }
  check_cycles(c);
  return c;
}

Catalogue read_catalogue_file(const std::string& path) {
  return parse_catalogue(read_text_file(path, "KPI file"), path);
}

const Catalogue& builtin_catalogue() {
  static const Catalogue c = parse_catalogue(kBuiltinLibraryToml, "kpis/library.toml");
  return c;
}

Catalogue catalogue_from_file(const Catalogue& file) {
  const Catalogue& builtin = builtin_catalogue();
  if (!file.name.empty() && file.name != builtin.name && file.extends.empty()) return file;
  return overlay(builtin, file);
}

}  // namespace nytta
