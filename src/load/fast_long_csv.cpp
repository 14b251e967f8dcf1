// The fast path for large canonical long CSV files (the benchmark's millions of rows).
// The file is mapped into memory, cut at a record boundary into one part per core, and each
// part is split and parsed in place: no copies of fields, numbers parsed without a detour
// when they are plain (digits, one decimal mark, at most 15 significant digits, which is
// exact: the digits and the power of ten are exact doubles, so one division rounds
// correctly, as from_chars does). Rows of years the command does not need are skipped after
// their year is read. Anything unusual — an encoding other than UTF-8, a cell that is not a
// number, a duplicate, a comment line, a text column — makes it give up, and the general
// loader (long_csv.cpp) reads the file instead, with its full diagnostics. A test checks
// that both give the same Dataset.

#include "load/fast_long_csv.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <thread>
#include <unordered_map>

#include "load/csv_dialect.hpp"
#include "load/header_aliases.hpp"
#include "load/number.hpp"
#include "util/text.hpp"
#include "util/timing.hpp"

namespace nytta {

namespace {

struct GiveUp {};  // the general loader takes over

constexpr std::size_t kMinFastBytes = std::size_t{64} << 10;  // smaller files: the general path is as fast
constexpr std::size_t kMinPartBytes = std::size_t{8} << 20;  // a second thread pays off from here

// The file, read by blocks with pread: memory stays at a few blocks whatever its size, and
// the two parts are read side by side.
class File {
 public:
  explicit File(const std::string& path) {
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) return;
    struct stat st {};
    if (::fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode)) return;
    size_ = static_cast<std::size_t>(st.st_size);
    ::posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
  }
  ~File() {
    if (fd_ >= 0) ::close(fd_);
  }
  File(const File&) = delete;
  File& operator=(const File&) = delete;
  std::size_t size() const { return fd_ >= 0 ? size_ : 0; }
  /// Reads up to n bytes at offset; fewer only at the end of the file.
  std::size_t read(char* to, std::size_t n, std::size_t offset) const {
    std::size_t done = 0;
    while (done < n) {
      ssize_t got = ::pread(fd_, to + done, n - done, static_cast<off_t>(offset + done));
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) throw GiveUp{};  // the general loader reports the error
      if (got == 0) break;
      done += static_cast<std::size_t>(got);
    }
    return done;
  }

 private:
  int fd_ = -1;
  std::size_t size_ = 0;
};

constexpr std::size_t kBlockBytes = std::size_t{8} << 20;
constexpr std::size_t kMaxRecordBytes = std::size_t{64} << 20;

struct NeedMore {};  // the record goes on past the block

// A plain number: [+-]digits[mark digits]. False when it is anything else (the general
// parser then decides), so that the value is always the one parse_number() gives.
bool plain_number(const char* b, const char* e, char decimal, double& out) {
  static constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                      1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  if (b == e) return false;
  bool negative = false;
  if (*b == '-' || *b == '+') {
    negative = *b == '-';
    if (++b == e) return false;
  }
  std::uint64_t m = 0;
  int digits = 0, frac = 0;
  bool mark = false;
  for (; b != e; ++b) {
    char c = *b;
    if (c >= '0' && c <= '9') {
      if (m != 0 || c != '0') ++digits;
      if (mark) ++frac;
      m = m * 10 + static_cast<std::uint64_t>(c - '0');
      if (digits > 15 || frac > 22) return false;
    } else if (c == decimal && !mark) {
      mark = true;
    } else {
      return false;
    }
  }
  if (mark && frac == 0) return false;                      // "5." is for the general parser to refuse
  double v = static_cast<double>(m) / kPow10[frac];
  out = (negative && v != 0.0) ? -v : v;
  return true;
}

struct Part {
  std::size_t begin, end;  // byte offsets; both at the start of a record (or the end of the file)
};

struct Row {
  std::uint32_t seq;   // order in the file (across parts)
  std::uint32_t unit;  // local unit index of its part
  int year;
};

struct Parsed {
  std::vector<Unit> units;  // local to the part
  std::unordered_map<std::string, std::uint32_t> unit_index;
  std::map<int, std::vector<Row>> rows;                  // per year, in file order
  std::map<int, std::vector<std::vector<double>>> cells; // per year, per measure
  std::vector<int> seen;                                 // years seen, for pruning
  std::vector<int> kept;                                 // the years kept of those seen
  int last_year = -1;
  bool last_kept = false;
  std::string currency;
  std::size_t data_rows = 0;
};

struct Layout {
  std::vector<ColumnPlan> columns;
  std::vector<std::size_t> measure_of;  // per column, the measure index (or npos)
  std::size_t measures = 0;
  std::size_t year_col = 0;
  char delimiter = ',';
  NumberFormat format;
  YearNeeds needs;
};

// Splits fields of one record into views of the file (a quoted field with "" keeps them;
// the caller unescapes), at most `limit` more of them. Returns where it stopped: after the
// record's line end, or at the separator before the next field when the limit was reached.
const char* split(const char* p, const char* end, char delim, std::vector<std::string_view>& fields,
                  std::vector<bool>& quoted, std::size_t limit = static_cast<std::size_t>(-1), bool* more = nullptr) {
  if (more) *more = false;
  for (std::size_t taken = 0;; ++taken) {
    if (taken == limit) {
      if (more) *more = true;
      return p;  // the start of the next field
    }
    if (p < end && *p == '"') {
      const char* q = ++p;
      bool escaped = false;
      for (;;) {
        const char* hit = static_cast<const char*>(std::memchr(q, '"', static_cast<std::size_t>(end - q)));
        if (!hit) throw NeedMore{};  // more of the file, or an unterminated quote
        if (hit + 1 < end && hit[1] == '"') {
          escaped = true;
          q = hit + 2;
          continue;
        }
        fields.emplace_back(p, static_cast<std::size_t>(hit - p));
        quoted.push_back(escaped);
        p = hit + 1;
        break;
      }
      if (p < end && *p != delim && *p != '\n' && *p != '\r') throw GiveUp{};
    } else {
      const char* q = p;
      while (q < end) {
        char c = *q;
        if (c == delim || c == '\n') break;
        if (c == '"') throw GiveUp{};  // a quote inside a field: the general loader decides
        ++q;
      }
      const char* stop = q;
      if (stop > p && stop[-1] == '\r' && (q == end || *q == '\n')) --stop;
      fields.emplace_back(p, static_cast<std::size_t>(stop - p));
      quoted.push_back(false);
      p = q;
    }
    if (p < end && *p == delim) {
      ++p;
      continue;
    }
    if (p < end && *p == '\r') ++p;
    if (p < end && *p == '\n') ++p;
    return p;
  }
}

// The end of the record starting at p when its rest holds no quote; nullptr otherwise.
const char* skip_record(const char* p, const char* end) {
  const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
  if (!nl) nl = end;
  if (std::memchr(p, '"', static_cast<std::size_t>(nl - p))) return nullptr;
  return nl == end ? end : nl + 1;
}

std::string unescape(std::string_view f) {
  std::string s;
  for (std::size_t i = 0; i < f.size(); ++i) {
    s += f[i];
    if (f[i] == '"' && i + 1 < f.size() && f[i + 1] == '"') ++i;
  }
  return s;
}

std::string text_of(std::string_view f, bool escaped) {
  std::string_view t = trim(f);
  for (char c : t) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      if (!is_valid_utf8(t)) throw GiveUp{};
      break;
    }
  }
  if (t.find('\0') != std::string_view::npos) throw GiveUp{};
  return escaped ? unescape(t) : std::string(t);
}

bool keep(Parsed& out, int year, const YearNeeds& needs) {
  if (needs.all) return true;
  if (year == out.last_year) return out.last_kept;
  if (!std::binary_search(out.seen.begin(), out.seen.end(), year)) {
    out.seen.insert(std::upper_bound(out.seen.begin(), out.seen.end(), year), year);
    out.kept = kept_years(out.seen, needs);
    for (auto it = out.rows.begin(); it != out.rows.end();) {  // evict what no longer can be needed
      if (!std::binary_search(out.kept.begin(), out.kept.end(), it->first)) {
        out.cells.erase(it->first);
        it = out.rows.erase(it);
      } else {
        ++it;
      }
    }
  }
  out.last_year = year;
  out.last_kept = std::binary_search(out.kept.begin(), out.kept.end(), year);
  return out.last_kept;
}

// Parses the records of [begin, end), which ends at a line end. Returns where it stopped:
// end, or the start of a record that goes on past it (NeedMore from split).
struct PartState {
  std::uint32_t seq;
  std::string key;
  int cached_year = -1;  // the year of the last row kept, and its storage
  std::vector<Row>* rows_of_year = nullptr;
  std::vector<std::vector<double>>* cells_of_year = nullptr;
};

const char* parse_records(const char* begin, const char* end, const Layout& l, PartState& st, Parsed& out) {
  std::vector<std::string_view> f;
  std::vector<bool> q;
  const std::size_t n = l.columns.size();
  std::uint32_t& seq = st.seq;
  std::string& key = st.key;
  int& cached_year = st.cached_year;
  std::vector<Row>*& rows_of_year = st.rows_of_year;
  std::vector<std::vector<double>>*& cells_of_year = st.cells_of_year;
  const char* p = begin;
  struct Stop {};
  try {
  while (p < end) {
    const char* record = p;
    if (*p == '\n' || (*p == '\r' && p + 1 < end && p[1] == '\n')) {  // blank line
      p += *p == '\n' ? 1 : 2;
      continue;
    }
    f.clear();
    q.clear();
    // Fields up to the year first: a row of a year the command does not need is skipped.
    bool more = false;
    const char* rest;
    try {
      rest = split(p, end, l.delimiter, f, q, l.year_col + 1, &more);
    } catch (const NeedMore&) {
      p = record;
      throw Stop{};
    }
    if (more && !l.needs.all) {
      std::string_view y = trim(f[l.year_col]);
      if (y.size() == 4 && std::all_of(y.begin(), y.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        int year = (y[0] - '0') * 1000 + (y[1] - '0') * 100 + (y[2] - '0') * 10 + (y[3] - '0');
        std::size_t years_before = out.rows.size();
        bool wanted = keep(out, year, l.needs);
        if (out.rows.size() != years_before) cached_year = -1;
        if (!wanted) {
          if (const char* next = skip_record(rest, end)) {
            ++out.data_rows;
            ++seq;
            p = next;
            continue;
          }
        }
      }
    }
    try {
      p = more ? split(rest, end, l.delimiter, f, q) : rest;
    } catch (const NeedMore&) {
      p = record;
      throw Stop{};
    }
    if (f.size() < n) {
      bool blank = std::all_of(f.begin(), f.end(), [](std::string_view v) { return trim(v).empty(); });
      if (blank) continue;
      throw GiveUp{};
    }
    for (std::size_t i = n; i < f.size(); ++i) {
      if (!trim(f[i]).empty()) throw GiveUp{};
    }
    std::string_view ys = trim(f[l.year_col]);
    if (ys.size() != 4 || !std::all_of(ys.begin(), ys.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      if (std::all_of(f.begin(), f.end(), [](std::string_view v) { return trim(v).empty(); })) continue;
      throw GiveUp{};
    }
    ++out.data_rows;
    const int year = (ys[0] - '0') * 1000 + (ys[1] - '0') * 100 + (ys[2] - '0') * 10 + (ys[3] - '0');
    std::uint32_t my_seq = seq++;
    std::size_t years_before = out.rows.size();
    if (!keep(out, year, l.needs)) continue;
    if (out.rows.size() != years_before) cached_year = -1;  // a year was evicted: storage moved

    Unit unit;
    for (std::size_t i = 0; i < n; ++i) {
      switch (l.columns[i].role) {
        case Role::code: unit.code = text_of(f[i], q[i]); break;
        case Role::name: unit.name = text_of(f[i], q[i]); break;
        case Role::group: unit.group = text_of(f[i], q[i]); break;
        case Role::kind: {
          std::optional<RowKind> k = parse_row_kind(text_of(f[i], q[i]));
          if (!k) throw GiveUp{};
          unit.kind = *k;
          break;
        }
        case Role::currency: {
          std::string c = text_of(f[i], q[i]);
          if (c.empty()) break;
          if (out.currency.empty()) out.currency = c;
          else if (c != out.currency) throw GiveUp{};
          break;
        }
        case Role::ignored:
          if (!trim(f[i]).empty()) throw GiveUp{};
          break;
        default: break;
      }
    }
    if (unit.key().empty()) throw GiveUp{};
    key.assign(1, static_cast<char>('0' + static_cast<int>(unit.kind)));
    key += unit.key();
    auto found = out.unit_index.find(key);
    std::uint32_t index;
    if (found != out.unit_index.end()) {
      index = found->second;
    } else {
      index = static_cast<std::uint32_t>(out.units.size());
      out.unit_index.emplace(key, index);
      out.units.push_back(std::move(unit));
    }

    if (year != cached_year) {
      cached_year = year;
      int bucket = l.needs.all ? 0 : year;  // without pruning, one block in file order
      rows_of_year = &out.rows[bucket];
      cells_of_year = &out.cells[bucket];
      if (cells_of_year->empty()) cells_of_year->resize(l.measures);
    }
    std::vector<Row>& rows = *rows_of_year;
    std::vector<std::vector<double>>& cells = *cells_of_year;
    rows.push_back(Row{my_seq, index, year});
    for (std::size_t i = 0; i < n; ++i) {
      std::size_t m = l.measure_of[i];
      if (m == static_cast<std::size_t>(-1)) continue;
      std::string_view cell = f[i];
      double v = kMissing;
      if (!cell.empty() && !q[i] && plain_number(cell.data(), cell.data() + cell.size(), l.format.decimal, v)) {
      } else if (!cell.empty()) {
        ParsedNumber pn = parse_number(q[i] ? std::string_view(unescape(cell)) : cell, l.format);
        if (pn.status == ParsedNumber::Status::error) throw GiveUp{};
        v = pn.ok() ? pn.value : kMissing;
      }
      cells[m].push_back(v);
    }
  }
  } catch (const Stop&) {
    return p;
  }
  return p;
}

// Reads the part block by block and parses its records; a record cut by the end of a block
// is parsed again from the start of the next block.
void parse_part(const File& file, const Part& part, const Layout& l, std::uint32_t seq0, Parsed& out) {
  PartState st;
  st.seq = seq0;
  // Not zero-filled: every byte used is read from the file first.
  std::size_t capacity = std::min(kBlockBytes, part.end - part.begin + 1);
  std::unique_ptr<char[]> buf(new char[capacity]);
  std::size_t have = 0;          // bytes in buf
  std::size_t offset = part.begin;
  for (;;) {
    std::size_t want = std::min(capacity - have, part.end - offset);
    std::size_t got = file.read(buf.get() + have, want, offset);
    offset += got;
    have += got;
    const bool last = offset >= part.end || got < want;
    const char* data = buf.get();
    const char* safe = data + have;
    if (!last) {
      const void* nl = ::memrchr(data, '\n', have);
      safe = nl ? static_cast<const char*>(nl) + 1 : data;
    }
    const char* stop = parse_records(data, safe, l, st, out);
    if (last && stop >= data + have) return;
    if (last && stop < safe) throw GiveUp{};  // an unterminated quote: the general loader says where
    std::size_t left = static_cast<std::size_t>(data + have - stop);
    std::memmove(buf.get(), stop, left);
    have = left;
    if (have == capacity) {  // one record longer than the block
      if (capacity >= kMaxRecordBytes) throw GiveUp{};
      std::unique_ptr<char[]> bigger(new char[capacity * 2]);
      std::memcpy(bigger.get(), buf.get(), have);
      buf = std::move(bigger);
      capacity *= 2;
    }
  }
}

}  // namespace

std::optional<Dataset> try_fast_long_csv(const std::string& path, const LoadOptions& options) {
  if (!options.fast || path == "-" || !options.encoding.empty()) return std::nullopt;
  File file(path);
  if (file.size() < kMinFastBytes) return std::nullopt;
  try {
    std::string head;
    head.resize(std::min<std::size_t>(file.size(), std::size_t{1} << 20));
    head.resize(file.read(head.data(), head.size(), 0));
    if (std::memchr(head.data(), '\0', head.size())) return std::nullopt;
    std::size_t bom = head.size() >= 3 && std::memcmp(head.data(), "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    const char* begin = head.data() + bom;
    const char* head_end = head.data() + head.size();
    Dialect given;
    given.delimiter = options.delimiter;
    given.decimal = options.decimal;
    SniffResult dialect = sniff(std::string_view(begin, static_cast<std::size_t>(head_end - begin)), given, path);
    if (dialect.encoding != Encoding::utf8 || dialect.cr_line_ends || *begin == '#') return std::nullopt;

    Layout l;
    l.delimiter = dialect.delimiter;
    l.format = NumberFormat{dialect.decimal, default_missing_markers()};
    l.needs = options.years;
    std::vector<std::string_view> header;
    std::vector<bool> quoted;
    const char* after_header = split(begin, head_end, l.delimiter, header, quoted);
    if (after_header == head_end && head_end != head.data() + file.size()) throw GiveUp{};
    std::vector<std::string> names;
    bool year = false, key = false;
    for (std::size_t i = 0; i < header.size(); ++i) {
      ColumnPlan c = plan_column(quoted[i] ? std::string_view(unescape(header[i])) : header[i]);
      if (c.role == Role::ignored) throw GiveUp{};
      if (std::find(names.begin(), names.end(), c.name) != names.end()) throw GiveUp{};
      names.push_back(c.name);
      if (c.role == Role::year) {
        year = true;
        l.year_col = i;
      }
      key = key || c.role == Role::code || c.role == Role::name;
      l.measure_of.push_back(c.role == Role::measure ? l.measures++ : static_cast<std::size_t>(-1));
      l.columns.push_back(std::move(c));
    }
    if (!year || !key || l.measures == 0) throw GiveUp{};

    // One part per core, cut after a line end. Should that line end be inside a quoted
    // field, the part before the cut cannot finish its record and gives up (then the
    // general loader reads the file), so a wrong cut is never a wrong result.
    const std::size_t body = static_cast<std::size_t>(after_header - head.data());
    std::vector<Part> parts;
    std::size_t threads = file.size() >= 2 * kMinPartBytes ? std::min(2u, std::max(1u, std::thread::hardware_concurrency())) : 1;
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

    std::vector<Parsed> parsed(parts.size());
    std::vector<std::exception_ptr> failures(parts.size());
    // Sequence numbers: part k starts after every record of the parts before it could have.
    auto run = [&](std::size_t k) {
      try {
        parse_part(file, parts[k], l, static_cast<std::uint32_t>(k) << 28, parsed[k]);
      } catch (...) {
        failures[k] = std::current_exception();
      }
    };
    {
      Phase phase("parse");
      std::vector<std::thread> pool;
      for (std::size_t k = 1; k < parts.size(); ++k) pool.emplace_back(run, k);
      run(0);
      for (std::thread& t : pool) t.join();
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
    d.currency = currency;
    for (const ColumnPlan& c : l.columns) {
      if (c.role == Role::measure) d.measures.push_back(Measure{c.name, {}});
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
    for (Measure& m : d.measures) {
      for (double& v : m.values) {
        if (v == 0.0) v = 0.0;  // as parse_number: no -0
      }
    }
    return d;
  } catch (const GiveUp&) {
    return std::nullopt;
  }
}

}  // namespace nytta
