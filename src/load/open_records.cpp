// Telling an input's format by its bytes: an analyst's download keeps whatever name the
// browser gave it (`export.xls` that is really xlsx, `data.txt` that is JSON), and
// `Folk2012.xlsx` must work without a flag. A ZIP archive is an xlsx or an ods when liborcus
// recognises its parts; an OLE2 file is an old .xls, which nytta cannot read and says so;
// text whose first character is '{' is JSON; everything else is CSV.

#include "load/open_records.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fmt/format.h>
#include <memory>

#include "load/csv_reader.hpp"
#include "nytta/util/text.hpp"

namespace nytta {

namespace {

constexpr std::size_t kMaxDocumentBytes = std::size_t{1} << 30;  // spreadsheets and JSON are read whole

std::string read_head(const std::string& path, std::size_t n) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return {};
  std::string head(n, '\0');
  head.resize(std::fread(head.data(), 1, n, f));
  std::fclose(f);
  return head;
}

std::string read_whole(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) throw FileError(fmt::format("{}: cannot read the file: {}", path, system_message(errno)));
  if (static_cast<std::size_t>(st.st_size) > kMaxDocumentBytes)
    throw DataError(Location{path}, fmt::format("a spreadsheet or JSON file larger than {} MiB", kMaxDocumentBytes >> 20));
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) throw FileError(fmt::format("{}: cannot read the file: {}", path, system_message(errno)));
  std::string text;
  char buf[1 << 16];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) {
    text.append(buf, n);
    if (text.size() > kMaxDocumentBytes) break;
  }
  bool failed = std::ferror(f) != 0;
  int err = errno;
  std::fclose(f);
  if (failed) throw FileError(fmt::format("{}: cannot read the file: {}", path, system_message(err)));
  return text;
}

bool is_regular_file(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

}  // namespace

InputKind detect_input_kind(const std::string& path) {
  if (path == "-" || !is_regular_file(path)) return InputKind::text;
  std::string head = read_head(path, 4096);
  if (head.rfind("PK\x03\x04", 0) == 0) {
    // An ods archive starts with its uncompressed "mimetype" entry (ODF 1.2, 3.3).
    return head.find("application/vnd.oasis.opendocument.spreadsheet") != std::string::npos ? InputKind::ods : InputKind::xlsx;
  }
  if (head.rfind("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 0) == 0) return InputKind::xls;
  std::size_t i = head.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  while (i < head.size() && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) ++i;
  if (i < head.size() && head[i] == '{') return InputKind::json;
  return InputKind::text;
}

std::unique_ptr<RecordSource> open_records(const std::string& path, const RecordOptions& options) {
  InputKind kind = detect_input_kind(path);
  switch (kind) {
    case InputKind::text: return std::make_unique<CsvReader>(path, options.dialect);
    case InputKind::xls:
      throw DataError(Location{path}, "an Excel 97–2003 (.xls) workbook: nytta reads xlsx and ods; save it as .xlsx or CSV");
    case InputKind::xlsx:
    case InputKind::ods: {
      std::string content = read_whole(path);
      std::optional<SpreadsheetKind> really = spreadsheet_kind(content);
      if (!really) throw DataError(Location{path}, "a ZIP archive that is neither an xlsx nor an ods spreadsheet");
      return read_sheet(path, content, *really, options.sheet);
    }
    case InputKind::json: {
      std::string content = read_whole(path);
      std::string_view text(content);
      if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.remove_prefix(3);
      if (!is_valid_utf8(text)) throw DataError(Location{path}, "a JSON file must be UTF-8");
      return read_json_records(path, text, options.json);
    }
  }
  return std::make_unique<CsvReader>(path, options.dialect);
}

}  // namespace nytta
