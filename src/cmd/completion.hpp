#pragma once
// Shell completion for nytta, generated from the CLI11 definitions of the commands, so that
// it can never list a flag the program does not have.

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace nytta {

struct CompletionOption {
  enum class Value { none, choice, kpi, file, directory, other };
  std::vector<std::string> names;  // "-f", "--format"
  std::string help;
  Value value = Value::none;
  std::vector<std::string> choices;  // for Value::choice
  bool repeatable = false;           // may be given more than once (--unit A --unit B)
  bool list = false;                 // comma-separated values (--by a,b)
};

struct CompletionCommand {
  std::string name, summary;
  std::vector<CompletionOption> options;
  bool takes_files = false;                    // positional input files
  std::vector<std::string> positional_choices;  // a positional with fixed values (completion bash|zsh)
};

struct CompletionSpec {
  std::string version;
  std::vector<CompletionOption> global;  // the options of `nytta` itself
  std::vector<CompletionCommand> commands;
  std::vector<std::string> kpis;  // ids of the built-in catalogue's KPIs and measures
};

/// Reads every subcommand of root (whose options must have been declared) into a spec.
CompletionSpec completion_spec(const CLI::App& root, std::vector<std::string> kpis, std::string version);

/// The bash completion script: defines _nytta and `complete -F _nytta nytta`.
std::string bash_completion(const CompletionSpec& spec);

/// The zsh completion script (#compdef nytta), for fpath or `source <(nytta completion zsh)`.
std::string zsh_completion(const CompletionSpec& spec);

}  // namespace nytta
