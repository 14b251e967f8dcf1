// nytta kpis: the catalogue, with formulas, units and directions (ninja's `-t list`).

#include <fmt/format.h>
#include <memory>

#include "cmd/commands.hpp"
#include "nytta/report/labels.hpp"

namespace nytta {

Outcome run_kpis(const KpisOptions& o, Io& io) {
  Catalogue c = load_catalogue(o.common);
  const std::string lang = text_lang(o.common, io);
  Table t;
  t.id = "kpis";
  t.title = textf(lang, "kpis_title", c.name, c.version);
  auto machine = [](Column col) {
    col.audience = Audience::machines;
    return col;
  };
  t.columns = {Column{"id", tr(lang, "id"), "", CellType::text, 0},
               Column{"label", tr(lang, "label"), "", CellType::text, 0},
               Column{"unit", tr(lang, "unit"), "", CellType::text, 0},
               machine(Column{"direction", "Direction", "", CellType::text, 0}),
               Column{"better", tr(lang, "direction"), "", CellType::text, 0, true, Audience::people},
               machine(Column{"category", tr(lang, "category"), "", CellType::text, 0}),
               machine(Column{"precision", "Decimals", "", CellType::number, 0}),
               Column{"formula", tr(lang, "formula"), "", CellType::text, 0},
               machine(Column{"fallback", "Fallback formula", "", CellType::text, 0}),
               machine(Column{"description", "Description", "", CellType::text, 0})};
  for (const KpiDef& k : c.kpis) {
    t.rows.push_back({Cell(k.id), Cell(k.label(lang)), Cell(k.unit), Cell(std::string(to_string(k.direction))),
                      Cell(std::string(arrow(k.direction))), Cell(k.category),
                      Cell(static_cast<double>(k.precision)), Cell(k.formula), Cell(k.fallback_formula),
                      Cell(k.description)});
  }
  Report report;
  report.command = "kpis";
  report.tables.push_back(std::move(t));
  report.meta.emplace_back("catalogue", Cell(c.name));
  report.meta.emplace_back("catalogue_version", Cell(c.version));
  report.meta.emplace_back("definitions", Cell(definitions_hash(c, c.ids())));
  emit(report, o.common, io);
  return Outcome::ok;
}

}  // namespace nytta
