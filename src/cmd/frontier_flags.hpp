#pragma once
// The flags `nytta frontier` and `nytta malmquist` share (--inputs, --outputs,
// --non-discretionary, --rts, --orientation), spelled and meaning the same in both, and
// the spec and year they give.

#include <optional>
#include <string>
#include <vector>

#include "nytta/metrics/evaluator.hpp"
#include "nytta/metrics/frontier.hpp"

namespace nytta {

struct FrontierFlags {
  std::vector<std::string> inputs, outputs, non_discretionary;
  std::string rts = "crs";
  std::string orientation = "input";
};

/// The spec the flags ask for: the library defaults where --inputs or --outputs are not
/// given (their flag names go to defaulted), non-discretionary inputs added to the inputs.
/// A default the data lack is a UsageError that asks for the flag.
FrontierSpec frontier_spec(const Evaluator& e, const FrontierFlags& f, std::vector<std::string>& defaulted);

/// The spec's inputs, then its outputs: the variables the provenance note names.
std::vector<std::string> spec_variables(const FrontierSpec& spec);

/// The latest year in which at least two units of group have a value of every variable.
std::optional<int> latest_frontier_year(Evaluator& e, const FrontierSpec& spec, const std::string& group);

/// --year when given (it must be in the data), else latest_frontier_year; DataError when none.
int frontier_year(Evaluator& e, const FrontierSpec& spec, const std::string& group, std::optional<int> year);

}  // namespace nytta
