// nytta completion bash|zsh: the completion script for the shell, printed on stdout.
// It is generated from the same CLI11 definitions main parses with (main declares every
// command's options when this command runs), so a new flag is completed the day it is
// added. What CLI11 cannot say is which free-text values are KPI ids, files or
// directories: that is the one table kept by hand here (kValueKinds). KPI ids come from the
// built-in catalogue; choices from the IsMember checks of the options.

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <string_view>

#include "cmd/cli.hpp"
#include "cmd/completion.hpp"
#include "nytta/load/catalogue_file.hpp"
#include "nytta/util/version.hpp"

namespace nytta {

namespace {

using Value = CompletionOption::Value;

struct ValueKind {
  std::string_view command;  // "" for every command
  std::string_view option;
  Value value;
};

// Options whose value CLI11 only knows as TEXT.
constexpr ValueKind kValueKinds[] = {
    {"", "--kpi", Value::kpi},
    {"quadrant", "--result", Value::kpi},
    {"quadrant", "--input", Value::kpi},
    {"similar", "--by", Value::kpi},
    {"", "--inputs", Value::kpi},
    {"", "--outputs", Value::kpi},
    {"", "--non-discretionary", Value::kpi},
    {"", "--output", Value::file},
    {"", "--kpis", Value::file},
    {"", "--map", Value::file},
    {"", "--groups", Value::file},
    {"", "--rules", Value::file},
    {"", "--junit", Value::file},
    {"", "--gitlab-report", Value::file},
    {"", "--cpi", Value::file},
    {"", "--db", Value::file},
    {"batch", "--out", Value::directory},
};

// The values of an IsMember check, from the type name CLI11 shows in --help:
// "TEXT:{table,csv,json}" → table, csv, json.
std::vector<std::string> choices_of(const CLI::Option& opt) {
  std::string type = opt.get_type_name();
  std::size_t open = type.find(":{");
  if (open == std::string::npos) return {};
  std::size_t close = type.find('}', open);
  if (close == std::string::npos) return {};
  std::vector<std::string> out;
  std::string_view items(type.data() + open + 2, close - open - 2);
  while (!items.empty()) {
    std::size_t comma = items.find(',');
    std::string_view item = items.substr(0, comma);
    if (!item.empty() && std::find(out.begin(), out.end(), item) == out.end()) out.emplace_back(item);
    if (comma == std::string_view::npos) break;
    items.remove_prefix(comma + 1);
  }
  return out;
}

CompletionOption describe_option(const CLI::Option& opt, std::string_view command) {
  CompletionOption o;
  for (const std::string& s : opt.get_snames()) o.names.push_back("-" + s);
  for (const std::string& l : opt.get_lnames()) o.names.push_back("--" + l);
  o.help = opt.get_description();
  o.repeatable = opt.get_items_expected_max() > 1 && opt.get_delimiter() == '\0';
  o.list = opt.get_delimiter() != '\0';
  if (opt.get_expected_max() == 0) return o;  // a flag
  o.choices = choices_of(opt);
  if (!o.choices.empty()) {
    o.value = Value::choice;
    return o;
  }
  o.value = Value::other;
  for (const ValueKind& k : kValueKinds) {
    if (!k.command.empty() && k.command != command) continue;
    if (std::find(o.names.begin(), o.names.end(), k.option) != o.names.end()) o.value = k.value;
  }
  return o;
}

std::string join(const std::vector<std::string>& items, std::string_view sep) { return fmt::format("{}", fmt::join(items, sep)); }

// Text inside single quotes in a shell script.
std::string single_quoted(std::string_view s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// A description inside a zsh _arguments spec or a _describe item, already inside single
// quotes: brackets and colons are syntax there.
std::string zsh_text(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') {
      out += ' ';
      continue;
    }
    if (c == '[' || c == ']' || c == ':' || c == '\\') out += '\\';
    if (c == '\'') {
      out += "'\\''";
      continue;
    }
    out += c;
  }
  return out;
}

std::vector<std::string> all_names(const std::vector<CompletionOption>& options) {
  std::vector<std::string> names;
  for (const CompletionOption& o : options) names.insert(names.end(), o.names.begin(), o.names.end());
  return names;
}

std::string bash_value_case(const CompletionOption& o) {
  std::string pattern = join(o.names, "|");
  switch (o.value) {
    case Value::choice: return fmt::format("                {}) _nytta_words {}; return 0 ;;\n", pattern, single_quoted(join(o.choices, " ")));
    case Value::kpi:
      return fmt::format("                {}) {} \"$_nytta_kpis\"; return 0 ;;\n", pattern, o.list ? "_nytta_list" : "_nytta_words");
    case Value::file: return fmt::format("                {}) _nytta_files; return 0 ;;\n", pattern);
    case Value::directory: return fmt::format("                {}) _nytta_dirs; return 0 ;;\n", pattern);
    case Value::other: return fmt::format("                {}) return 0 ;;\n", pattern);
    case Value::none: break;
  }
  return {};
}

std::string zsh_option_spec(const CompletionOption& o) {
  std::string names;
  std::string prefix;
  if (o.repeatable) prefix = "'*'";
  else if (o.names.size() > 1) prefix = "'(" + join(o.names, " ") + ")'";
  std::vector<std::string> forms;
  for (const std::string& n : o.names) {
    std::string suffix = o.value == Value::none ? "" : n.rfind("--", 0) == 0 ? "=" : "+";
    forms.push_back(n + suffix);
  }
  names = forms.size() == 1 ? forms[0] : "{" + join(forms, ",") + "}";
  std::string action;
  switch (o.value) {
    case Value::none: break;
    case Value::choice: action = ":value:(" + join(o.choices, " ") + ")"; break;
    case Value::kpi: action = o.list ? ":key figures:_nytta_kpi_list" : ":key figure:_nytta_kpi"; break;
    case Value::file: action = ":file:_files"; break;
    case Value::directory: action = ":directory:_files -/"; break;
    case Value::other: action = ":value: "; break;
  }
  return fmt::format("{}{}'[{}]{}'", prefix, names, zsh_text(o.help), action);
}

struct CompletionOptions {
  std::string shell;
};

}  // namespace

CompletionSpec completion_spec(const CLI::App& root, std::vector<std::string> kpis, std::string version) {
  CompletionSpec spec;
  spec.version = std::move(version);
  spec.kpis = std::move(kpis);
  for (const CLI::Option* opt : root.get_options()) {
    if (opt->nonpositional()) spec.global.push_back(describe_option(*opt, ""));
  }
  for (const CLI::App* sub : root.get_subcommands([](const CLI::App*) { return true; })) {
    CompletionCommand c;
    c.name = sub->get_name();
    c.summary = sub->get_description();
    for (const CLI::Option* opt : sub->get_options()) {
      if (opt->nonpositional()) {
        c.options.push_back(describe_option(*opt, c.name));
        continue;
      }
      std::vector<std::string> choices = choices_of(*opt);
      if (choices.empty()) c.takes_files = true;
      else c.positional_choices = choices;
    }
    spec.commands.push_back(std::move(c));
  }
  return spec;
}

std::string bash_completion(const CompletionSpec& spec) {
  std::vector<std::string> command_names;
  for (const CompletionCommand& c : spec.commands) command_names.push_back(c.name);
  std::string s = fmt::format(
      "# bash completion for nytta {}                                   -*- shell-script -*-\n"
      "# Generated by `nytta completion bash` from the program's own option definitions.\n"
      "# Installed as /usr/share/bash-completion/completions/nytta; or, for one user:\n"
      "#   nytta completion bash > ~/.local/share/bash-completion/completions/nytta\n\n",
      spec.version);
  s += fmt::format("_nytta_kpis={}\n\n", single_quoted(join(spec.kpis, " ")));
  s += R"(_nytta_words() {
    mapfile -t COMPREPLY < <(compgen -W "$1" -- "$cur")
}

# A comma-separated list (--by a,b): completes the item after the last comma.
_nytta_list() {
    local head=
    [[ $cur == *,* ]] && head=${cur%,*},
    mapfile -t COMPREPLY < <(compgen -P "$head" -W "$1" -- "${cur##*,}")
}

_nytta_files() {
    compopt -o filenames 2>/dev/null
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
}

_nytta_dirs() {
    compopt -o filenames 2>/dev/null
    mapfile -t COMPREPLY < <(compgen -d -- "$cur")
}

_nytta() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev= cmd= opts= words= files= i
    COMPREPLY=()
    (( COMP_CWORD > 0 )) && prev=${COMP_WORDS[COMP_CWORD-1]}
    # --opt=value arrives as three words, --opt = value, since COMP_WORDBREAKS has '='.
    if [[ $cur == = ]]; then
        cur=
    elif [[ $prev == = ]] && (( COMP_CWORD > 1 )); then
        prev=${COMP_WORDS[COMP_CWORD-2]}
    fi
    for (( i = 1; i < COMP_CWORD; i++ )); do
        case ${COMP_WORDS[i]} in
)";
  s += fmt::format("            {}) cmd=${{COMP_WORDS[i]}}; break ;;\n", join(command_names, "|"));
  s += "        esac\n    done\n    if [[ -z $cmd ]]; then\n";
  s += fmt::format("        if [[ $cur == -* ]]; then _nytta_words {}; else _nytta_words {}; fi\n",
                   single_quoted(join(all_names(spec.global), " ")), single_quoted(join(command_names, " ")));
  s += "        return 0\n    fi\n    case $cmd in\n";
  for (const CompletionCommand& c : spec.commands) {
    s += fmt::format("        {})\n            case $prev in\n", c.name);
    for (const CompletionOption& o : c.options) s += bash_value_case(o);
    s += "            esac\n";
    s += fmt::format("            opts={}\n", single_quoted(join(all_names(c.options), " ")));
    if (!c.positional_choices.empty()) s += fmt::format("            words={}\n", single_quoted(join(c.positional_choices, " ")));
    if (c.takes_files) s += "            files=1\n";
    s += "            ;;\n";
  }
  s += R"(    esac
    if [[ $cur == -* ]]; then
        _nytta_words "$opts"
    elif [[ -n $words ]]; then
        _nytta_words "$words"
    elif [[ -n $files ]]; then
        _nytta_files
    fi
    return 0
}

complete -F _nytta nytta
)";
  return s;
}

std::string zsh_completion(const CompletionSpec& spec) {
  std::string s = fmt::format(
      "#compdef nytta\n"
      "# zsh completion for nytta {}, generated by `nytta completion zsh` from the program's own\n"
      "# option definitions. Installed as /usr/share/zsh/vendor-completions/_nytta; or, for one\n"
      "# user: nytta completion zsh > ~/.zfunc/_nytta with fpath+=(~/.zfunc) before compinit, or\n"
      "# source <(nytta completion zsh) after compinit.\n\n",
      spec.version);
  s += "_nytta_kpi() {\n  compadd -a _nytta_kpi_ids\n}\n\n";
  s += "_nytta_kpi_list() {\n  _values -s , 'key figure' $_nytta_kpi_ids\n}\n\n";
  s += "_nytta() {\n  local curcontext=$curcontext state line ret=1\n  typeset -A opt_args\n";
  s += "  local -a _nytta_kpi_ids commands\n";
  s += fmt::format("  _nytta_kpi_ids=({})\n", join(spec.kpis, " "));
  s += "  commands=(\n";
  for (const CompletionCommand& c : spec.commands) s += fmt::format("    '{}:{}'\n", c.name, zsh_text(c.summary));
  s += "  )\n  _arguments -C \\\n";
  for (const CompletionOption& o : spec.global) s += "    " + zsh_option_spec(o) + " \\\n";
  s += "    '1:command:->command' \\\n    '*::argument:->argument' && return 0\n";
  s += "  case $state in\n    (command)\n      _describe -t commands 'nytta command' commands && ret=0\n      ;;\n";
  s += "    (argument)\n      curcontext=${curcontext%:*:*}:nytta-$line[1]:\n      case $line[1] in\n";
  for (const CompletionCommand& c : spec.commands) {
    s += fmt::format("        ({})\n          _arguments -s -S \\\n", c.name);
    for (const CompletionOption& o : c.options) s += "            " + zsh_option_spec(o) + " \\\n";
    if (!c.positional_choices.empty()) s += fmt::format("            '1:shell:({})' \\\n", join(c.positional_choices, " "));
    else if (c.takes_files) s += "            '*:input file:_files' \\\n";
    s += "            && ret=0\n          ;;\n";
  }
  s += "      esac\n      ;;\n  esac\n  return ret\n}\n\n";
  s += "if [[ ${zsh_eval_context[-1]} == loadautofunc ]]; then\n  _nytta \"$@\"\nelse\n  compdef _nytta nytta\nfi\n";
  return s;
}

Runner setup_completion(CLI::App& app) {
  auto o = std::make_shared<CompletionOptions>();
  app.add_option("shell", o->shell, "The shell: bash or zsh")->required()->check(CLI::IsMember({"bash", "zsh"}));
  const CLI::App* root = app.get_parent();
  return [o, root](Io& io) {
    const Catalogue& catalogue = builtin_catalogue();
    std::vector<std::string> kpis;
    for (const KpiDef& k : catalogue.kpis) kpis.push_back(k.id);
    for (const MeasureDef& m : catalogue.measures) kpis.push_back(m.id);
    CompletionSpec spec = completion_spec(*root, std::move(kpis), std::string(version()));
    write_stdout(o->shell == "zsh" ? zsh_completion(spec) : bash_completion(spec), io);
    return Outcome::ok;
  };
}

}  // namespace nytta
