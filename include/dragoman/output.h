// dragoman's JSON Lines records (docs/output.md): one function per record type, each appending
// one line (with its '\n') to `out`. Keys come in a fixed order so that output is byte-identical
// from run to run. Strings are escaped to valid JSON; invalid UTF-8 in text fields becomes U+FFFD
// (offsets always refer to the original bytes).
#ifndef DRAGOMAN_OUTPUT_H_
#define DRAGOMAN_OUTPUT_H_

#include <string>
#include <string_view>

#include "dragoman/coder.h"

namespace dragoman {

inline constexpr int kOutputSchemaVersion = 1;

// Identifies the document a record belongs to. `meta_json` is a JSON object text to copy under
// "meta" (the input record's other fields), or empty.
struct RecordContext {
  std::string_view doc_id;
  std::string_view text;       // the document text the offsets point into
  std::string_view meta_json;
};

void AppendEventRecord(const RecordContext& ctx, const Event& event, std::string* out);
void AppendDocumentRecord(const RecordContext& ctx, const CodedDocument& doc,
                          std::string_view dictionaries, std::string* out);
void AppendEntityRecord(const RecordContext& ctx, const Entity& entity, std::string* out);
void AppendQuoteRecord(const RecordContext& ctx, const Quote& quote, std::string* out);
void AppendWarningRecord(const RecordContext& ctx, const CoderWarning& warning, std::string* out);
// An input record that could not be coded.
void AppendErrorRecord(std::string_view file, size_t line, std::string_view message,
                       std::string* out);

// A latitude or longitude as every format writes it: four decimals ("50.4547", about 11 m).
std::string FormatCoordinate(double degrees);
// The members `,"<name>":"<value>"` and `,"lat":..,"lon":..` (null without coordinates) that the
// JSON formats' location objects are made of.
void AppendJsonMember(std::string_view name, std::string_view value, std::string* out);
void AppendJsonCoordinates(const Location& location, std::string* out);

// JSON string escaping (quotes included); invalid UTF-8 becomes U+FFFD.
void AppendJsonString(std::string_view s, std::string* out);
// A JSON number as printf's %g writes it ("7", "-2.5").
void AppendJsonNumber(double v, std::string* out);

}  // namespace dragoman

#endif  // DRAGOMAN_OUTPUT_H_
