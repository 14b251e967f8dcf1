#pragma once
// Labels and units of the canonical measures, so that a plain measure (loans, cost) shows
// as well as a KPI does.

#include <string>
#include <string_view>

#include "nytta/kpi.hpp"

namespace nytta {

/// Label (en/sv/nb) and unit (count or currency) of a canonical measure; for any other
/// measure the name itself and an empty unit.
struct MeasureInfo {
  KpiLabels labels;
  std::string unit;
};

MeasureInfo measure_info(std::string_view name);

}  // namespace nytta
