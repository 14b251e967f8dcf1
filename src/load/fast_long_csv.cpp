// The fast path for large canonical long CSV files (the benchmark's millions of rows).
// The file is read by blocks (or taken from memory), cut at a record boundary into one part
// per core, and each part is split and parsed in place: no copies of fields, numbers parsed without a detour
// when they are plain (digits, one decimal mark, at most 15 significant digits, which is
// exact: the digits and the power of ten are exact doubles, so one division rounds
// correctly, as from_chars does). Rows of years the command does not need are skipped after
// their year is read. Anything unusual — an encoding other than UTF-8, a cell that is not a
// number, a duplicate, a text column — makes it give up, and the general
// loader (long_csv.cpp) reads the file instead, with its full diagnostics. A test checks
// that both give the same Dataset.


#include "load/fast_long_csv.hpp"

#include <algorithm>
#include <cstring>
#include <map>
#include <thread>
#include <unordered_map>

#include "nytta/load/csv_dialect.hpp"
#include "load/directives.hpp"
#include "nytta/util/text.hpp"
#include "nytta/util/error.hpp"
#include "load/fast_parse.hpp"
#include "load/fast_scan.hpp"
#include "nytta/model/header_aliases.hpp"
#include "nytta/load/number.hpp"
#include "nytta/util/threads.hpp"
#include "nytta/util/timing.hpp"

namespace nytta {

using namespace fast;

namespace {

constexpr std::size_t kMinPartBytes = std::size_t{8} << 20;  // a second thread pays off from here

}  // namespace

namespace {

// The fast path over a file or bytes in memory; path names them.
std::optional<Dataset> fast_long_csv(const File& file, const std::string& path, const LoadOptions& options,
                                     std::size_t min_bytes) {
  if (!options.fast || options.encoding != Encoding::automatic) return std::nullopt;
  if (file.size() < std::max<std::size_t>(min_bytes, 1)) return std::nullopt;
  try {
    std::string head;
    head.resize(std::min<std::size_t>(file.size(), std::size_t{1} << 20));
    head.resize(file.read(head.data(), head.size(), 0));
    if (std::memchr(head.data(), '\0', head.size())) return std::nullopt;
    std::size_t bom = head.size() >= 3 && std::memcmp(head.data(), "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    const char* begin = head.data() + bom;
    const char* head_end = head.data() + head.size();
    // Comment lines above the header (nytta's directives, notes): read as the general
    // loader reads them.
    std::vector<std::string> comments;
    std::vector<std::size_t> comment_lines;
    std::size_t line = 0;
    while (begin < head_end && (*begin == '#' || *begin == '\n' || *begin == '\r')) {
      const char* nl = static_cast<const char*>(std::memchr(begin, '\n', static_cast<std::size_t>(head_end - begin)));
      if (!nl) return std::nullopt;
      ++line;
      std::string_view text(begin, static_cast<std::size_t>(nl - begin));
      if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
      if (text.find('\r') != std::string_view::npos || !is_valid_utf8(text)) return std::nullopt;
      if (!text.empty() && text.front() == '#') {
        comments.emplace_back(text);
        comment_lines.push_back(line);
      } else if (!text.empty()) {
        return std::nullopt;
      }
      begin = nl + 1;
    }
    Dialect given;
    given.delimiter = options.delimiter;
    given.decimal = options.decimal;
    SniffResult dialect = sniff(std::string_view(begin, static_cast<std::size_t>(head_end - begin)), given, path);
    if (dialect.encoding != Encoding::utf8 || dialect.cr_line_ends || begin == head_end || *begin == '#') return std::nullopt;

    Layout l;
    l.delimiter = dialect.delimiter;
    l.format = NumberFormat{dialect.decimal, default_missing_markers()};
    l.needs = options.years;
    std::vector<std::string_view> header;
    std::vector<char> quoted;
    const char* after_header = split(begin, head_end, l.delimiter, header, quoted);
    if (after_header == head_end && head_end != head.data() + file.size()) throw GiveUp{};
    std::vector<std::string> names, headers;
    bool year = false, key = false;
    for (std::size_t i = 0; i < header.size(); ++i) {
      check_text(header[i]);  // a broken character in the header is the general loader's error
      headers.push_back(quoted[i] ? unescape(header[i]) : std::string(header[i]));
      ColumnPlan c = plan_column(headers.back());
      if (c.role == Role::ignored || c.scale != 1.0 || !c.currency.empty()) throw GiveUp{};
      if (std::find(names.begin(), names.end(), c.name) != names.end()) throw GiveUp{};
      names.push_back(c.name);
      if (c.role == Role::year) {
        year = true;
        l.year_col = i;
      }
      key = key || c.role == Role::code || c.role == Role::name;
      std::size_t* at = c.role == Role::code       ? &l.code_col
                        : c.role == Role::name     ? &l.name_col
                        : c.role == Role::group    ? &l.group_col
                        : c.role == Role::kind     ? &l.kind_col
                        : c.role == Role::currency ? &l.currency_col
                                                   : nullptr;
      if (at) *at = i;
      l.measure_of.push_back(c.role == Role::measure ? l.measures++ : static_cast<std::size_t>(-1));
      l.columns.push_back(std::move(c));
    }
    if (!year || !key || l.measures == 0) throw GiveUp{};

    // One part per core, cut after a line end. Should that line end be inside a quoted
    // field, the part before the cut cannot finish its record and gives up (then the
    // general loader reads the file), so a wrong cut is never a wrong result.
    const std::size_t body = static_cast<std::size_t>(after_header - head.data());
    std::vector<Part> parts;
    std::size_t threads = file.size() >= 2 * kMinPartBytes ? std::min<std::size_t>(2, core_count()) : 1;
    std::size_t start = body;
    for (std::size_t t = 1; t < threads; ++t) {
      std::size_t target = body + (file.size() - body) * t / threads;
      std::vector<char> probe(1 << 16);
      std::size_t got = file.read(probe.data(), probe.size(), target);
      const void* nl = std::memchr(probe.data(), '\n', got);
      if (!nl) break;
      std::size_t cut = target + static_cast<std::size_t>(static_cast<const char*>(nl) - probe.data()) + 1;
      parts.push_back(Part{start, cut});
      start = cut;
    }
    parts.push_back(Part{start, file.size()});

    // A file the head holds whole is parsed in the head: read once, no second buffer.
    const File whole(std::string_view(head.data(), head.size()));
    const File& source = head.size() == file.size() && !file.memory() ? whole : file;
    std::vector<Parsed> parsed(parts.size());
    std::vector<std::exception_ptr> failures(parts.size());
    // Sequence numbers: part k starts after every record of the parts before it could have.
    auto run = [&](std::size_t k) {
      try {
        parse_part(source, parts[k], l, static_cast<std::uint32_t>(k) << 28, parsed[k]);
      } catch (...) {
        failures[k] = std::current_exception();
      }
    };
    {
      Phase phase("parse");
      run_shares(parts.size(), run);
    }
    Phase assemble("assemble");
    for (const std::exception_ptr& f : failures) {
      if (f) std::rethrow_exception(f);
    }

    std::size_t total = 0;
    std::string currency;
    std::vector<int> all_years;
    for (const Parsed& p : parsed) {
      total += p.data_rows;
      if (p.data_rows >= (std::size_t{1} << 28)) throw GiveUp{};
      if (!p.currency.empty()) {
        if (!currency.empty() && currency != p.currency) throw GiveUp{};
        currency = p.currency;
      }
      for (const auto& [y, rows] : p.rows) all_years.push_back(y);
      for (int y : p.seen) all_years.push_back(y);
    }
    if (total == 0 || total > options.max_rows) throw GiveUp{};
    std::sort(all_years.begin(), all_years.end());
    all_years.erase(std::unique(all_years.begin(), all_years.end()), all_years.end());
    std::vector<int> kept = kept_years(all_years, l.needs);

    // Assemble part by part, year by year: rows of one year keep their file order (sums
    // over a year come out the same), and without pruning each part is one block in file
    // order, so the Dataset is the general loader's.
    std::size_t rows_total = 0;
    for (const Parsed& p : parsed) {
      for (const auto& [y, rows] : p.rows) {
        if (l.needs.all || std::binary_search(kept.begin(), kept.end(), y)) rows_total += rows.size();
      }
    }
    Dataset d;
    d.sources.push_back(path);
    d.source_rows.push_back(0);
    d.currency = currency;
    read_directives(comments, comment_lines, path, d);
    for (std::size_t i = 0; i < l.columns.size(); ++i) {
      if (l.columns[i].role == Role::measure) d.measures.push_back(Measure{l.columns[i].name, {}, headers[i]});
    }
    for (Measure& m : d.measures) m.values.reserve(rows_total);
    d.row_unit.reserve(rows_total);
    d.row_year.reserve(rows_total);
    std::unordered_map<std::string, std::uint32_t> global;
    std::map<int, std::vector<bool>> present;  // (unit, year) seen, for duplicates
    auto add_part_year = [&](Parsed& p, std::vector<std::uint32_t>& remap, const std::vector<Row>& rows,
                             const std::vector<std::vector<double>>& cells) {
      for (std::size_t i = 0; i < rows.size(); ++i) {
        const Row& row = rows[i];
        std::uint32_t& g = remap[row.unit];
        if (g == UINT32_MAX) {
          const Unit& u = p.units[row.unit];
          std::string unit_key = std::to_string(static_cast<int>(u.kind)) + '\x1f' + u.key();
          auto [it, fresh] = global.emplace(std::move(unit_key), static_cast<std::uint32_t>(d.units.size()));
          if (fresh) d.units.push_back(u);
          g = it->second;
        }
        std::vector<bool>& seen = present[row.year];
        if (seen.size() <= g) seen.resize(std::max<std::size_t>(g + 1, seen.size() * 2), false);
        if (seen[g]) throw GiveUp{};  // duplicate: the general loader names both lines
        seen[g] = true;
        d.row_unit.push_back(g);
        d.row_year.push_back(row.year);
        for (std::size_t m = 0; m < d.measures.size(); ++m) d.measures[m].values.push_back(cells[m][i]);
      }
    };
    std::vector<std::vector<std::uint32_t>> remaps(parsed.size());
    for (std::size_t k = 0; k < parsed.size(); ++k) remaps[k].assign(parsed[k].units.size(), UINT32_MAX);
    if (l.needs.all) {
      for (std::size_t k = 0; k < parsed.size(); ++k) {
        for (const auto& [y, rows] : parsed[k].rows) add_part_year(parsed[k], remaps[k], rows, parsed[k].cells.at(y));
      }
    } else {
      for (int y : kept) {
        for (std::size_t k = 0; k < parsed.size(); ++k) {
          auto it = parsed[k].rows.find(y);
          if (it != parsed[k].rows.end()) add_part_year(parsed[k], remaps[k], it->second, parsed[k].cells.at(y));
        }
        // Free what is copied as it goes: the peak stays at one copy.
        for (Parsed& p : parsed) {
          p.rows.erase(y);
          p.cells.erase(y);
        }
      }
    }
    // The (unit, year) of rows in years not kept: a duplicate among them (or with a kept
    // row, or across the parts) hands the file to the general loader, which names both
    // lines. Units by their order in the part, as the general loader meets them.
    for (std::size_t k = 0; k < parsed.size(); ++k) {
      Parsed& p = parsed[k];
      for (std::uint32_t local = 0; local < p.units.size(); ++local) {
        for (const auto& [dropped_year, units] : p.dropped) {
          if (local >= units.size() || !units[local]) continue;
          std::uint32_t& g = remaps[k][local];
          if (g == UINT32_MAX) {
            const Unit& u = p.units[local];
            auto [it, fresh] = global.emplace(std::to_string(static_cast<int>(u.kind)) + '\x1f' + u.key(),
                                              static_cast<std::uint32_t>(d.units.size()));
            if (fresh) d.units.push_back(u);
            g = it->second;
          }
          std::vector<bool>& seen = present[dropped_year];
          if (seen.size() <= g) seen.resize(std::max<std::size_t>(g + 1, seen.size() * 2), false);
          if (seen[g]) throw GiveUp{};
          seen[g] = true;
        }
      }
    }
    for (Measure& m : d.measures) {
      for (double& v : m.values) {
        if (v == 0.0) v = 0.0;  // as parse_number: no -0
      }
    }
    return d;
  } catch (const GiveUp&) {
    return std::nullopt;
  } catch (const NeedMore&) {
    return std::nullopt;  // a quote the header does not close: the general loader says where
  } catch (const DataError&) {
    return std::nullopt;  // from sniff (UTF-16 …): the general loader says it with the place
  }
}

}  // namespace

std::optional<Dataset> try_fast_long_csv(const std::string& path, const LoadOptions& options, std::size_t min_bytes) {
  if (path == "-") return std::nullopt;
  return fast_long_csv(File(path), path, options, min_bytes);
}

std::optional<Dataset> try_fast_long_csv(std::string_view bytes, const std::string& name, const LoadOptions& options,
                                         std::size_t min_bytes) {
  return fast_long_csv(File(bytes), name, options, min_bytes);
}

}  // namespace nytta
