// Line, comment, encoding and phrase helpers for the dictionary readers (see dict_util.h).
#include "dict/dict_util.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "dragoman/text.h"

namespace dragoman::dict {

Status ReadFileBytes(const std::string& path, std::string* out) {
  out->clear();
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    int err = errno;
    if (err == ENOENT || err == ENOTDIR) return Status::NotFound(path + ": no such file");
    return Status::IOError(path + ": " + std::strerror(err));
  }
  char buffer[1 << 16];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof(buffer), f)) > 0) out->append(buffer, n);
  bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) return Status::IOError(path + ": read error");
  return Status::Ok();
}

std::vector<Line> SplitLines(std::string_view content) {
  std::vector<Line> lines;
  size_t pos = 0;
  uint32_t number = 1;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    size_t end = nl == std::string_view::npos ? content.size() : nl;
    std::string_view text = content.substr(pos, end - pos);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    lines.push_back(Line{text, number++});
    pos = nl == std::string_view::npos ? content.size() : nl + 1;
  }
  return lines;
}

std::string_view Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && IsSpace(s[b])) ++b;
  while (e > b && IsSpace(s[e - 1])) --e;
  return s.substr(b, e - b);
}

std::string_view CommentStripper::Strip(std::string_view line, std::string* scratch) {
  size_t i = 0;
  if (in_block_) {
    size_t close = line.find("-->");
    if (close == std::string_view::npos) return std::string_view();
    in_block_ = false;
    i = close + 3;
  }
  // The common case keeps one piece of the line; a '<!-- -->' in the middle needs two.
  std::string_view first;
  bool have_first = false;
  bool using_scratch = false;
  auto emit = [&](std::string_view piece) {
    if (!have_first) {
      first = piece;
      have_first = true;
    } else {
      if (!using_scratch) {
        scratch->assign(first);
        using_scratch = true;
      }
      scratch->append(piece);
    }
  };
  while (i <= line.size()) {
    size_t stop = line.size();
    bool xml = false;
    for (size_t j = i; j < line.size(); ++j) {
      char c = line[j];
      if ((c == '#' && options_.hash) || (c == ';' && options_.semicolon)) {
        stop = j;
        break;
      }
      if (c == '<' && options_.xml && j + 1 < line.size() && line[j + 1] == '!') {
        if (line.compare(j, 4, "<!--") == 0 || Trim(line.substr(0, j)).empty()) {
          stop = j;
          xml = true;
          break;
        }
      }
    }
    emit(line.substr(i, stop - i));
    if (!xml) break;
    if (line.compare(stop, 4, "<!--") != 0) break;  // "<! -- ... -->" at line start: whole line
    size_t close = line.find("-->", stop + 4);
    if (close == std::string_view::npos) {
      in_block_ = true;
      break;
    }
    i = close + 3;
  }
  if (using_scratch) return *scratch;
  return first;
}

namespace {

// Length of the well-formed UTF-8 sequence at s[i] (no overlongs, surrogates or > U+10FFFF), or 0.
int Utf8Length(std::string_view s, size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  unsigned c = p[i];
  if (c < 0x80) return 1;
  auto cont = [&](size_t k) { return k < n && (p[k] & 0xC0) == 0x80; };
  if (c < 0xC2) return 0;
  if (c < 0xE0) return cont(i + 1) ? 2 : 0;
  if (c < 0xF0) {
    if (!cont(i + 1) || !cont(i + 2)) return 0;
    if (c == 0xE0 && p[i + 1] < 0xA0) return 0;   // overlong
    if (c == 0xED && p[i + 1] >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (c < 0xF5) {
    if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return 0;
    if (c == 0xF0 && p[i + 1] < 0x90) return 0;   // overlong
    if (c == 0xF4 && p[i + 1] >= 0x90) return 0;  // > U+10FFFF
    return 4;
  }
  return 0;
}

}  // namespace

bool IsUtf8(std::string_view bytes) {
  size_t i = 0;
  while (i < bytes.size()) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++i;
      continue;
    }
    int len = Utf8Length(bytes, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

size_t Latin1ToUtf8(std::string_view bytes, std::string* out) {
  out->clear();
  out->reserve(bytes.size() + 8);
  size_t converted = 0;
  size_t i = 0;
  while (i < bytes.size()) {
    int len = Utf8Length(bytes, i);
    if (len > 0) {
      out->append(bytes.data() + i, len);
      i += len;
      continue;
    }
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
    ++converted;
    ++i;
  }
  return converted;
}

Phrase MakePhrase(std::string_view text) {
  Phrase phrase;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && IsSpace(text[i])) ++i;
    size_t start = i;
    while (i < text.size() && !IsSpace(text[i])) ++i;
    if (i == start) break;
    std::string_view chunk = text.substr(start, i - start);
    std::vector<std::string> words = PhraseWords(chunk);
    if (words.empty()) continue;
    const bool gap = !phrase.empty();
    for (std::string& w : words) phrase.push_back(PhraseWord{std::move(w), false});
    phrase[phrase.size() - words.size()].gap_before = gap;
    if (chunk.back() == '_') phrase.back().exact = true;
  }
  return phrase;
}

std::string PhraseKey(const Phrase& phrase) {
  std::string key;
  for (size_t i = 0; i < phrase.size(); ++i) {
    if (i > 0) key.push_back('\x1f');
    key += phrase[i].word;
    if (phrase[i].exact) key.push_back('_');
  }
  return key;
}

uint64_t PhraseHash(const Phrase& phrase) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a
  auto mix = [&h](unsigned char c) {
    h ^= c;
    h *= 1099511628211ull;
  };
  for (const PhraseWord& w : phrase) {
    for (char c : w.word) mix(static_cast<unsigned char>(c));
    mix(w.exact ? 0x1e : 0x1f);
  }
  return h;
}

bool SamePhrase(const Phrase& a, const Phrase& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].exact != b[i].exact || a[i].word != b[i].word) return false;
  }
  return true;
}

std::string PhraseText(const Phrase& phrase) {
  std::string text;
  for (size_t i = 0; i < phrase.size(); ++i) {
    if (i > 0) text.push_back(' ');
    text += phrase[i].word;
    if (phrase[i].exact) text.push_back('_');
  }
  return text;
}

std::string AsciiUpper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

LineReader::LineReader(std::string_view content, uint32_t file, DictionarySet* set,
                       CommentOptions options, bool stop_at_finish)
    : content_(content), file_(file), set_(set), stripper_(options),
      stop_at_finish_(stop_at_finish) {
  // A UTF-8 byte-order mark is not part of the first line.
  if (content_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

bool LineReader::Next() {
  while (!done_) {
    if (pos_ >= content_.size()) {
      done_ = true;
      if (stripper_.in_block()) WarnAt(block_start_, "'<!--' comment is never closed");
      return false;
    }
    size_t nl = content_.find('\n', pos_);
    size_t end = nl == std::string_view::npos ? content_.size() : nl;
    std::string_view line = content_.substr(pos_, end - pos_);
    pos_ = nl == std::string_view::npos ? content_.size() : nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    number_ = next_number_++;
    if (!IsUtf8(line)) {
      size_t n = Latin1ToUtf8(line, &converted_);
      line = converted_;
      Warn("read " + std::to_string(n) + " byte(s) that are not UTF-8 as Latin-1");
    }
    raw_ = line;
    bool was_in_block = stripper_.in_block();
    if (stop_at_finish_ && !was_in_block && Trim(line) == "~~FINISH") {
      done_ = true;
      return false;
    }
    text_ = Trim(stripper_.Strip(line, &scratch_));
    if (!was_in_block && stripper_.in_block()) block_start_ = number_;
    if (!text_.empty()) return true;
  }
  return false;
}

void LineReader::Warn(std::string message) { WarnAt(number_, std::move(message)); }

void LineReader::WarnAt(uint32_t line, std::string message) {
  set_->warnings.push_back(DictionaryWarning{set_->files[file_], line, std::move(message)});
}

Status LineReader::Error(std::string_view message) const {
  return Status::Corruption(set_->files[file_] + ":" + std::to_string(number_) + ": " +
                            std::string(message));
}

}  // namespace dragoman::dict
