// The lines under CsvReader. fast-cpp-csv-parser's io::LineReader cut them before, but it
// allocates three blocks of 16 MiB for every file, whatever its size: 48 MiB and their
// page faults for a 200-byte CSV, which made the fuzzer run at 7 inputs a second and
// costs every small file (a mapping's dozen yearly exports) the same. This reader cuts
// lines exactly as that one did: the first read takes up to two blocks, later blocks are
// read when the lines reach the second one (so that a NUL byte, which the byte source
// reports, is found at the same moment), a line of a block's length or more is an error,
// CRLF and LF end lines, a BOM is skipped. Only its buffer differs: as big as the input
// below two blocks, two blocks above.

#include "load/line_reader.hpp"

#include <algorithm>
#include <cstring>

namespace nytta {

namespace {

constexpr std::size_t kBlock = LineReader::kMaxLineBytes;
constexpr std::size_t kFirstChunk = std::size_t{1} << 12;

}  // namespace

std::size_t MemoryInput::read(char* to, std::size_t n) {
  n = std::min(n, size_ - at_);
  if (n > 0) std::memcpy(to, data_ + at_, n);
  at_ += n;
  return n;
}

namespace {

// Reads until n bytes are there or the input ends.
std::size_t read_fully(ByteInput& input, char* to, std::size_t n) {
  std::size_t done = 0;
  while (done < n) {
    std::size_t got = input.read(to + done, n - done);
    if (got == 0) break;
    done += got;
  }
  return done;
}

}  // namespace

LineReader::LineReader(std::unique_ptr<ByteInput> input) : input_(std::move(input)) {
  // Grows by doubling while the input lasts: a small file costs its size.
  std::size_t have = 0;
  for (std::size_t want = kFirstChunk; have < 2 * kBlock; want = std::min(2 * want, 2 * kBlock)) {
    buffer_.resize(want);
    std::size_t got = read_fully(*input_, buffer_.data() + have, want - have);
    have += got;
    if (have < want) break;
  }
  more_ = have == 2 * kBlock;
  // One byte past the data for the NUL that ends a last line without LF.
  buffer_.resize(have + 1);
  buffer_.shrink_to_fit();
  end_ = have;
  if (have >= 3 && std::memcmp(buffer_.data(), "\xEF\xBB\xBF", 3) == 0) begin_ = 3;
}

char* LineReader::next_line() {
  if (begin_ == end_) return nullptr;
  char* b = buffer_.data();
  if (begin_ >= kBlock) {
    // The lines reached the second block: slide the window by a block and read the next.
    std::memmove(b, b + kBlock, end_ - kBlock);
    begin_ -= kBlock;
    end_ -= kBlock;
    if (more_) end_ += read_fully(*input_, b + end_, kBlock);
  }
  const char* nl = static_cast<const char*>(std::memchr(b + begin_, '\n', end_ - begin_));
  std::size_t line_end = nl ? static_cast<std::size_t>(nl - b) : end_;
  if (line_end - begin_ + 1 > kBlock) throw LineTooLong{};
  if (line_end == end_) ++end_;  // the last line has no LF: its NUL goes after the data
  b[line_end] = '\0';
  if (line_end != begin_ && b[line_end - 1] == '\r') b[line_end - 1] = '\0';
  char* line = b + begin_;
  begin_ = line_end + 1;
  return line;
}

}  // namespace nytta
