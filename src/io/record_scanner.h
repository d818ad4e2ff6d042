// A fast reader for the usual JSON Lines record: one flat object whose only members are the
// strings "id", "date" and "text", as news archives and our own benchmark write them.
//
// It decodes those three strings without building a JSON tree. Anything else — another member,
// a value of another type, a repeated member, invalid UTF-8, a control character in a string, a
// lone surrogate, a syntax error, a byte order mark — makes it give up, and the caller uses the
// full JSON parser, which then decides (and words any error). So a record decodes to the same
// document either way; only the time differs.
#ifndef DRAGOMAN_IO_RECORD_SCANNER_H_
#define DRAGOMAN_IO_RECORD_SCANNER_H_

#include <string>
#include <string_view>

namespace dragoman::io {

struct SimpleRecord {
  std::string id, date, text;
  bool has_id = false, has_date = false, has_text = false;
};

// True when `json` is such a flat record; fills *out. False: use the full parser.
bool ScanSimpleRecord(std::string_view json, SimpleRecord* out);

}  // namespace dragoman::io

#endif  // DRAGOMAN_IO_RECORD_SCANNER_H_
