// Lines from a ByteStream: see line_reader.h. One fixed buffer; a line is copied out once.
#include "io/line_reader.h"

#include <cstring>

namespace dragoman::io {
namespace {
constexpr size_t kBufferBytes = 256 * 1024;
}  // namespace

LineReader::LineReader(ByteStream* stream, size_t max_line_bytes)
    : stream_(stream), max_line_bytes_(max_line_bytes), buffer_(new char[kBufferBytes]) {}

bool LineReader::Fill() {
  if (eof_) return false;
  if (begin_ == end_) begin_ = end_ = 0;
  Result<size_t> n = stream_->Read(buffer_.get() + end_, kBufferBytes - end_);
  if (!n.ok()) {
    error_ = n.status();
    eof_ = true;
    return false;
  }
  if (n.value() == 0) {
    eof_ = true;
    return false;
  }
  end_ += n.value();
  return true;
}

LineReader::Outcome LineReader::Next(std::string* line) {
  line->clear();
  if (!error_.ok()) return Outcome::kError;
  bool started = false;  // some bytes of this line were seen
  bool too_long = false;
  for (;;) {
    if (begin_ == end_ && !Fill()) {
      if (!error_.ok()) {
        ++line_number_;
        return Outcome::kError;
      }
      if (!started) return Outcome::kEnd;
      break;  // a last line without '\n'
    }
    started = true;
    const char* start = buffer_.get() + begin_;
    const char* nl = static_cast<const char*>(std::memchr(start, '\n', end_ - begin_));
    size_t take = nl ? static_cast<size_t>(nl - start) : end_ - begin_;
    if (!too_long) {
      if (line->size() + take > max_line_bytes_ + 1) {  // +1: room for a '\r' we may drop
        too_long = true;
        line->clear();
        line->shrink_to_fit();
      } else {
        line->append(start, take);
      }
    }
    begin_ += take;
    if (nl) {
      ++begin_;
      break;
    }
    if (begin_ == end_) begin_ = end_ = 0;  // the whole buffer was consumed: reuse it
  }
  ++line_number_;
  if (!line->empty() && line->back() == '\r') line->pop_back();
  if (too_long || line->size() > max_line_bytes_) {
    line->clear();
    return Outcome::kTooLong;
  }
  return Outcome::kLine;
}

}  // namespace dragoman::io
