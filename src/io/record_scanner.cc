// ScanSimpleRecord: see record_scanner.h. RFC 8259 syntax, restricted to what the full parser
// would accept with the same result; every doubt returns false.
#include "io/record_scanner.h"

#include <bit>
#include <cstdint>


#include "dragoman/text.h"
#include "text/chars.h"
#include "text/swar.h"

namespace dragoman::io {
namespace {

// The length of the run at the start of [p, end) of bytes that a JSON string copies as they
// are: no '"', no '\\', no control character; *high_bytes is set when the run holds a byte
// >= 0x80. Sixteen bytes a time with SSE2 (every x86-64 has it), then eight (swar.h), then byte
// by byte.
size_t PlainRun(const char* p, const char* end, bool* high_bytes) {
  using text_internal::SwarHasByte;
  const char* const start = p;
#if defined(__SSE2__)
  using namespace text_internal;
  while (end - p >= 16) {
    const __m128i v = Load16(p);
    const unsigned stops = EqualMask16(v, '"') | EqualMask16(v, '\\') | ControlMask16(v);
    const unsigned high = HighMask16(v);
    if (stops != 0) {
      const int n = std::countr_zero(stops);
      *high_bytes |= (high & ((1u << n) - 1)) != 0;
      return static_cast<size_t>(p + n - start);
    }
    *high_bytes |= high != 0;
    p += 16;
  }
#endif
  uint64_t high = 0;
  while (end - p >= 8) {
    const uint64_t v = text_internal::Load8(p);
    if (SwarHasByte(v, '"') || SwarHasByte(v, '\\') || text_internal::SwarHasByteBelow(v, 0x20))
      break;
    high |= v;
    p += 8;
  }
  *high_bytes |= (high & text_internal::kSwarHigh) != 0;
  while (p < end) {
    const unsigned char c = static_cast<unsigned char>(*p);
    if (c == '"' || c == '\\' || c < 0x20) break;
    *high_bytes |= c >= 0x80;
    ++p;
  }
  return static_cast<size_t>(p - start);
}

class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}

  bool Record(SimpleRecord* out) {
    SkipSpace();
    if (!Eat('{')) return false;
    SkipSpace();
    if (Eat('}')) return AtEnd();
    for (;;) {
      std::string key;
      if (!String(&key)) return false;
      SkipSpace();
      if (!Eat(':')) return false;
      SkipSpace();
      std::string* value;
      bool* seen;
      if (key == "text") {
        value = &out->text;
        seen = &out->has_text;
      } else if (key == "id") {
        value = &out->id;
        seen = &out->has_id;
      } else if (key == "date") {
        value = &out->date;
        seen = &out->has_date;
      } else {
        return false;  // a member for "meta": the full parser copies it
      }
      if (*seen || !String(value)) return false;
      *seen = true;
      SkipSpace();
      if (Eat('}')) return AtEnd();
      if (!Eat(',')) return false;
      SkipSpace();
    }
  }

 private:
  bool AtEnd() {
    SkipSpace();
    return i_ == s_.size();
  }
  void SkipSpace() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r'))
      ++i_;
  }
  bool Eat(char c) {
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }

  // A JSON string into *out: plain runs are copied whole, escapes decoded.
  bool String(std::string* out) {
    if (!Eat('"')) return false;
    out->clear();
    bool high_bytes = false;
    for (;;) {
      const size_t run = i_;
      i_ += PlainRun(s_.data() + i_, s_.data() + s_.size(), &high_bytes);
      out->append(s_.data() + run, i_ - run);
      if (i_ >= s_.size()) return false;
      const char c = s_[i_++];
      if (c == '"') break;
      if (c != '\\') return false;  // a control character
      if (!Escape(out)) return false;
    }
    // The full parser refuses ill-formed UTF-8; so must this one, to agree with it.
    return !high_bytes || IsValidUtf8(*out);
  }

  bool Escape(std::string* out) {
    if (i_ >= s_.size()) return false;
    switch (s_[i_++]) {
      case '"': out->push_back('"'); return true;
      case '\\': out->push_back('\\'); return true;
      case '/': out->push_back('/'); return true;
      case 'b': out->push_back('\b'); return true;
      case 'f': out->push_back('\f'); return true;
      case 'n': out->push_back('\n'); return true;
      case 'r': out->push_back('\r'); return true;
      case 't': out->push_back('\t'); return true;
      case 'u': break;
      default: return false;
    }
    uint32_t cp;
    if (!Hex4(&cp)) return false;
    if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a lone low surrogate
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      uint32_t low;
      if (!Eat('\\') || !Eat('u') || !Hex4(&low) || low < 0xDC00 || low > 0xDFFF) return false;
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    text_internal::AppendUtf8(cp, out);
    return true;
  }

  bool Hex4(uint32_t* cp) {
    if (s_.size() - i_ < 4) return false;
    uint32_t v = 0;
    for (int k = 0; k < 4; ++k) {
      char c = s_[i_++];
      v <<= 4;
      if (c >= '0' && c <= '9') v |= c - '0';
      else if (c >= 'a' && c <= 'f') v |= c - 'a' + 10;
      else if (c >= 'A' && c <= 'F') v |= c - 'A' + 10;
      else return false;
    }
    *cp = v;
    return true;
  }

  std::string_view s_;
  size_t i_ = 0;
};

}  // namespace

bool ScanSimpleRecord(std::string_view json, SimpleRecord* out) {
  *out = SimpleRecord{};
  return Scanner(json).Record(out);
}

}  // namespace dragoman::io
