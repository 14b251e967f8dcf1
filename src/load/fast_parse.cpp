#include "load/fast_parse.hpp"

#include <algorithm>
#include <cstring>
#include <memory>

#include "nytta/load/number.hpp"
#include "nytta/util/text.hpp"

namespace nytta::fast {

namespace {

constexpr std::size_t kBlockBytes = std::size_t{8} << 20;
constexpr std::size_t kMaxRecordBytes = std::size_t{64} << 20;

// Records that the part's unit has a row in year, which is not kept; a second row of it
// there is a duplicate, which the general loader reports with both lines.
void mark_dropped(Parsed& out, int year, std::uint32_t unit) {
  std::vector<bool>& seen = out.dropped[year];
  if (seen.size() <= unit) seen.resize(std::max<std::size_t>(unit + 1, seen.size() * 2), false);
  if (seen[unit]) throw GiveUp{};
  seen[unit] = true;
}

bool keep(Parsed& out, int year, const YearNeeds& needs) {
  if (needs.all) return true;
  if (year == out.last_year) return out.last_kept;
  if (!std::binary_search(out.seen.begin(), out.seen.end(), year)) {
    out.seen.insert(std::upper_bound(out.seen.begin(), out.seen.end(), year), year);
    out.kept = kept_years(out.seen, needs);
    for (auto it = out.rows.begin(); it != out.rows.end();) {  // evict what no longer can be needed
      if (!std::binary_search(out.kept.begin(), out.kept.end(), it->first)) {
        // The rows go, but not their (unit, year): a duplicate in a year the command does
        // not need is still an error.
        for (const Row& row : it->second) mark_dropped(out, it->first, row.unit);
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
constexpr std::uint32_t kNoUnit = UINT32_MAX;

struct PartState {
  std::uint32_t seq;
  std::string key;
  std::string last_key;  // rows of a unit mostly come together
  std::uint32_t last_index = 0;
  int cached_year = -1;  // the year of the last row kept, and its storage
  std::vector<Row>* rows_of_year = nullptr;
  std::vector<std::vector<double>>* cells_of_year = nullptr;
};

const char* parse_records(const char* begin, const char* end, const Layout& l, PartState& st, Parsed& out) {
  std::vector<std::string_view> f;
  std::vector<char> q;  // per field: quoted with "" inside (not vector<bool>: this is per cell)
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
    // Every row is split and checked, also in years the command does not need: pruning
    // saves memory, never a check (a bad cell there is the same error as anywhere).
    try {
      p = split(p, end, l.delimiter, f, q);
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
    std::optional<int> parsed_year = parse_year(f[l.year_col]);
    if (!parsed_year) {
      if (std::all_of(f.begin(), f.end(), [](std::string_view v) { return trim(v).empty(); })) continue;
      throw GiveUp{};
    }
    ++out.data_rows;
    const int year = *parsed_year;
    std::uint32_t my_seq = seq++;
    std::size_t years_before = out.rows.size();
    const bool wanted = keep(out, year, l.needs);
    if (out.rows.size() != years_before) cached_year = -1;  // a year was evicted: storage moved

    // The unit's key straight from the fields; the Unit itself is built only the first time
    // it is seen (later rows of a unit keep its first name, as in the general loader).
    RowKind kind = RowKind::unit;
    if (l.kind_col != kNone) {
      std::optional<RowKind> k = parse_row_kind(trim(f[l.kind_col]));
      if (!k) throw GiveUp{};
      kind = *k;
    }
    std::string_view code = l.code_col != kNone ? trim(f[l.code_col]) : std::string_view();
    bool escaped = l.code_col != kNone && q[l.code_col];
    if (code.empty() && l.name_col != kNone) {
      code = trim(f[l.name_col]);
      escaped = q[l.name_col];
    }
    if (code.empty()) throw GiveUp{};
    key.assign(1, static_cast<char>('0' + static_cast<int>(kind)));
    if (escaped) key += unescape(code);
    else key += code;
    std::uint32_t index;
    if (key == st.last_key) {
      index = st.last_index;
    } else if (auto found = out.unit_index.find(key); found != out.unit_index.end()) {
      index = found->second;
    } else {
      index = kNoUnit;
    }
    if (index != kNoUnit) {
      // Not kept, but an encoding the general loader would read differently must show.
      if (l.name_col != kNone) check_text(f[l.name_col]);
      if (l.group_col != kNone) check_text(f[l.group_col]);
    } else {
      Unit unit;
      unit.kind = kind;
      unit.kind_stated = l.kind_col != kNone && !trim(f[l.kind_col]).empty();
      if (l.code_col != kNone) unit.code = text_of(f[l.code_col], q[l.code_col]);
      if (l.name_col != kNone) unit.name = text_of(f[l.name_col], q[l.name_col]);
      if (l.group_col != kNone) unit.group = text_of(f[l.group_col], q[l.group_col]);
      index = static_cast<std::uint32_t>(out.units.size());
      out.unit_index.emplace(key, index);
      out.units.push_back(std::move(unit));
    }
    st.last_key = key;
    st.last_index = index;
    if (l.currency_col != kNone) {
      std::string_view c = trim(f[l.currency_col]);
      if (!c.empty()) {
        std::string text = text_of(c, q[l.currency_col]);
        if (out.currency.empty()) out.currency = text;
        else if (text != out.currency) throw GiveUp{};
      }
    }

    if (!wanted) {
      for (std::size_t i = 0; i < n; ++i) {
        if (l.measure_of[i] == static_cast<std::size_t>(-1) || f[i].empty()) continue;
        double v = 0.0;
        if (!q[i] && plain_number(f[i].data(), f[i].data() + f[i].size(), l.format.decimal, v)) continue;
        ParsedNumber pn = parse_number(q[i] ? std::string_view(unescape(f[i])) : f[i], l.format);
        if (pn.status == ParsedNumber::Status::error || pn.percent) throw GiveUp{};
      }
      mark_dropped(out, year, index);
      continue;
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
        if (pn.status == ParsedNumber::Status::error || pn.percent) throw GiveUp{};  // percentages: the general loader decides
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

}  // namespace

// Reads the part block by block and parses its records; a record cut by the end of a block
// is parsed again from the start of the next block.
void parse_part(const File& file, const Part& part, const Layout& l, std::uint32_t seq0, Parsed& out) {
  PartState st;
  st.seq = seq0;
  if (const char* bytes = file.memory()) {  // already in memory: parsed where it is
    const char* end = bytes + part.end;
    if (parse_records(bytes + part.begin, end, l, st, out) < end) throw GiveUp{};  // an unterminated quote
    return;
  }
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

}  // namespace nytta::fast
