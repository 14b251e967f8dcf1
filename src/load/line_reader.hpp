#pragma once
// Lines of a byte stream for the CSV reader: see line_reader.cpp.

#include <cstddef>
#include <memory>
#include <vector>

namespace nytta {

/// Where a LineReader gets its bytes.
class ByteInput {
 public:
  virtual ~ByteInput() = default;
  /// Reads up to n bytes into to (fewer when no more are ready, as from a pipe); 0 only at
  /// the end of the input.
  virtual std::size_t read(char* to, std::size_t n) = 0;
};

/// Bytes already in memory (not copied: they must outlive the reader).
class MemoryInput final : public ByteInput {
 public:
  MemoryInput(const char* data, std::size_t size) : data_(data), size_(size) {}
  std::size_t read(char* to, std::size_t n) override;

 private:
  const char* data_;
  std::size_t size_;
  std::size_t at_ = 0;
};

/// Thrown by LineReader::next_line for a line of kMaxLineBytes or more.
struct LineTooLong {};

class LineReader {
 public:
  /// A line may be up to this long (its LF not counted), less one byte.
  static constexpr std::size_t kMaxLineBytes = std::size_t{1} << 24;

  /// Reads the first window of input (up to two blocks of kMaxLineBytes). A UTF-8 BOM
  /// at the start is skipped.
  explicit LineReader(std::unique_ptr<ByteInput> input);
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  /// The next line, NUL-terminated in the reader's buffer, without its LF and a CR before
  /// it (a last line needs no LF); valid until the next call. nullptr at the end.
  char* next_line();

 private:
  std::unique_ptr<ByteInput> input_;
  std::vector<char> buffer_;
  std::size_t begin_ = 0, end_ = 0;
  bool more_ = false;  // the input filled the first window: it is read on, block by block
};

}  // namespace nytta
