#include "nytta/measure_info.hpp"

#include <array>

namespace nytta {

MeasureInfo measure_info(std::string_view name) {
  struct Entry {
    std::string_view name, en, sv, nb, unit;
  };
  static constexpr std::array<Entry, 7> kEntries = {{
      {"population", "Population", "Folkmängd", "Folketall", "count"},
      {"loans", "Loans", "Utlån", "Utlån", "count"},
      {"visits", "Visits", "Besök", "Besøk", "count"},
      {"opening_hours", "Opening hours", "Öppettimmar", "Åpningstimer", "h"},
      {"active_borrowers", "Active borrowers", "Aktiva låntagare", "Aktive lånere", "count"},
      {"cost", "Cost", "Kostnad", "Kostnad", "currency"},
      {"libraries", "Service points", "Bibliotek", "Bibliotek", "count"},
  }};
  for (const Entry& e : kEntries) {
    if (e.name == name) {
      return MeasureInfo{KpiLabels{std::string(e.en), std::string(e.sv), std::string(e.nb)}, std::string(e.unit)};
    }
  }
  return MeasureInfo{KpiLabels{std::string(name), "", ""}, ""};
}

}  // namespace nytta
