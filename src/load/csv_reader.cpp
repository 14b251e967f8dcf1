#include "load/csv_reader.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fmt/format.h>

#include "nytta/util/text.hpp"

namespace nytta {

namespace {

constexpr std::size_t kSniffBytes = std::size_t{1} << 20;

std::string no_input_message(const std::string& path, int err) {
  return fmt::format("{}: cannot read the file: {}", path, system_message(err));
}

}  // namespace

// Hands LineReader the bytes of a file or stream: first the block that was sniffed,
// then the rest. Stops at a NUL byte, which no text export contains.
class ByteSource : public ByteInput {
 public:
  ByteSource(std::string name, std::FILE* file, bool owned)
      : name_(std::move(name)), file_(file), owned_(owned) {}
  ByteSource(std::string name, std::istream& in) : name_(std::move(name)), stream_(&in) {}
  ByteSource(std::string name, std::string_view bytes) : name_(std::move(name)), memory_(bytes), in_memory_(true) {}
  ~ByteSource() override {
    if (file_ && owned_) std::fclose(file_);
  }

  /// Reads up to n bytes ahead of what LineReader will see, for sniffing.
  std::string_view peek(std::size_t n) {
    // By chunks: a small file costs its size, not n zeroed bytes.
    char chunk[1 << 16];
    while (head_.size() < n) {
      std::size_t got = raw_read(chunk, std::min(sizeof chunk, n - head_.size()));
      if (got == 0) break;
      head_.append(chunk, got);
    }
    return head_;
  }

  std::size_t read(char* buffer, std::size_t want) override {
    std::size_t got = 0;
    if (head_pos_ < head_.size()) {
      got = std::min(want, head_.size() - head_pos_);
      std::memcpy(buffer, head_.data() + head_pos_, got);
      head_pos_ += got;
    }
    if (got < want) got += raw_read(buffer + got, want - got);
    check_for_nul(buffer, got);
    return got;
  }

 private:
  std::size_t raw_read(char* buffer, std::size_t n) {
    if (in_memory_) {
      n = std::min(n, memory_.size());
      if (n > 0) std::memcpy(buffer, memory_.data(), n);
      memory_.remove_prefix(n);
      return n;
    }
    if (stream_) {
      stream_->read(buffer, static_cast<std::streamsize>(n));
      return static_cast<std::size_t>(stream_->gcount());
    }
    std::size_t got = std::fread(buffer, 1, n, file_);
    if (got < n && std::ferror(file_)) throw FileError(no_input_message(name_, errno));
    return got;
  }

  void check_for_nul(const char* buffer, std::size_t n) {
    const char* nul = static_cast<const char*>(std::memchr(buffer, '\0', n));
    if (nul) {
      std::size_t line = newlines_ + 1 + static_cast<std::size_t>(std::count(buffer, nul, '\n'));
      const char* line_start = nul;
      while (line_start > buffer && line_start[-1] != '\n') --line_start;
      throw DataError(Location{name_, line, static_cast<std::size_t>(nul - line_start) + 1},
                      "NUL byte in the file: this is not a text (CSV) file");
    }
    newlines_ += static_cast<std::size_t>(std::count(buffer, buffer + n, '\n'));
  }

  std::string name_;
  std::FILE* file_ = nullptr;
  bool owned_ = false;
  std::istream* stream_ = nullptr;
  std::string_view memory_;  // what is still to be read of bytes in memory
  bool in_memory_ = false;
  std::string head_;
  std::size_t head_pos_ = 0;
  std::size_t newlines_ = 0;
};

CsvReader::CsvReader(const std::string& path, const Dialect& dialect) : name_(path) {
  if (path == "-") {
    name_ = "<stdin>";
    open(std::make_unique<ByteSource>(name_, stdin, false), dialect);
    return;
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) throw FileError(no_input_message(path, errno));
  if (S_ISDIR(st.st_mode)) throw FileError(fmt::format("{}: is a directory, not a file", path));
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) throw FileError(no_input_message(path, errno));
  open(std::make_unique<ByteSource>(path, f, true), dialect);
}

CsvReader::CsvReader(const std::string& name, std::istream& in, const Dialect& dialect)
    : name_(name) {
  open(std::make_unique<ByteSource>(name, in), dialect);
}

CsvReader::CsvReader(const std::string& name, std::string_view bytes, const Dialect& dialect) : name_(name) {
  open(std::make_unique<ByteSource>(name, bytes), dialect);
}

CsvReader::~CsvReader() = default;

void CsvReader::open(std::unique_ptr<ByteSource> source, const Dialect& dialect) {
  std::string_view head = source->peek(kSniffBytes);
  dialect_ = sniff(head, dialect, name_);
  if (dialect_.cr_line_ends) {
    // LineReader splits at LF only: read it all and turn lone CRs into LFs.
    char buf[1 << 16];
    for (std::size_t n; (n = source->read(buf, sizeof buf)) > 0;) whole_.append(buf, n);
    std::replace(whole_.begin(), whole_.end(), '\r', '\n');
    lines_ = std::make_unique<LineReader>(std::make_unique<MemoryInput>(whole_.data(), whole_.size()));
  } else {
    lines_ = std::make_unique<LineReader>(std::move(source));
  }
}

char* CsvReader::next_line() {
  try {
    // A bare CR ends a line too, also inside a file of CRLF or LF line ends (a cell edited
    // on an old Mac): the rest of the physical line is the next line.
    char* line = pending_ ? pending_ : lines_->next_line();
    pending_ = nullptr;
    if (!line) return nullptr;
    ++line_;
    if (char* cr = std::strchr(line, '\r')) {
      *cr = '\0';
      pending_ = cr + 1;
    }
    return line;
  } catch (const LineTooLong&) {
    throw DataError(Location{name_, line_ + 1, 0}, "line longer than 16 MiB");
  }
}

Location CsvReader::where(std::size_t i) const {
  if (i >= fields_.size()) return where();  // a field the record does not reach: the record
  return Location{name_, fields_[i].line, fields_[i].column};
}

bool CsvReader::next() {
  for (;;) {
    char* line = next_line();
    if (!line) return false;
    if (*line == '\0') continue;  // blank line
    if (!started_ && *line == '#') {
      std::string text(line);
      std::string decoded;
      if (dialect_.encoding == Encoding::cp1252) append_cp1252_as_utf8(text, decoded);
      comments_.push_back(decoded.empty() ? text : decoded);
      comment_lines_.push_back(line_);
      continue;
    }
    started_ = true;
    split(line);
    return true;
  }
}

void CsvReader::append_text(const char* begin, const char* end, std::size_t line,
                            std::size_t column) {
  std::string_view piece(begin, static_cast<std::size_t>(end - begin));
  if (dialect_.encoding == Encoding::cp1252) {
    if (!append_cp1252_as_utf8(piece, text_)) {
      throw DataError(Location{name_, line, column},
                      "bytes that are neither UTF-8 nor Windows-1252 (Latin-1) text", piece);
    }
    return;
  }
  bool ascii = std::all_of(piece.begin(), piece.end(),
                           [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (!ascii && !is_valid_utf8(piece)) {
    throw DataError(Location{name_, line, column},
                    "invalid UTF-8; if the file is Windows-1252 or Latin-1, give --encoding "
                    "windows-1252",
                    piece);
  }
  text_.append(piece);
}

void CsvReader::split(const char* line) {
  fields_.clear();
  text_.clear();
  record_line_ = line_;
  const char delim = dialect_.delimiter;
  const bool utf8 = dialect_.encoding != Encoding::cp1252;
  auto width = [utf8](const char* b, const char* e) {
    return utf8 ? utf8_length(std::string_view(b, static_cast<std::size_t>(e - b)))
                : static_cast<std::size_t>(e - b);
  };

  const char* p = line;
  std::size_t col = 1;
  for (;;) {
    FieldPos f{text_.size(), 0, line_, col};
    if (*p == '"') {
      ++p;
      ++col;
      for (;;) {
        const char* q = p;
        while (*q && *q != '"') ++q;
        append_text(p, q, f.line, f.column);
        col += width(p, q);
        if (text_.size() - f.offset > kMaxFieldBytes)
          throw DataError(Location{name_, f.line, f.column}, "field longer than 1 MiB");
        if (*q == '\0') {
          const char* more = next_line();
          if (!more) {
            throw DataError(Location{name_, f.line, f.column},
                            "quoted field is not closed before the end of the file");
          }
          text_ += '\n';
          p = more;
          col = 1;
          continue;
        }
        if (q[1] == '"') {
          text_ += '"';
          p = q + 2;
          col += 2;
          continue;
        }
        p = q + 1;
        ++col;
        break;
      }
      // Blanks after a closing quote are allowed, but a tab may be the separator itself.
      while ((*p == ' ' || *p == '\t') && *p != delim) {
        ++p;
        ++col;
      }
      if (*p != delim && *p != '\0') {
        const char* q = p;
        while (*q && *q != delim) ++q;
        throw DataError(Location{name_, line_, col}, "text after the closing quote of a field",
                        std::string_view(p, static_cast<std::size_t>(q - p)));
      }
    } else {
      const char* q = p;
      while (*q && *q != delim) ++q;
      if (static_cast<std::size_t>(q - p) > kMaxFieldBytes)
        throw DataError(Location{name_, f.line, f.column}, "field longer than 1 MiB");
      append_text(p, q, f.line, f.column);
      col += width(p, q);
      p = q;
    }
    f.length = text_.size() - f.offset;
    fields_.push_back(f);
    if (fields_.size() > kMaxFields)
      throw DataError(where(), fmt::format("more than {} fields in a record", kMaxFields));
    if (*p != delim) break;
    ++p;
    ++col;
  }
}

}  // namespace nytta
