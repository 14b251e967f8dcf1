// nytta rank --kpi ID [--year Y] [--top N] [--group G] [--against national|mean|median|group]:
// one KPI, one year, every unit ranked, with its deviation from the reference.

#include <fmt/format.h>
#include <memory>

#include "cmd/commands.hpp"
#include "report/labels.hpp"
#include "nytta/rank.hpp"
#include "util/text.hpp"

namespace nytta {

namespace {

struct RankOptions {
  CommonOptions common;
  std::string kpi;
  std::optional<int> year;
  std::optional<std::size_t> top;
  std::string against = "national";
};

Outcome run_rank(const RankOptions& o, Io& io) {
  // The latest year is all a ranking reads, unless that year has no value of the KPI.
  YearNeeds needs;
  if (!o.year) needs = YearNeeds{false, false, 1};
  Dataset data = load_input(o.common, io, needs);
  Catalogue catalogue = load_catalogue(o.common);
  auto e_ptr = std::make_unique<Evaluator>(data, catalogue);
  if (!needs.all) {
    std::optional<int> latest = latest_year_with_values(*e_ptr, e_ptr->column(o.kpi));
    if (!latest || *latest != e_ptr->panel().years().back()) {
      data = load_input(o.common, io);
      e_ptr = std::make_unique<Evaluator>(data, catalogue);
    }
  }
  Evaluator& e = *e_ptr;
  const std::string lang = effective_lang(o.common, io);
  const KpiColumn& col = e.column(o.kpi);
  const int year = choose_year(e, col, o.year);
  const Direction dir = col.def ? col.def->direction : Direction::higher_is_better;
  const Against against = *parse_against(o.against);
  const std::string& group = o.common.group;

  std::vector<std::size_t> rows = unit_rows(e, year, group);
  Ranking ranking = rank_rows(data, rows, col.values, dir);
  std::vector<std::size_t> ranked_rows;
  for (const RankEntry& entry : ranking.entries) ranked_rows.push_back(entry.row);
  std::vector<double> reference = reference_values(e, o.kpi, year, against, group, ranked_rows);

  Table t;
  t.id = "ranking";
  t.title = textf(lang, "ranked_title", kpi_label(e, o.kpi, lang), year, group.empty() ? "" : ", " + group,
                  text(lang, dir == Direction::lower_is_better ? "lower_better" : "higher_better"));
  Column kc = kpi_column(e, o.kpi, lang);
  std::string ref_label = reference_label(against, group, lang);
  t.columns = {
      Column{"rank", tr(lang, "rank"), "", CellType::number, 0},
      Column{"code", tr(lang, "code"), "", CellType::text, 0},
      Column{"name", tr(lang, "name"), "", CellType::text, 0},
      Column{"year", tr(lang, "year"), "", CellType::number, 0, false, Audience::machines},
      kc,
      Column{"reference", ref_label, kc.unit, CellType::number, kc.precision},
      Column{"deviation_pct", textf(lang, "deviation_from", against == Against::national && !group.empty() ? group : fold_first(ref_label)),
             "%", CellType::number, 1},
      Column{"percentile", tr(lang, "percentile"), "", CellType::number, 1},
      Column{"quartile", tr(lang, "quartile"), "", CellType::number, 0},
  };
  std::size_t limit = o.top ? *o.top : ranking.entries.size();
  for (std::size_t i = 0; i < ranking.entries.size() && t.rows.size() < limit; ++i) {
    const RankEntry& entry = ranking.entries[i];
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
    });
  }

  Report report;
  report.command = "rank";
  report.tables.push_back(std::move(t));
  report.meta.emplace_back("kpi", Cell(o.kpi));
  report.meta.emplace_back("year", Cell(static_cast<double>(year)));
  report.meta.emplace_back("against", Cell(std::string(to_string(against))));
  if (!group.empty()) report.meta.emplace_back("group", Cell(group));
  std::size_t missing = ranking.entries.size() - ranking.ranked;
  if (missing > 0) {
    report.notes.push_back(textf(lang, "note_missing_values", missing, ranking.entries.size(), o.kpi, year));
  }
  const NationalValue& ref = e.reference(o.kpi, year, group);
  if (against == Against::national && !ref.from_aggregate_row && !is_missing(ref.value)) {
    report.notes.push_back(textf(lang, group.empty() ? "note_national_from_sums" : "note_group_from_sums", ref.units_summed, o.kpi));
  }
  add_provenance(report, e, lang);
  if (against == Against::national && group.empty()) add_reference_note(report, e, {o.kpi}, {year}, lang);
  emit(report, o.common, io);
  return Outcome::ok;
}

}  // namespace

Runner setup_rank(CLI::App& app) {
  auto o = std::make_shared<RankOptions>();
  app.add_option("--kpi", o->kpi, "KPI id or measure to rank by (see `nytta kpis`)")->required();
  app.add_option("--year", o->year, "Year (default: the latest year with values)");
  app.add_option("--top", o->top, "Show only the first N units")->check(CLI::PositiveNumber);
  app.add_option("--against", o->against, "Reference for the deviation: national, mean, median, group")
      ->check(CLI::IsMember({"national", "mean", "median", "group"}))
      ->capture_default_str();
  add_common_options(app, o->common);
  return [o](Io& io) { return run_rank(*o, io); };
}

}  // namespace nytta
