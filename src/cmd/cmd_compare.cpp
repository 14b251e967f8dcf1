// nytta compare --unit CODE [--year Y] [--against national|mean|median|group] [--group G]:
// one municipality's service analysis. Every KPI the data can give, by category (benefit,
// productivity, coverage, priority, quality): value, reference, deviation, rank of N,
// quartile, change since last year and since the first year, and the best unit — the one
// to learn from. Then the strengths and weaknesses: the largest deviations for better and
// for worse, each KPI's direction taken into account.

#include <algorithm>
#include <fmt/format.h>
#include <memory>

#include "cmd/commands.hpp"
#include "cmd/compare_frontier.hpp"
#include "cmd/compare_report.hpp"
#include "nytta/metrics/change.hpp"
#include "nytta/metrics/flags.hpp"
#include "nytta/metrics/rank.hpp"
#include "nytta/report/chart_build.hpp"
#include "nytta/report/labels.hpp"
#include "nytta/util/text.hpp"

namespace nytta {

namespace {


const std::vector<std::string> kCategories = {"benefit", "productivity", "coverage", "priority", "quality"};

struct ProfileLine {
  std::string id, category;
  double value = kMissing, reference = kMissing, deviation = kMissing, favour = kMissing;
  std::optional<std::size_t> rank;
  std::size_t of = 0;
  std::optional<int> quartile;
  double since_prev = kMissing, since_first = kMissing;
  std::string best_code, best_name;
  double best_value = kMissing;
  Direction direction = Direction::neutral;
  std::string flag;
};

}  // namespace

std::vector<std::string> comparable_kpis(Evaluator& e, std::vector<std::string>& dropped) {
  std::vector<std::string> ids;
  for (const KpiDef& k : e.catalogue().kpis) {
    if (!k.comparable) continue;
    if (e.can_compute(k.id)) {
      ids.push_back(k.id);
    } else {
      std::string lacks = e.lacking_measure(k.id);
      dropped.push_back(lacks.empty() ? k.id : fmt::format("{} (needs {})", k.id, lacks));
    }
  }
  return ids;
}

bool has_any_value(Evaluator& e, const std::vector<std::string>& ids, std::size_t row) {
  return std::any_of(ids.begin(), ids.end(), [&](const std::string& id) { return !is_missing(e.column(id).values[row]); });
}

namespace {

// The first year the unit is in the data (a merged municipality starts late).
int first_year_of(const Evaluator& e, std::uint32_t unit) {
  for (int y : e.panel().years()) {
    if (e.panel().row(unit, y)) return y;
  }
  return e.panel().years().front();
}

std::vector<ProfileLine> profile(Evaluator& e, RankingCache& cache, std::uint32_t unit, int year, Against against, const std::string& scope,
                          const std::vector<std::string>& ids, bool keep_impossible) {
  const Dataset& d = e.data();
  std::size_t row = *e.panel().row(unit, year);
  std::optional<int> prev = e.panel().previous_year(year);
  int first = first_year_of(e, unit);
  // Rank, "of N" and the best unit come from the set the deviation is read against: the
  // unit's own group with --against group.
  const std::string& peers = against == Against::group ? d.units[unit].group : scope;
  std::vector<ProfileLine> lines;
  for (const std::string& id : ids) {
    const KpiColumn& col = e.column(id);
    ProfileLine l;
    l.id = id;
    l.category = col.def->category.empty() ? "other" : col.def->category;
    l.direction = col.def->direction;
    l.value = col.values[row];
    switch (against) {
      case Against::national: l.reference = e.reference(id, year, scope).value; break;
      case Against::mean: l.reference = cache.summary(id, year, scope).mean; break;
      case Against::median: l.reference = cache.summary(id, year, scope).median; break;
      case Against::group: l.reference = peers.empty() ? kMissing : e.reference(id, year, peers).value; break;
    }
    l.deviation = deviation_pct(l.value, l.reference);
    if (l.direction != Direction::neutral && !is_missing(l.deviation))
      l.favour = l.direction == Direction::higher_is_better ? l.deviation : -l.deviation;
    const Ranking& r = cache.ranking(id, year, peers, keep_impossible);
    l.of = r.ranked;
    if (const RankEntry* me = cache.entry(id, year, peers, keep_impossible, row)) {
      l.rank = me->rank;
      l.quartile = me->quartile;
    }
    l.flag = row_flag(e, id, row);
    if (const RankEntry* best = l.direction == Direction::neutral ? nullptr : best_model(r, [&](std::size_t x) { return trusted(e, id, x); })) {
      const Unit& u = d.unit_of(best->row);
      l.best_code = u.code;
      l.best_name = u.name;
      l.best_value = best->value;
    }
    // An impossible value is no strength and no weakness: it says nothing of the unit.
    if (is_impossible(col.status_of(row))) l.favour = kMissing;
    auto value_in = [&](int y) {
      std::optional<std::size_t> rr = e.panel().row(unit, y);
      return rr ? col.values[*rr] : kMissing;
    };
    if (prev) l.since_prev = percent_change(value_in(*prev), l.value);
    if (first != year) l.since_first = percent_change(value_in(first), l.value);
    lines.push_back(std::move(l));
  }
  std::stable_sort(lines.begin(), lines.end(), [](const ProfileLine& a, const ProfileLine& b) {
    auto rank = [](const std::string& c) {
      auto it = std::find(kCategories.begin(), kCategories.end(), c);
      return it - kCategories.begin();
    };
    return rank(a.category) < rank(b.category);
  });
  return lines;
}

std::vector<Column> profile_columns(const std::string& lang, const std::string& ref_label, const std::string& ref_phrase, int year,
                                    std::optional<int> prev, int first) {
  return {Column{"category", tr(lang, "category"), "", CellType::text, 0, true, Audience::machines},
          Column{"kpi", tr(lang, "id"), "", CellType::text, 0, true, Audience::machines},
          Column{"label", tr(lang, "key_figure"), "", CellType::text, 0},
          Column{"unit", tr(lang, "unit"), "", CellType::text, 0},
          Column{"year", tr(lang, "year"), "", CellType::number, 0, false, Audience::machines},
          Column{"value", std::to_string(year), "", CellType::number, 2},
          Column{"reference", ref_label, "", CellType::number, 2},
          Column{"deviation_pct", textf(lang, "deviation_from", ref_phrase), "%", CellType::number, 1},
          Column{"verdict", tr(lang, "verdict"), "", CellType::text, 0},
          Column{"rank", tr(lang, "rank"), "", CellType::number, 0},
          Column{"of", tr(lang, "of"), "", CellType::number, 0},
          Column{"quartile", tr(lang, "quartile"), "", CellType::number, 0},
          Column{"change_yoy_pct", textf(lang, "change_first", prev ? std::to_string(*prev) : tr(lang, "last_year_word")), "%",
                 CellType::number, 1},
          Column{"change_first_pct", textf(lang, "change_first", first), "%", CellType::number, 1},
          Column{"best_code", tr(lang, "code"), "", CellType::text, 0, true, Audience::machines},
          Column{"best_name", tr(lang, "best_unit"), "", CellType::text, 0},
          Column{"best_value", tr(lang, "best_value"), "", CellType::number, 2},
          Column{"flag", tr(lang, "flag"), "", CellType::text, 0}};
}

std::vector<Cell> profile_row(Evaluator& e, const ProfileLine& l, int year, const std::string& lang) {
  int p = kpi_precision(e, l.id);
  std::string verdict;
  if (!is_missing(l.favour)) verdict = tr(lang, l.favour >= 0 ? "better" : "worse");
  Tone tone = tone_of(l.quartile);
  Tone verdict_tone = verdict.empty() ? Tone::none : l.favour >= 0 ? Tone::good : Tone::bad;  // for the chart's colours
  return {Cell(l.category), Cell(l.id), Cell(kpi_label(e, l.id, lang)), Cell(kpi_unit(e, l.id, lang)),
          Cell(static_cast<double>(year)), Cell::number(l.value, p, tone), Cell::number(l.reference, p),
          Cell::number(l.deviation, 1, verdict_tone), Cell(verdict), l.rank ? Cell(static_cast<double>(*l.rank)) : Cell(),
          Cell(static_cast<double>(l.of)), l.quartile ? Cell(static_cast<double>(*l.quartile)) : Cell(),
          Cell(l.since_prev), Cell(l.since_first), Cell(l.best_code), Cell(l.best_name), Cell::number(l.best_value, p), Cell(l.flag)};
}

}  // namespace

int compare_year(const Evaluator& e, std::uint32_t unit, std::optional<int> year) {
  if (year) {
    if (!e.panel().row(unit, *year)) {
      throw UsageError(fmt::format("{} has no row for {} in the data", e.data().units[unit].key(), *year));
    }
    return *year;
  }
  int latest = e.panel().years().front();
  for (int y : e.panel().years()) {
    if (e.panel().row(unit, y)) latest = y;
  }
  return latest;
}

std::string compare_scope(const Evaluator& e, const CompareRequest& q) {
  return q.against == Against::group ? e.data().units[q.unit].group : q.scope;
}

Report compare_report(Evaluator& e, RankingCache& cache, const CompareRequest& q) {
  const Dataset& data = e.data();
  const std::uint32_t unit = q.unit;
  const std::string& lang = q.lang;
  const Against against = q.against;
  const std::string& scope = q.scope;
  const int year = q.year;
  std::optional<int> prev = e.panel().previous_year(year);
  int first = first_year_of(e, unit);
  std::vector<std::string> dropped;
  std::vector<std::string> ids = comparable_kpis(e, dropped);
  if (ids.empty()) {
    throw DataError(fmt::format("{}: none of the KPIs of the catalogue can be computed from these data: {}", fmt::join(data.sources, ", "),
                                fmt::join(dropped, ", ")));
  }
  if (!has_any_value(e, ids, *e.panel().row(unit, year))) {
    throw DataError(fmt::format("{} has no value for any key figure in {} ({})", data.units[unit].name, year,
                                fmt::join(ids, ", ")));
  }
  std::vector<ProfileLine> lines = profile(e, cache, unit, year, against, scope, ids, q.keep_impossible);

  std::string ref_label = against == Against::group ? group_name(data, data.units[unit].group)
                                                    : reference_label(against, scope.empty() ? scope : group_name(data, scope), lang);
  std::string ref_phrase = against == Against::group || (against == Against::national && !scope.empty()) ? ref_label : fold_first(ref_label);
  std::vector<Column> columns = profile_columns(lang, ref_label, ref_phrase, year, prev, first);
  Report report;
  report.command = "compare";
  Table all;
  all.id = "profile";
  all.title = textf(lang, "compare_title", data.units[unit].name, year, ref_phrase);
  all.audience = Audience::machines;
  all.columns = columns;
  for (const ProfileLine& l : lines) all.rows.push_back(profile_row(e, l, year, lang));
  report.tables.push_back(all);
  for (const std::string& category : kCategories) {
    Table t;
    t.id = "profile_" + category;
    t.title = fmt::format("{}: {}", all.title, tr(lang, "category_" + category));
    t.audience = Audience::people;
    t.columns = columns;
    for (const ProfileLine& l : lines) {
      if (l.category == category) t.rows.push_back(profile_row(e, l, year, lang));
    }
    if (!t.rows.empty()) report.tables.push_back(std::move(t));
  }

  std::vector<const ProfileLine*> ranked;
  for (const ProfileLine& l : lines) {
    if (!is_missing(l.favour)) ranked.push_back(&l);
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const ProfileLine* a, const ProfileLine* b) { return a->favour > b->favour; });
  auto side = [&](const char* id, const char* title, bool best) {
    Table t;
    t.id = id;
    t.title = tr(lang, title);
    t.columns = {Column{"kpi", tr(lang, "id"), "", CellType::text, 0, true, Audience::machines},
                 Column{"label", tr(lang, "key_figure"), "", CellType::text, 0},
                 Column{"value", std::to_string(year), "", CellType::number, 2},
                 Column{"reference", ref_label, "", CellType::number, 2},
                 Column{"deviation_pct", textf(lang, "deviation_from", ref_phrase), "%", CellType::number, 1},
                 Column{"best_name", tr(lang, "best_unit"), "", CellType::text, 0}};
    std::size_t n = std::min(q.strengths, ranked.size() / 2 + ranked.size() % 2);
    for (std::size_t i = 0; i < n; ++i) {
      const ProfileLine& l = *ranked[best ? i : ranked.size() - 1 - i];
      if (best ? l.favour <= 0 : l.favour >= 0) break;  // 0 % from the reference is neither
      int p = kpi_precision(e, l.id);
      t.rows.push_back({Cell(l.id), Cell(kpi_label(e, l.id, lang)), Cell::number(l.value, p, best ? Tone::good : Tone::bad),
                        Cell::number(l.reference, p), Cell(l.deviation), Cell(l.best_name)});
    }
    report.tables.push_back(std::move(t));
  };
  side("strengths", "strengths", true);
  side("weaknesses", "weaknesses", false);

  report.charts.push_back(profile_chart(report.tables[0], chart_request(lang)));
  std::size_t row = *e.panel().row(unit, year);
  if (q.frontier) {
    add_frontier_section(report, e, *q.frontier, row, lang);
  } else {
    add_frontier_section(report, e, compare_frontier(e, year, compare_scope(e, q)), row, lang);
  }
  report.meta.emplace_back("unit", Cell(data.units[unit].key()));
  report.meta.emplace_back("year", Cell(static_cast<double>(year)));
  report.meta.emplace_back("against", Cell(std::string(to_string(against))));
  add_provenance(report, e, lang);
  if (!dropped.empty()) report.notes.push_back(textf(lang, "note_dropped_kpis", fmt::join(dropped, ", ")));
  // Who the ranks leave out or mark: the "of N" of each line is otherwise unexplained. The
  // left-out entries follow the ranked ones in a Ranking, so this costs a report nothing.
  std::vector<std::string> left_out, marked;
  const std::string peers = compare_scope(e, q);
  auto some = [&](const Ranking& r, auto index, std::size_t n) {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < std::min<std::size_t>(n, 3); ++i) names.push_back(data.unit_of(r.entries[index(i)].row).name);
    if (n > names.size()) names.push_back(textf(lang, "and_more", n - names.size()));
    return fmt::format("{}", fmt::join(names, ", "));
  };
  for (const ProfileLine& l : lines) {
    const Ranking& r = cache.ranking(l.id, year, peers, q.keep_impossible);
    if (r.impossible > 0)
      left_out.push_back(fmt::format("{} {} ({})", l.id, r.impossible, some(r, [&](std::size_t i) { return r.ranked + i; }, r.impossible)));
    if (!r.flagged.empty())
      marked.push_back(fmt::format("{} {} ({})", l.id, r.flagged.size(), some(r, [&](std::size_t i) { return r.flagged[i]; }, r.flagged.size())));
  }
  if (!left_out.empty()) report.notes.push_back(textf(lang, "note_compare_left_out", year, fmt::join(left_out, "; ")));
  if (!marked.empty()) report.notes.push_back(textf(lang, "note_compare_flagged", year, fmt::join(marked, "; ")));
  std::size_t impossible = 0;
  for (const ProfileLine& l : lines) impossible += !l.flag.empty();
  if (impossible > 0) {
    std::vector<std::string> flags;
    for (const ProfileLine& l : lines) {
      if (!l.flag.empty()) flags.push_back(l.flag);
    }
    report.notes.push_back(textf(lang, "note_unit_flags", data.units[unit].name, fmt::join(flags, "; ")));
  }
  return report;
}

Outcome run_compare(const CompareOptions& o, Io& io) {
  Dataset data = load_input(o.common, io);
  Catalogue catalogue = load_catalogue(o.common);
  Evaluator e(data, catalogue);
  std::uint32_t unit = find_unit(data, o.unit);
  const std::string scope = resolve_group(data, o.common.group);
  if (!scope.empty() && data.units[unit].group != scope)
    throw UsageError(fmt::format("{} is not in the group {}", data.units[unit].name, scope));
  CompareRequest q{unit, compare_year(e, unit, o.year), *parse_against(o.against), scope, text_lang(o.common, io), o.strengths,
                   o.common.keep_impossible};
  RankingCache cache(e);
  emit(compare_report(e, cache, q), o.common, io);
  return Outcome::ok;
}

}  // namespace nytta
