// The frontier's flags and what they mean, shared by frontier and malmquist so that a flag
// never means two things. Without --inputs and --outputs a library frontier is the
// sensible default (cost in; loans, visits, opening hours and active borrowers out), said
// in the notes; for data that lack those, the user must name the variables.

#include "cmd/frontier_flags.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "cmd/common.hpp"
#include "nytta/util/error.hpp"

namespace nytta {


FrontierSpec frontier_spec(const Evaluator& e, const FrontierFlags& f, std::vector<std::string>& defaulted) {
  FrontierSpec spec;
  FrontierSpec library = library_frontier_spec();
  spec.inputs = f.inputs;
  spec.outputs = f.outputs;
  auto check_default = [&](const std::vector<std::string>& ids, const char* flag) {
    for (const std::string& id : ids)
      if (!e.knows(id))
        throw UsageError(fmt::format("no {} given and the data lack the library default '{}': name the {} with {}", flag, id,
                                     flag + 2, flag));
  };
  if (spec.inputs.empty()) {
    check_default(library.inputs, "--inputs");
    spec.inputs = library.inputs;
    defaulted.push_back("--inputs");
  }
  if (spec.outputs.empty()) {
    check_default(library.outputs, "--outputs");
    spec.outputs = library.outputs;
    defaulted.push_back("--outputs");
  }
  for (const std::string& id : f.non_discretionary) {
    if (std::find(spec.inputs.begin(), spec.inputs.end(), id) == spec.inputs.end()) spec.inputs.push_back(id);
    if (std::find(spec.non_discretionary.begin(), spec.non_discretionary.end(), id) == spec.non_discretionary.end())
      spec.non_discretionary.push_back(id);
  }
  spec.rts = *dea::parse_rts(f.rts);
  spec.orientation = *dea::parse_orientation(f.orientation);
  return spec;
}

std::optional<int> latest_frontier_year(Evaluator& e, const FrontierSpec& spec, const std::string& group) {
  std::vector<const KpiColumn*> cols;
  for (const std::vector<std::string>* list : {&spec.inputs, &spec.outputs})
    for (const std::string& id : *list) cols.push_back(&e.column(id));
  const std::vector<int>& years = e.panel().years();
  for (auto y = years.rbegin(); y != years.rend(); ++y) {
    std::size_t complete = 0;
    for (std::size_t r : unit_rows(e, *y, group)) {
      bool all = std::all_of(cols.begin(), cols.end(), [&](const KpiColumn* c) { return !is_missing(c->values[r]); });
      if (all && ++complete >= 2) return *y;
    }
  }
  return std::nullopt;
}

int frontier_year(Evaluator& e, const FrontierSpec& spec, const std::string& group, std::optional<int> year) {
  const std::vector<int>& years = e.panel().years();
  if (year) {
    if (!std::binary_search(years.begin(), years.end(), *year))
      throw UsageError(fmt::format("no data for the year {}; the data cover {}–{}", *year, years.front(), years.back()));
    return *year;
  }
  std::optional<int> latest = latest_frontier_year(e, spec, group);
  if (!latest) {
    std::vector<std::string> all = spec.inputs;
    all.insert(all.end(), spec.outputs.begin(), spec.outputs.end());
    throw DataError(fmt::format("{}: in no year do two units have a value of every one of {}", fmt::join(e.data().sources, ", "),
                                fmt::join(all, ", ")));
  }
  return *latest;
}

std::vector<std::string> spec_variables(const FrontierSpec& spec) {
  std::vector<std::string> v = spec.inputs;
  v.insert(v.end(), spec.outputs.begin(), spec.outputs.end());
  return v;
}

}  // namespace nytta
