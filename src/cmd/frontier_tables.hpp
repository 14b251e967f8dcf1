#pragma once
// Tables and notes of a solved frontier (nytta/frontier.hpp), shared by `nytta frontier`,
// `target --method frontier` and compare's frontier section.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "nytta/metrics/evaluator.hpp"
#include "nytta/metrics/frontier.hpp"
#include "nytta/report/table.hpp"

namespace nytta {

/// "constant returns to scale, input-oriented: the same outputs from less input (option B)".
std::string frontier_model_text(const FrontierSpec& spec, const std::string& lang);

/// The main table: one row per unit (code, name, year, efficiency, [phi], [super_efficiency],
/// efficient, peers, the values and targets of every variable, potential, kind, flag),
/// sorted by score, with the summary rows (kind summary, no code) first.
Table frontier_table(Evaluator& e, const FrontierRun& run, const std::string& lang, const std::string& title);

/// Units evaluated, left out, efficient, mean and median score, the money and the potential.
Table frontier_summary_table(Evaluator& e, const FrontierRun& run, const std::string& lang);

/// How often each unit is a peer of another, most often first (units that never are: not listed).
Table peer_count_table(Evaluator& e, const FrontierRun& run, const std::string& lang);

/// One unit and its peers: code, name, role, λ, the values of every variable, kind, flag;
/// the unit first. For peer_chart.
Table unit_peers_table(Evaluator& e, const FrontierRun& run, std::size_t unit, const std::string& lang);

/// "Espoo (0.29); Vantaa (0.71)" (names, for people) or "049 0.285714; 092 0.714286" (codes).
std::string peers_text(const Dataset& data, const FrontierRun& run, std::size_t unit, bool names, const std::string& lang);

/// Everything a reader must know of one unit's result: its own data flags, flagged peers,
/// an infeasible super-efficiency, no score.
std::string frontier_unit_flag(const Dataset& data, const FrontierRun& run, std::size_t unit, const std::string& lang);

/// Why row is not on the frontier ("no value of cost"), or "" when it is.
std::string left_out_reason(const FrontierRun& run, std::size_t row, const std::string& lang);

/// The notes of a run: the model, how to read it, units left out, flagged units and peers,
/// infeasible super-efficiencies. defaulted names what the library defaults filled in.
void add_frontier_notes(Report& report, Evaluator& e, const FrontierRun& run, const std::string& lang,
                        const std::vector<std::string>& defaulted = {});

/// "5 names; and 3 more" from a list, for notes.
std::string listed(const std::vector<std::string>& items, const std::string& lang, std::size_t shown = 5);

/// The display unit of the money inputs (the data's currency), "" without money.
std::string money_unit(Evaluator& e, const FrontierRun& run, const std::string& lang);

}  // namespace nytta
