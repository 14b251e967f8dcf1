// What a command reads: the data (given, or the bundled data), the catalogue, groups, and
// the units it is asked about; and the refusal to write over any of its inputs.
#include "cmd/common.hpp"
#include "cmd/file_outputs.hpp"
#include <algorithm>
#include <map>
#include <set>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fmt/format.h>
#include <ostream>
#include <sstream>

#include "nytta/load/catalogue_file.hpp"
#include "nytta/util/error.hpp"
#include "nytta/load/load.hpp"
#include "nytta/load/groups.hpp"
#include "nytta/report/writer.hpp"
#include "nytta/model/header_aliases.hpp"
#include "nytta/load/number.hpp"
#include "nytta/metrics/flags.hpp"
#include "nytta/metrics/rank.hpp"
#include "nytta/report/labels.hpp"
#include "nytta/report/number_format.hpp"
#include "nytta/util/atomic_file.hpp"
#include "nytta/util/file_names.hpp"
#include "nytta/util/install_paths.hpp"
#include "nytta/util/terminal_text.hpp"
#include "nytta/util/text.hpp"

namespace nytta {

namespace {

// Yearly exports merged: say which units are in one year and not the next.
void note_comings_and_goings(Dataset& data) {
  std::vector<int> years = data.years();
  std::map<int, std::set<std::uint32_t>> present;
  for (std::size_t r = 0; r < data.row_count(); ++r) {
    if (data.unit_of(r).kind == RowKind::unit) present[data.row_year[r]].insert(data.row_unit[r]);
  }
  auto names = [&](const std::vector<std::uint32_t>& units) {
    std::vector<std::string> n;
    for (std::size_t i = 0; i < units.size() && i < 5; ++i) n.push_back(data.units[units[i]].name);
    std::string s = fmt::format("{}", fmt::join(n, ", "));
    if (units.size() > 5) s += fmt::format(" and {} more", units.size() - 5);
    return s;
  };
  for (std::size_t i = 0; i + 1 < years.size(); ++i) {
    std::vector<std::uint32_t> gone, fresh;
    for (std::uint32_t u : present[years[i]]) {
      if (!present[years[i + 1]].count(u)) gone.push_back(u);
    }
    for (std::uint32_t u : present[years[i + 1]]) {
      if (!present[years[i]].count(u)) fresh.push_back(u);
    }
    if (!gone.empty())
      data.notes.push_back(fmt::format("{} units are in the data for {} but not for {}: {}", gone.size(), years[i], years[i + 1], names(gone)));
    if (!fresh.empty())
      data.notes.push_back(fmt::format("{} units are new in {}: {}", fresh.size(), years[i + 1], names(fresh)));
  }
}

}  // namespace
std::string bundled_data_path(const Env& env) {
  return find_data_dir(env.data_dir, executable_dir(), NYTTA_DATA_DIR) + "/fi_libraries_1999_2013.csv";
}
std::vector<std::string> input_files(const CommonOptions& o, const Env& env) {
  std::vector<std::string> in = o.files;
  if (in.empty() && o.map_file.empty() && o.has_input) in.push_back(bundled_data_path(env));
  for (const std::string* f : {&o.map_file, &o.kpis_file, &o.groups_file}) {
    if (!f->empty()) in.push_back(*f);
  }
  in.insert(in.end(), o.other_inputs.begin(), o.other_inputs.end());
  return in;
}
void refuse_outputs_over_inputs(const CommonOptions& o, const Env& env) {
  std::vector<std::string> outputs = o.other_outputs;
  if (!writes_to_stdout(o)) outputs.push_back(o.output);
  std::vector<std::string> inputs = input_files(o, env);
  for (const std::string& out : outputs) {
    for (const std::string& in : inputs) {
      if (out != "-" && in != "-" && same_file(out, in))
        throw UsageError(out == in ? fmt::format("{} is an input of this command: nytta never writes over its input; choose another output file", out)
                                   : fmt::format("{} is an input of this command ({}): nytta never writes over its input; choose another output file",
                                                 out, in));
    }
  }
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    for (std::size_t j = i + 1; j < outputs.size(); ++j) {
      if (outputs[i] == outputs[j] || same_file(outputs[i], outputs[j]))
        throw UsageError(fmt::format("{} is named for two outputs: give each output its own file", outputs[i]));
    }
  }
}
Dataset load_input(const CommonOptions& o, const Io& io, const YearNeeds& needs) {
  refuse_outputs_over_inputs(o, io.env);
  LoadOptions lo;
  lo.years = needs;
  if (!o.delimiter.empty()) lo.delimiter = parse_delimiter_name(o.delimiter).value_or(0);
  if (!o.encoding.empty()) lo.encoding = parse_encoding_name(o.encoding).value_or(Encoding::automatic);
  lo.max_rows = o.max_rows;
  lo.map_file = o.map_file;
  lo.sheet = o.sheet;
  std::vector<std::string> files = o.files;
  if (files.empty() && !o.map_file.empty()) throw UsageError("--map needs the files of the export to read");
  if (files.empty()) files.push_back(bundled_data_path(io.env));
  Dataset data = load_files(files, lo);
  if (files.size() > 1) note_comings_and_goings(data);
  if (!o.groups_file.empty()) {
    std::string note = apply_groups(data, o.groups_file);
    if (!note.empty()) data.notes.push_back(note);
  }
  return data;
}
std::string group_name(const Dataset& data, const std::string& group) {
  for (const Unit& u : data.units) {
    if (u.kind == RowKind::region && u.group == group && !u.name.empty()) return u.name;
  }
  return group;
}
std::string resolve_group(const Dataset& data, const std::string& wanted) {
  if (wanted.empty()) return {};
  std::vector<std::string> groups;
  for (const Unit& u : data.units) {
    if (u.kind != RowKind::unit || u.group.empty()) continue;
    if (std::find(groups.begin(), groups.end(), u.group) == groups.end()) groups.push_back(u.group);
  }
  if (groups.empty()) throw UsageError(fmt::format("--group {}: the data have no groups (give them with --groups FILE)", wanted));
  std::string folded = fold_case(trim(wanted));
  for (const std::string& g : groups) {
    if (g == wanted || fold_case(g) == folded || fold_case(group_name(data, g)) == folded) return g;
  }
  std::vector<std::string> shown;
  for (const std::string& g : groups) {
    std::string n = group_name(data, g);
    shown.push_back(n == g ? g : fmt::format("{} ({})", n, g));
  }
  std::sort(shown.begin(), shown.end());
  std::vector<std::string> candidates = groups;
  for (const std::string& g : groups) candidates.push_back(group_name(data, g));
  std::string list = shown.size() <= 30 ? fmt::format("{}", fmt::join(shown, ", "))
                                        : fmt::format("{}, … ({} groups)", fmt::join(shown.begin(), shown.begin() + 30, ", "), shown.size());
  throw UsageError(fmt::format("no group '{}' in the data{}; the groups are: {}", wanted, did_you_mean(wanted, candidates), list));
}
std::unique_ptr<Evaluator> load_for_kpi(const CommonOptions& o, const Io& io, YearNeeds needs,
                                        const std::function<std::string(Evaluator&)>& kpi_of) {
  auto catalogue = std::make_shared<const Catalogue>(load_catalogue(o));
  auto e = std::make_unique<Evaluator>(std::make_shared<const Dataset>(load_input(o, io, needs)), catalogue);
  if (needs.all) return e;
  std::optional<int> latest = latest_year_with_values(*e, e->column(kpi_of(*e)));
  if (latest && *latest == e->panel().years().back()) return e;
  return std::make_unique<Evaluator>(std::make_shared<const Dataset>(load_input(o, io)), catalogue);
}
Catalogue load_catalogue(const CommonOptions& o) {
  if (o.kpis_file.empty()) return builtin_catalogue();
  return catalogue_from_file(read_catalogue_file(o.kpis_file));
}
std::vector<std::uint32_t> select_units(const Dataset& data, const std::vector<std::string>& keys, const std::string& group) {
  std::vector<std::uint32_t> units;
  for (const std::string& key : keys) units.push_back(find_unit(data, key));
  if (keys.empty()) {
    for (std::uint32_t u = 0; u < data.units.size(); ++u) {
      if (data.units[u].kind == RowKind::unit && (group.empty() || data.units[u].group == group)) units.push_back(u);
    }
  }
  std::stable_sort(units.begin(), units.end(), [&](std::uint32_t a, std::uint32_t b) { return unit_less(data.units[a], data.units[b]); });
  units.erase(std::unique(units.begin(), units.end()), units.end());
  return units;
}
std::uint32_t find_unit(const Dataset& data, const std::string& key) {
  std::string wanted = fold_case(trim(key));
  std::vector<std::string> keys;
  std::vector<std::uint32_t> by_name;
  for (std::uint32_t u = 0; u < data.units.size(); ++u) {
    const Unit& unit = data.units[u];
    if (unit.kind != RowKind::unit) continue;
    if (fold_case(unit.code) == wanted) return u;  // a code names one unit
    if (fold_case(unit.name) == wanted) by_name.push_back(u);
    keys.push_back(unit.key());
  }
  if (by_name.size() == 1) return by_name.front();
  if (by_name.size() > 1) {
    // Over 500 US library names are shared: never the first in file order.
    std::vector<std::string> codes;
    for (std::size_t i = 0; i < by_name.size() && i < 10; ++i) {
      const Unit& u = data.units[by_name[i]];
      codes.push_back(u.group.empty() ? u.code : fmt::format("{} ({})", u.code, u.group));
    }
    throw UsageError(fmt::format("'{}' is ambiguous: {} units have that name: {}{}; give the code", key, by_name.size(),
                                 fmt::join(codes, ", "), by_name.size() > codes.size() ? ", …" : ""));
  }
  throw UsageError(fmt::format("no unit '{}' in the data{}", key, did_you_mean(key, keys)));
}

}  // namespace nytta
