// Lines from a ByteStream, for JSON Lines input. Lines end at '\n' (a '\r' before it is dropped);
// the last line needs no '\n'. A line longer than the limit is skipped to its end and reported, so
// that one runaway record neither exhausts memory nor loses the records after it.
#ifndef DRAGOMAN_IO_LINE_READER_H_
#define DRAGOMAN_IO_LINE_READER_H_

#include <cstdint>
#include <memory>
#include <string>

#include "io/byte_stream.h"

namespace dragoman::io {

// Not thread-safe. `stream` must outlive the reader.
class LineReader {
 public:
  LineReader(ByteStream* stream, size_t max_line_bytes);

  enum class Outcome {
    kLine,     // *line holds the next line
    kEnd,      // no more lines
    kTooLong,  // the line had more than max_line_bytes bytes; it was skipped
    kError,    // the stream failed (error()); no more lines
  };
  Outcome Next(std::string* line);

  // The 1-based number of the line Next() last returned (or failed in).
  uint64_t line_number() const { return line_number_; }
  const Status& error() const { return error_; }

 private:
  bool Fill();  // false at the end of the stream or on error

  ByteStream* stream_;
  size_t max_line_bytes_;
  std::unique_ptr<char[]> buffer_;
  size_t begin_ = 0, end_ = 0;
  bool eof_ = false;
  uint64_t line_number_ = 0;
  Status error_;
};

}  // namespace dragoman::io

#endif  // DRAGOMAN_IO_LINE_READER_H_
