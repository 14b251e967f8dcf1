// The flags every command shares and the checks of numbers given on the command line
// (years, finite numbers, counts): a bad flag is a usage error before anything is read.

#include <charconv>
#include <cmath>
#include <fmt/format.h>

#include "cmd/cli.hpp"
#include "nytta/load/number.hpp"
#include "nytta/util/text.hpp"

namespace nytta {

CLI::Validator year_value() {
  return CLI::Validator(
      [](std::string& v) { return parse_year(v) ? std::string() : fmt::format("a year is four digits from 1000 to 9999, not '{}'", v); },
      "YEAR");
}

CLI::Validator finite_value() {
  return CLI::Validator(
      [](std::string& v) {
        ParsedNumber p = parse_number(v, NumberFormat{'.', {}});
        return p.ok() && std::isfinite(p.value) ? std::string() : fmt::format("'{}' is not a finite number", v);
      },
      "NUMBER");
}

CLI::Validator count_value(long long lo, long long hi) {
  return CLI::Validator(
      [lo, hi](std::string& v) {
        std::string t(trim(v));
        long long n = 0;
        auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), n);
        if (ec != std::errc() || end != t.data() + t.size() || n < lo || n > hi)
          return fmt::format("a whole number from {} to {} is needed, not '{}'", lo, hi, v);
        return std::string();
      },
      fmt::format("INT in [{} - {}]", lo, hi));
}

void add_common_options(CLI::App& app, CommonOptions& o, bool with_input) {
  app.add_option("-f,--format", o.format,
                 "Output format: table, csv, json, md, html, svg (the chart alone), xlsx, sqlite (default: table on a terminal, csv "
                 "otherwise)")
      ->check(CLI::IsMember({"table", "csv", "json", "md", "markdown", "html", "svg", "xlsx", "sqlite"}, CLI::ignore_case));
  app.add_option("-o,--output", o.output, "Write to FILE (atomically) instead of stdout; the extension picks the format");
  app.add_option("--color", o.color, "Colour: auto, always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option("--lang", o.lang, "Language of labels: en, sv, nb (default: from LANG)")
      ->check(CLI::IsMember({"en", "sv", "nb"}));
  app.add_option("--kpis", o.kpis_file, "KPI catalogue (TOML): a service of its own, or (unnamed or extends = \"library\") additions to the built-in one");
  app.add_flag("--raw", o.raw, "CSV: texts exactly as they are, without the ' that keeps spreadsheets from running them");
  app.add_option("--csv-dialect", o.csv_dialect, "CSV for: plain (',' and '.', default) or excel-nordic (';', decimal comma, BOM: Swedish/Norwegian Excel)")
      ->check(CLI::IsMember({"plain", "excel-nordic", "excel-sv", "excel-nb"}, CLI::ignore_case));
  app.add_flag("--replace", o.replace, "SQLite output: replace the rows of earlier runs with the same unit, year and KPI (default: keep them)");
  o.has_input = with_input;
  if (!with_input) return;
  app.add_flag("--keep-impossible", o.keep_impossible,
               "Rank values that cannot be true (a share above 1, cost with no loans) instead of listing them unranked");
  app.add_option("--sheet", o.sheet, "xlsx/ods input: the sheet to read (default: the first, or the mapping's)");
  app.add_option("--groups", o.groups_file, "Peer groups from a file: code (or name) and group columns");
  app.add_option("--group", o.group, "Only the units of this group, against the group's own references");
  app.add_option("files", o.files, "Input files (canonical long CSV); the bundled data when none")
      ->type_name("FILE…");
  app.add_option("-d,--delimiter", o.delimiter, "Field separator of the input: , ; tab | (default: detected)")
      ->check(CLI::Validator(
          [](std::string& v) { return parse_delimiter_name(v) ? std::string() : fmt::format("must be one of {}", kDelimiterNames); },
          "SEPARATOR"));
  app.add_option("--encoding", o.encoding, "Input encoding: utf-8, windows-1252, latin1 (default: detected)")
      ->check(CLI::Validator(
          [](std::string& v) { return parse_encoding_name(v) ? std::string() : fmt::format("must be one of {}", kEncodingNames); },
          "ENCODING"));
  app.add_option("--map", o.map_file, "Mapping file (TOML) for an export that is not canonical long CSV (see data/mappings/)");
  app.add_option("--max-rows", o.max_rows, "Refuse inputs with more rows than this")->capture_default_str()->check(count_value(1, 1'000'000'000));
}

void add_frontier_flags(CLI::App& app, FrontierFlags& f, const std::vector<std::string>& rts_choices, bool non_discretionary) {
  app.add_option("--inputs", f.inputs, "Inputs: measures or KPIs, comma-separated (default: cost)")->delimiter(',')->allow_extra_args(false);
  app.add_option("--outputs", f.outputs,
                 "Outputs: measures or KPIs, comma-separated (default: loans, visits, opening_hours, active_borrowers)")
      ->delimiter(',')->allow_extra_args(false);
  if (non_discretionary)
    app.add_option("--non-discretionary", f.non_discretionary,
                   "Inputs the units cannot change (population): kept at their value, added to the inputs")
        ->delimiter(',')->allow_extra_args(false);
  app.add_option("--rts", f.rts, "Returns to scale: " + fmt::format("{}", fmt::join(rts_choices, ", ")))
      ->check(CLI::IsMember(rts_choices))
      ->capture_default_str();
  app.add_option("--orientation", f.orientation,
                 "input: the same outputs from less input (option B); output: more outputs from the same input (option A)")
      ->check(CLI::IsMember({"input", "output"}))
      ->capture_default_str();
}

}  // namespace nytta
