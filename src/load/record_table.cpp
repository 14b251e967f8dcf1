// Records in memory for the formats that are not read line by line: a sheet of a
// spreadsheet and the observations of a JSON file are whole documents, parsed at once, and
// then handed to the loaders exactly as CSV records are. Keeping them here, behind the
// RecordSource interface, is what lets the canonical and the mapping loader stay unaware
// of the format. Blank records are dropped as CsvReader drops blank lines.

#include "load/record_table.hpp"

#include <fmt/format.h>

#include "nytta/util/text.hpp"

namespace nytta {

RecordTable::RecordTable(std::string name, char decimal) : name_(std::move(name)) {
  dialect_.decimal = decimal;
  dialect_.delimiter = ',';
  dialect_.encoding = Encoding::utf8;
}

void RecordTable::add(std::size_t line, const std::vector<std::string>& fields, std::string place) {
  Record r;
  r.line = line;
  r.place = std::move(place);
  std::size_t total = 0;
  for (const std::string& f : fields) total += f.size();
  r.text.reserve(total);
  r.ends.reserve(fields.size());
  bool blank = true;
  for (const std::string& f : fields) {
    r.text += f;
    r.ends.push_back(r.text.size());
    blank = blank && trim(f).empty();
  }
  if (blank) return;
  records_.push_back(std::move(r));
}

bool RecordTable::next() {
  if (current_ >= records_.size()) {
    current_ = records_.size() + 1;
    return false;
  }
  ++current_;
  return true;
}

std::size_t RecordTable::size() const {
  return current_ >= 1 && current_ <= records_.size() ? records_[current_ - 1].ends.size() : 0;
}

std::string_view RecordTable::field_of(const Record& r, std::size_t i) const {
  std::size_t begin = i == 0 ? 0 : r.ends[i - 1];
  return std::string_view(r.text).substr(begin, r.ends[i] - begin);
}

std::string_view RecordTable::field(std::size_t i) const { return field_of(records_[current_ - 1], i); }

Location RecordTable::where(std::size_t i) const {
  const Record& r = records_[current_ - 1];
  if (r.place.empty()) return Location{name_, r.line, i + 1};
  // JSON: the observation and the header of the field, e.g. "kolada.json[0180, 2022, N09801]".
  const Record& header = records_.front();
  std::string column = i < header.ends.size() ? std::string(field_of(header, i)) : fmt::format("field {}", i + 1);
  return Location{fmt::format("{}[{}, {}]", name_, r.place, column), 0, 0};
}

Location RecordTable::where() const {
  const Record& r = records_[current_ - 1];
  if (r.place.empty()) return Location{name_, r.line, 0};
  return Location{fmt::format("{}[{}]", name_, r.place), 0, 0};
}

}  // namespace nytta
