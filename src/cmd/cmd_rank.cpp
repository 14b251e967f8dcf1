// nytta rank --kpi ID [--year Y] [--top N] [--unit KEY]… [--group G] [--against national|mean|median|group]:
// one KPI, one year, every unit ranked, with its deviation from the reference. Units whose
// value is impossible are listed without a rank, with a flag saying why; --unit marks a
// unit's row and shows it even below --top.

#include <algorithm>
#include <fmt/format.h>
#include <memory>

#include "cmd/commands.hpp"
#include "nytta/report/labels.hpp"
#include "nytta/metrics/flags.hpp"
#include "nytta/metrics/rank.hpp"
#include "nytta/util/text.hpp"

namespace nytta {

Outcome run_rank(const RankOptions& o, Io& io) {
  // The latest year is all a ranking reads (and the year before, for implausible jumps),
  // unless that year has no value of the KPI.
  YearNeeds needs;
  if (!o.year) needs = YearNeeds{false, false, 2};
  std::unique_ptr<Evaluator> e_ptr = load_for_kpi(o.common, io, needs, [&](Evaluator&) { return o.kpi; });
  Evaluator& e = *e_ptr;
  const Dataset& data = e.data();
  const std::string lang = text_lang(o.common, io);
  const KpiColumn& col = e.column(o.kpi);
  const int year = choose_year(e, col, o.year);
  const Direction dir = col.def ? col.def->direction : Direction::higher_is_better;
  const Against against = *parse_against(o.against);
  const std::string group = resolve_group(data, o.common.group);
  const std::string gname = group.empty() ? group : group_name(data, group);

  std::vector<std::size_t> rows = unit_rows(e, year, group);
  Ranking ranking = rank_column(data, rows, col, dir, o.common.keep_impossible);
  std::vector<std::uint32_t> selected;
  for (const std::string& key : o.units) selected.push_back(find_unit(data, key));
  std::vector<std::size_t> ranked_rows;
  for (const RankEntry& entry : ranking.entries) ranked_rows.push_back(entry.row);
  std::vector<double> reference = reference_values(e, o.kpi, year, against, group, ranked_rows);

  Table t;
  t.id = "ranking";
  t.title = textf(lang, "ranked_title", kpi_label(e, o.kpi, lang), year, gname.empty() ? "" : ", " + gname,
                  text(lang, dir == Direction::lower_is_better ? "lower_better" : "higher_better"));
  Column kc = kpi_column(e, o.kpi, lang);
  std::string ref_label = reference_label(against, gname, lang);
  t.columns = {
      Column{"rank", tr(lang, "rank"), "", CellType::number, 0},
      Column{"code", tr(lang, "code"), "", CellType::text, 0},
      Column{"name", tr(lang, "name"), "", CellType::text, 0},
      Column{"year", tr(lang, "year"), "", CellType::number, 0, false, Audience::machines},
      kc,
      Column{"reference", ref_label, kc.unit, CellType::number, kc.precision},
      Column{"deviation_pct", textf(lang, "deviation_from", reference_phrase(against, gname, lang)), "%", CellType::number, 1},
      Column{"percentile", tr(lang, "percentile"), "", CellType::number, 1},
      Column{"quartile", tr(lang, "quartile"), "", CellType::number, 0},
      Column{"flag", tr(lang, "flag"), "", CellType::text, 0},
  };
  if (!selected.empty()) {
    t.columns.insert(t.columns.begin(), Column{"mark", "", "", CellType::text, 0, true, Audience::people});
    t.columns.push_back(Column{"selected", tr(lang, "selected"), "", CellType::number, 0, false, Audience::machines});
  }
  std::size_t limit = o.top ? *o.top : ranking.entries.size();
  for (std::size_t i = 0; i < ranking.entries.size(); ++i) {
    const RankEntry& entry = ranking.entries[i];
    const bool chosen = std::find(selected.begin(), selected.end(), data.row_unit[entry.row]) != selected.end();
    if (i >= limit && !chosen) continue;
    const Unit& u = data.unit_of(entry.row);
    t.rows.push_back({
        entry.rank ? Cell(static_cast<double>(*entry.rank)) : Cell(),
        Cell::view(u.code),
        Cell::view(u.name),
        Cell(static_cast<double>(year)),
        Cell::number(entry.value, kc.precision, tone_of(entry.quartile)),
        Cell(reference[i]),
        Cell(deviation_pct(entry.value, reference[i])),
        Cell(entry.percentile),
        entry.quartile ? Cell(static_cast<double>(*entry.quartile)) : Cell(),
        Cell(row_flag(e, o.kpi, entry.row)),  // also why a value is missing (loans = 0)
    });
    if (!selected.empty()) {
      std::vector<Cell>& row = t.rows.back();
      row.insert(row.begin(), chosen ? Cell("▶") : Cell());
      row.push_back(chosen ? Cell(1.0) : Cell(0.0));
    }
  }

  Report report;
  report.command = "rank";
  report.tables.push_back(std::move(t));
  report.meta.emplace_back("kpi", Cell(o.kpi));
  report.meta.emplace_back("year", Cell(static_cast<double>(year)));
  report.meta.emplace_back("against", Cell(std::string(to_string(against))));
  if (!group.empty()) report.meta.emplace_back("group", Cell(group));
  if (gname != group) report.meta.emplace_back("group_name", Cell(gname));
  std::size_t missing = ranking.entries.size() - ranking.ranked - (o.common.keep_impossible ? 0 : ranking.impossible);
  add_ranking_notes(report, e, o.kpi, ranking, year, o.common.keep_impossible, lang);
  if (missing > 0) {
    report.notes.push_back(textf(lang, "note_missing_values", missing, ranking.entries.size(), o.kpi, year));
  }
  const NationalValue& ref = e.reference(o.kpi, year, group);
  if (against == Against::national && !ref.from_aggregate_row && !is_missing(ref.value)) {
    // Say how it was formed when it is not a plain sum: a weighted mean, a mean.
    std::vector<std::string> rules;
    if (ref.aggregation.kind != Aggregation::Kind::formula && ref.aggregation.kind != Aggregation::Kind::sum)
      rules.push_back(fmt::format("{} {}", o.kpi, to_string(ref.aggregation)));
    for (const std::string& m : col.measures) {
      Aggregation a = e.measure_aggregation(m);
      if (ref.aggregation.kind == Aggregation::Kind::formula && a.kind != Aggregation::Kind::sum)
        rules.push_back(fmt::format("{} {}", m, to_string(a)));
    }
    if (rules.empty())
      report.notes.push_back(textf(lang, group.empty() ? "note_national_from_sums" : "note_group_from_sums", ref.units_summed, o.kpi));
    else
      report.notes.push_back(textf(lang, group.empty() ? "note_national_aggregated" : "note_group_aggregated", ref.units_summed,
                                   fmt::join(rules, ", ")));
  }
  add_provenance(report, e, lang);
  if (against == Against::national && group.empty()) add_reference_note(report, e, {o.kpi}, {year}, lang);
  emit(report, o.common, io);
  return Outcome::ok;
}

}  // namespace nytta
