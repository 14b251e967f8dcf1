#pragma once
// Constructors of the concrete writers, one file each.

#include <memory>
#include <ostream>
#include <string_view>
#include <vector>

#include "nytta/report/writer.hpp"

namespace nytta {

std::unique_ptr<Writer> make_csv_writer(bool raw);
/// CSV that Swedish, Norwegian, Danish and Finnish Excel opens in columns (writer_csv_nordic.cpp).
std::unique_ptr<Writer> make_nordic_csv_writer(bool raw);
/// True for a text a spreadsheet would take for a formula: it starts with = + - @ tab or CR.
bool looks_like_formula(std::string_view text);
std::unique_ptr<Writer> make_json_writer();
std::unique_ptr<Writer> make_table_writer(const WriteOptions& options);
std::unique_ptr<Writer> make_markdown_writer(const WriteOptions& options);
std::unique_ptr<Writer> make_html_writer(const WriteOptions& options);
/// The report's charts as one standalone SVG document.
std::unique_ptr<Writer> make_svg_writer(const WriteOptions& options);

/// The report's input files by their names, without directories: "a.csv, b.csv".
std::string source_names(const Report& report);


/// One CSV field, quoted as RFC 4180 wants when it holds , " CR or LF.
void write_csv_field(std::ostream& out, std::string_view s, char delimiter = ',');

/// A cell as people read it: numbers with the cell's (or column's) precision.
std::string human_text(const Cell& cell, const Column& column, const std::string& lang);

/// Columns of t worth showing to people: those with at least one non-empty cell.
std::vector<std::size_t> visible_columns(const Table& t);

/// t without the columns that are empty in every row.
Table without_empty_columns(const Table& t);

/// "key figures: catalogue library, version 1, definitions 3f…" from the report's meta,
/// or "" when it has none.
std::string provenance_line(const Report& report, const std::string& lang);

/// A column header for people: "Cost per loan [EUR]".
std::string human_header(const Column& column);

}  // namespace nytta
