// Text formatters behind the writers: each turns one input record into the bytes of its output
// lines. Formatting is deterministic (no clocks, no hash-map order), so output is byte-identical
// from run to run. Internal to src/output.
#ifndef DRAGOMAN_OUTPUT_FORMATTERS_H_
#define DRAGOMAN_OUTPUT_FORMATTERS_H_

#include <memory>
#include <string>
#include <string_view>

#include "output/writer.h"

namespace dragoman {

class RecordFormatter {
 public:
  virtual ~RecordFormatter() = default;
  // Written once at the start of a new output (a header row), or nothing.
  virtual void Header(std::string* out) { (void)out; }
  virtual void Document(const OutputDocument& document, std::string* out) = 0;
  // Only dragoman JSON Lines writes error records; other text formats leave them to stderr.
  virtual void Error(std::string_view file, uint64_t line, std::string_view message,
                     std::string* out) {
    (void)file, (void)line, (void)message, (void)out;
  }
};

// For every format except kSqlite.
std::unique_ptr<RecordFormatter> CreateFormatter(const OutputOptions& options);
// kGdelt, kPhoenix and kCsv (table_formats.cc); nullptr for the others.
std::unique_ptr<RecordFormatter> CreateTableFormatter(const OutputOptions& options);

// The SQLite writer (sqlite_writer.cc), for OpenWriter.
Result<std::unique_ptr<Writer>> OpenSqliteWriter(const OutputOptions& options, bool resume,
                                                 Checkpoint* checkpoint);

// Shared helpers.
// `s` with invalid UTF-8 bytes replaced by U+FFFD.
void AppendValidUtf8(std::string_view s, std::string* out);
// text[span], or "" when the span does not fit the text.
std::string_view SpanText(std::string_view text, Span span);
// Goldstein scores as JSON Lines writes them ("%g").
std::string FormatScore(double value);
// A string field of the input record's meta object ("url", "source"), or "".
std::string MetaString(std::string_view meta_json, std::string_view key);

}  // namespace dragoman

#endif  // DRAGOMAN_OUTPUT_FORMATTERS_H_
