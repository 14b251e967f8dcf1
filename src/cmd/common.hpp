#pragma once
// What every subcommand shares: the common options (their flags are in cli.hpp), loading
// the input and the catalogue, column specs for KPIs, and writing the finished Report to
// stdout or -o FILE. Implemented by what each part does: input.cpp (data, catalogue,
// units), output.cpp (formats, labels, notes, emit) and common.cpp (rows, references and
// years the analyses share).

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "nytta/model/dataset.hpp"
#include "nytta/metrics/evaluator.hpp"
#include "nytta/model/kpi.hpp"
#include "nytta/load/load.hpp"
#include "nytta/metrics/rank.hpp"
#include "nytta/metrics/reference.hpp"
#include "nytta/report/table.hpp"
#include "nytta/report/writer.hpp"
#include "nytta/util/atomic_file.hpp"
#include "nytta/util/term.hpp"

namespace nytta {

/// The streams and environment a command runs in; tests pass string streams.
struct Io {
  std::ostream& out;
  std::ostream& err;
  bool out_is_tty = false;
  Env env;
  bool err_is_tty = false;
  std::vector<std::string> args;  // the command line after "nytta", for the record of a run
};

/// What a command reports back to main, which alone maps it to an exit code.
enum class Outcome { ok, check_failed };

/// A parsed subcommand, ready to run.
using Runner = std::function<Outcome(Io&)>;

/// Written to stdout when the reader went away (`nytta rank | head`): not an error.
struct BrokenPipe {};

struct CommonOptions {
  std::vector<std::string> files;
  std::string format;
  std::string output;
  std::string color = "auto";
  std::string lang;
  std::string kpis_file;
  std::string delimiter;
  std::string encoding;
  std::string map_file;
  std::string groups_file;
  std::string group;
  std::size_t max_rows = 50'000'000;
  bool raw = false;
  bool keep_impossible = false;
  std::string sheet;        // xlsx/ods input: the sheet to read
  std::string csv_dialect;  // plain (default) or excel-nordic
  bool replace = false;     // SQLite output: replace rows of earlier runs
  bool has_input = false;   // the command reads data (set by add_common_options)
  std::vector<std::string> other_inputs;   // files a command reads besides the data (rules, CPI)
  std::vector<std::string> other_outputs;  // files it writes besides -o (JUnit XML, a database)
};

/// Every file the command reads: the data (or the bundled data), mapping, catalogue, groups
/// and other_inputs.
std::vector<std::string> input_files(const CommonOptions& o, const Env& env);

/// Refuses an output (-o, other_outputs) that is one of the inputs, whatever its name: the
/// same device and inode. A UsageError before anything is computed or written.
void refuse_outputs_over_inputs(const CommonOptions& o, const Env& env);

/// The bundled data set used when no FILE is given.
std::string bundled_data_path(const Env& env);

/// Loads the FILEs (or the bundled data) and merges them, keeping the years needs asks for.
Dataset load_input(const CommonOptions& o, const Io& io, const YearNeeds& needs = {});

/// The data for a command about one KPI, with its evaluator: only the years `needs` names
/// (the fast path), and every year when the last one read has no value of the KPI that
/// kpi_of names (a KPI published a year late). The evaluator owns the data it evaluates.
std::unique_ptr<Evaluator> load_for_kpi(const CommonOptions& o, const Io& io, YearNeeds needs,
                                        const std::function<std::string(Evaluator&)>& kpi_of);

/// The built-in catalogue, with --kpis FILE laid over it.
Catalogue load_catalogue(const CommonOptions& o);

/// The format the output is written in: -f, else -o's extension, else table on a terminal
/// and csv otherwise. An unknown extension or -f disagreeing with it is a UsageError.
Format resolve_format(const CommonOptions& o, const Io& io);

/// True when the output goes to stdout (no -o, or -o -).
bool writes_to_stdout(const CommonOptions& o);

/// The language people read: --lang, else the environment.
std::string effective_lang(const CommonOptions& o, const Io& io);

/// The language of the texts a command puts in its report: English for csv and json, whose
/// bytes never depend on --lang; else effective_lang.
std::string text_lang(const CommonOptions& o, const Io& io);

/// The unit shown for a KPI unit: "currency" becomes the data's currency.
std::string display_unit(const std::string& unit, const std::string& currency, const std::string& lang);

/// A table column for a KPI or measure.
Column kpi_column(const Evaluator& e, const std::string& id, const std::string& lang,
                  const std::string& column_id = {});

/// Label of a KPI or measure in lang.
std::string kpi_label(const Evaluator& e, const std::string& id, const std::string& lang);

/// Display unit of a KPI or measure.
std::string kpi_unit(const Evaluator& e, const std::string& id, const std::string& lang);

/// Precision for a KPI or measure (catalogue precision; 0 for measures).
int kpi_precision(const Evaluator& e, const std::string& id);

/// The latest year in which some unit has a value of column.
std::optional<int> latest_year_with_values(const Evaluator& e, const KpiColumn& column);

/// --year when given (checked against the data), else the latest year with values.
int choose_year(const Evaluator& e, const KpiColumn& column, std::optional<int> year);

/// Tone of a quartile for colour: 1 good, 2–3 middle, 4 bad.
Tone tone_of(std::optional<int> quartile);

/// Adds the catalogue version and definitions hash of what e evaluated, and e's notes.
/// also_used: data columns the command uses although no KPI does (frontier variables).
void add_provenance(Report& report, const Evaluator& e, const std::string& lang,
                    const std::vector<std::string>& also_used = {});

/// Notes on the units of r whose value of id is impossible (not ranked, or ranked with
/// --keep-impossible), flagged by the data's widened range, or jumped since the year before.
void add_ranking_notes(Report& report, Evaluator& e, const std::string& id, const Ranking& r, int year, bool keep_impossible,
                       const std::string& lang);

/// "columns no KPI uses: 'Utlan' (did you mean 'utlån', loans?), 'staff'", or "".
std::string unused_columns_note(const Evaluator& e, const std::vector<std::string>& also_used = {});

/// One note naming the KPIs whose national row and sum of units differ by more than 1 %
/// in the given years, or none.
void add_reference_note(Report& report, Evaluator& e, const std::vector<std::string>& ids,
                        const std::vector<int>& years, const std::string& lang);

/// Writes report in the chosen format to stdout or atomically to -o FILE.
/// With together, a file output joins the files the command commits at its end.
void emit(const Report& report, const CommonOptions& o, Io& io, OutputFiles* together = nullptr);

/// Writes text to stdout; a closed pipe becomes BrokenPipe, another failure FileError.
void write_stdout(std::string_view text, Io& io);

/// Rows of year that are units in scope (the --group when given), in dataset order.
std::vector<std::size_t> unit_rows(const Evaluator& e, int year, const std::string& group);

/// The group --group names (by its key or its name, any case), or "" for none. An unknown
/// one is a UsageError listing the groups.
std::string resolve_group(const Dataset& data, const std::string& wanted);

/// How a group is shown: the name of its region row ("Stockholms län" for "01"), else itself.
std::string group_name(const Dataset& data, const std::string& group);

/// How a reference is named in headers: "National", "Mean", "Median", "Group", or the group.
std::string reference_label(Against against, const std::string& group, const std::string& lang);

/// The reference as it follows "Deviation from": lower case for national, mean, median; a
/// group's name as it is.
std::string reference_phrase(Against against, const std::string& group, const std::string& lang);

/// The national (or --group) value, or the mean or median of the units in scope.
double scalar_reference(Evaluator& e, const std::string& id, int year, Against against, const std::string& group);

/// The reference of each row for `against` (the unit's own group for Against::group).
std::vector<double> reference_values(Evaluator& e, const std::string& id, int year, Against against,
                                     const std::string& group, const std::vector<std::size_t>& rows);

/// The unit a --unit value names (code or name, case-insensitive). Throws UsageError.
std::uint32_t find_unit(const Dataset& data, const std::string& key);

/// The units a command works on: those named by keys (codes or names), else every unit
/// (of the group, when one is given); in the order of the data (code, then name), once each.
std::vector<std::uint32_t> select_units(const Dataset& data, const std::vector<std::string>& keys, const std::string& group);

}  // namespace nytta
