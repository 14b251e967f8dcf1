#pragma once
// The command line: every command's flags, declared with CLI11 in cli_commands.cpp, and the
// flags and checks they share (cli_common.cpp). Only these files and main.cpp see CLI11,
// so the commands themselves are plain functions of their options (commands.hpp), and
// CLI11's templates are compiled three times instead of once per command.

#include <CLI/CLI.hpp>
#include <span>
#include <string>
#include <vector>

#include "cmd/commands.hpp"

namespace nytta {

/// A year flag: four digits, 1000–9999.
CLI::Validator year_value();
/// A number flag that must be finite (no nan, no inf).
CLI::Validator finite_value();
/// A whole-number flag from lo to hi (negative counts are refused, never read as "all").
CLI::Validator count_value(long long lo, long long hi);

/// Declares the common flags; with_input adds the positional FILE… and the input flags.
void add_common_options(CLI::App& app, CommonOptions& o, bool with_input = true);

/// Declares the frontier flags; rts_choices are the --rts values the command allows.
void add_frontier_flags(CLI::App& app, FrontierFlags& f, const std::vector<std::string>& rts_choices, bool non_discretionary);

/// A subcommand: its name, its line in `nytta --help`, and what declares its flags.
struct Command {
  const char* name;
  const char* summary;
  Runner (*setup)(CLI::App&);
};

/// Every command, in the order of `nytta --help`.
std::span<const Command> commands();

// Each command's flags on app; the Runner runs it with the parsed options.

Runner setup_report(CLI::App& app);
Runner setup_rank(CLI::App& app);
Runner setup_trend(CLI::App& app);
Runner setup_kpis(CLI::App& app);
Runner setup_convert(CLI::App& app);
Runner setup_validate(CLI::App& app);
Runner setup_explain(CLI::App& app);
Runner setup_similar(CLI::App& app);
Runner setup_compare(CLI::App& app);
Runner setup_quadrant(CLI::App& app);
Runner setup_goal(CLI::App& app);
Runner setup_target(CLI::App& app);
Runner setup_check(CLI::App& app);
Runner setup_batch(CLI::App& app);
Runner setup_frontier(CLI::App& app);
Runner setup_malmquist(CLI::App& app);
Runner setup_completion(CLI::App& app);  // cli_completion.cpp

}  // namespace nytta
