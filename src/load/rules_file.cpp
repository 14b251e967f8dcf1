// Reading rules files for `nytta check`. Each [[rule]] has an id, a kpi (or measure), a
// scope, a year, a severity and exactly one condition; anything else is an error at its line.

#include <algorithm>
#include <fmt/format.h>

#include "nytta/load/rules_file.hpp"
#include "nytta/util/text.hpp"
#include "load/toml_reader.hpp"

namespace nytta {

namespace {

const std::vector<std::string> kKeys = {"id", "description", "kpi", "scope", "year", "severity", "min", "max",
                                        "change_within_pct", "worse_than_national_pct", "rank_not_below", "no_missing",
                                        "units_of_previous_year", "aggregate_matches_sum_pct"};

Rule parse_rule(const TomlReader& r, const toml::table& t) {
  r.allow(t, kKeys, "a [[rule]]");
  Rule rule;
  rule.where = r.at(t);
  rule.id = r.string(t, "id");
  if (rule.id.empty()) throw DataError(rule.where, "a rule needs an id");
  rule.description = r.string(t, "description");
  rule.kpi = r.string(t, "kpi");

  if (const toml::node* s = t.get("scope")) {
    if (s->is_string()) {
      std::string v = s->value<std::string>().value_or("");
      if (v == "national") rule.scope = Rule::Scope::national;
      else if (v != "all") throw DataError(r.at(*s), "scope must be \"all\", \"national\", { group = … } or { codes = [ … ] }", v);
    } else if (const toml::table* st = s->as_table()) {
      r.allow(*st, {"group", "codes"}, "scope");
      if (st->get("group")) {
        rule.scope = Rule::Scope::group;
        rule.group = r.string(*st, "group");
      } else if (st->get("codes")) {
        rule.scope = Rule::Scope::codes;
        rule.codes = r.string_list(*st, "codes");
      } else {
        throw DataError(r.at(*s), "scope needs group = \"…\" or codes = [\"…\"]");
      }
    } else {
      throw DataError(r.at(*s), "scope must be \"all\", \"national\", { group = … } or { codes = [ … ] }");
    }
  }
  if (const toml::node* y = t.get("year")) {
    if (y->is_integer()) rule.year = r.year(*y, "year");
    else if (y->value<std::string>().value_or("") != "latest") throw DataError(r.at(*y), "year must be a year or \"latest\"");
  }
  std::string sev = r.string(t, "severity", "error");
  if (sev == "warning") rule.severity = Rule::Severity::warning;
  else if (sev != "error") throw DataError(r.at(*t.get("severity")), "severity must be error or warning", sev);

  std::vector<std::string> conditions;
  if (t.get("min") || t.get("max")) {
    rule.condition = Rule::Condition::bounds;
    if (const toml::node* n = t.get("min")) rule.min = r.number(*n, "min");
    if (const toml::node* n = t.get("max")) rule.max = r.number(*n, "max");
    if (rule.min && rule.max && *rule.min > *rule.max)
      throw DataError(r.at(*t.get("min")), fmt::format("rule '{}' has min above max, so it could never pass", rule.id),
                      fmt::format("min = {}, max = {}", *rule.min, *rule.max));
    conditions.push_back("min/max");
  }
  auto percent = [&](const char* key, Rule::Condition c) {
    if (const toml::node* n = t.get(key)) {
      rule.condition = c;
      rule.percent = r.number(*n, key);
      if (rule.percent < 0) throw DataError(r.at(*n), fmt::format("{} must not be negative", key));
      conditions.push_back(key);
    }
  };
  percent("change_within_pct", Rule::Condition::change_within);
  percent("worse_than_national_pct", Rule::Condition::worse_than_national);
  percent("aggregate_matches_sum_pct", Rule::Condition::aggregate_matches_sum);
  if (t.get("rank_not_below")) {
    rule.condition = Rule::Condition::rank_not_below;
    rule.rank = r.count(t, "rank_not_below", 0);
    if (rule.rank == 0) throw DataError(r.at(*t.get("rank_not_below")), fmt::format("rule '{}': rank_not_below must be 1 or more (rank 1 is the best)", rule.id), "0");
    conditions.push_back("rank_not_below");
  }
  if (r.boolean(t, "no_missing")) {
    rule.condition = Rule::Condition::no_missing;
    conditions.push_back("no_missing");
  }
  if (r.boolean(t, "units_of_previous_year")) {
    rule.condition = Rule::Condition::units_of_previous_year;
    conditions.push_back("units_of_previous_year");
  }
  if (conditions.size() != 1) {
    throw DataError(rule.where, conditions.empty()
                                    ? std::string("the rule has no condition (min/max, change_within_pct, "
                                                  "worse_than_national_pct, rank_not_below, no_missing, "
                                                  "units_of_previous_year, aggregate_matches_sum_pct)")
                                    : fmt::format("a rule has exactly one condition, this one has {}", fmt::join(conditions, ", ")),
                    rule.id);
  }
  if (rule.kpi.empty() && rule.condition != Rule::Condition::units_of_previous_year)
    throw DataError(rule.where, "the rule needs a kpi (a KPI id or a measure)", rule.id);
  return rule;
}

}  // namespace

RuleSet parse_rules(std::string_view toml_text, const std::string& name) {
  TomlReader r(name);
  toml::table root = r.parse(toml_text);
  r.allow(root, {"rule"}, "a rules file");
  RuleSet set;
  set.path = name;
  const toml::array* rules = root["rule"].as_array();
  if (!rules || rules->empty()) throw DataError(Location{name, 1, 0}, "the rules file has no [[rule]] entries");
  for (const toml::node& n : *rules) {
    if (!n.is_table()) throw DataError(r.at(n), "each [[rule]] must be a table");
    Rule rule = parse_rule(r, *n.as_table());
    for (const Rule& other : set.rules) {
      if (other.id == rule.id) throw DataError(rule.where, fmt::format("rule id '{}' is used twice (first at line {})", rule.id, other.where.line));
    }
    set.rules.push_back(std::move(rule));
  }
  return set;
}

RuleSet read_rules(const std::string& path) { return parse_rules(read_text_file(path, "rules file"), path); }

}  // namespace nytta
