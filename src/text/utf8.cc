// UTF-8 validation and the matching form of a piece of text. Validation follows RFC 3629: no
// overlong forms, no surrogates (U+D800..U+DFFF), nothing above U+10FFFF. The ASCII prefix of
// the input is skipped eight bytes at a time, which is most of every English news text.
#include <cstring>
#include <string>
#include <string_view>

#include "dragoman/text.h"
#include "text/chars.h"

namespace dragoman {

size_t FirstInvalidUtf8(std::string_view bytes) {
  const size_t n = bytes.size();
  size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, bytes.data() + i, 8);
      if ((word & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++i;
      continue;
    }
    uint32_t cp = 0;
    int len = text_internal::Utf8SequenceLength(bytes, i, &cp);
    if (len == 0) return i;
    i += static_cast<size_t>(len);
  }
  return std::string_view::npos;
}

bool IsValidUtf8(std::string_view bytes) {
  return FirstInvalidUtf8(bytes) == std::string_view::npos;
}

std::string NormalizeForMatching(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out.push_back(static_cast<char>((c >= 'a' && c <= 'z') ? c - 32 : c));
      ++i;
      continue;
    }
    text_internal::Char ch = text_internal::DecodeChar(text, i);
    text_internal::AppendNormalized(text, i, ch, &out);
    i += ch.len;
  }
  return out;
}

}  // namespace dragoman
