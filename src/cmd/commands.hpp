#pragma once
// The subcommands. Each setup_<verb> declares its flags on app and returns the runner
// that loads, computes and writes once parsing succeeded.

#include <CLI/CLI.hpp>

#include "cmd/common.hpp"

namespace nytta {

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
Runner setup_completion(CLI::App& app);

}  // namespace nytta
