// Helpers shared by the dictionary readers: reading a file as bytes, walking its lines, removing
// comments, repairing Latin-1 bytes and turning phrase text into a Phrase.
//
// Dictionary files are old and hand-edited: CRLF and LF endings, '#' comments, TABARI ';'
// comments, '<!-- -->' blocks that may span lines, and a few lines whose bytes mix UTF-8 with
// Latin-1. LineReader hides all of that: a reader asks for the next meaningful line and gets its
// text without comments and surrounding white space, its 1-based line number, and a way to record
// a warning or build an error that names "file:line". Every function here works on views of the
// caller's bytes and copies only when a line must be changed.
#ifndef DRAGOMAN_DICT_DICT_UTIL_H_
#define DRAGOMAN_DICT_DICT_UTIL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dragoman/dictionary.h"
#include "dragoman/status.h"

namespace dragoman::dict {

// Reads the whole file at `path` as bytes into *out. A missing file is NotFound and any other
// failure an IOError; both messages name the path.
Status ReadFileBytes(const std::string& path, std::string* out);

// One physical line of a file: its text without the line ending ("\n", "\r\n" or a lone "\r"
// before "\n") and its 1-based number.
struct Line {
  std::string_view text;  // points into the caller's content
  uint32_t number = 0;
};
// Splits `content` into lines. A final line without a newline is kept; an empty content gives none.
std::vector<Line> SplitLines(std::string_view content);

// Which comment syntaxes a file uses.
struct CommentOptions {
  bool hash = true;       // '#' to the end of the line
  bool semicolon = true;  // TABARI ';' to the end of the line (also glued: "SCRAP {..};shan")
  bool xml = true;        // '<!-- ... -->', possibly over several lines; a line starting "<!" that
                          // opens no block ("<! -- ... -->") is a one-line comment
};

// Removes comments from successive lines of one file, remembering an open '<!--' block.
class CommentStripper {
 public:
  explicit CommentStripper(CommentOptions options = {}) : options_(options) {}
  // Returns `line` without its comments. The result points into `line` or into *scratch.
  std::string_view Strip(std::string_view line, std::string* scratch);
  // True while inside a '<!--' block that has not been closed yet.
  bool in_block() const { return in_block_; }

 private:
  CommentOptions options_;
  bool in_block_ = false;
};

// White space is ASCII space, tab, CR, LF, VT and FF.
inline bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}
std::string_view Trim(std::string_view s);

// True when `bytes` is well-formed UTF-8.
bool IsUtf8(std::string_view bytes);
// Copies `bytes` to *out keeping well-formed UTF-8 sequences and reading every other byte as a
// Latin-1 character (so a line that mixes both comes out as UTF-8). Returns the number of bytes
// that were converted; 0 means *out == bytes.
size_t Latin1ToUtf8(std::string_view bytes, std::string* out);

// The Phrase of a dictionary phrase: PhraseWords() on each white-space separated chunk; a chunk
// that ends in '_' ("GROUP A_", "ARNOR_") marks its last word exact.
Phrase MakePhrase(std::string_view text);
// A hashable key for a phrase: the words joined by '\x1f', exact words followed by '_'.
std::string PhraseKey(const Phrase& phrase);
// A 64-bit hash of the words and exact flags, for indexes that must not allocate per phrase.
uint64_t PhraseHash(const Phrase& phrase);
// Same words with the same exact flags.
bool SamePhrase(const Phrase& a, const Phrase& b);
// The plain text of a phrase ("VLADIMIR PUTIN_"), for messages.
std::string PhraseText(const Phrase& phrase);

// Upper-cases ASCII letters in place and returns the string.
std::string AsciiUpper(std::string_view s);

// Walks the meaningful lines of one dictionary file. Each call to Next() moves to the next line
// that is not blank once comments are removed; Latin-1 bytes are converted with a warning; a line
// "~~FINISH" ends the file (TABARI), when `stop_at_finish`.
//
//   LineReader in(content, file, set);
//   while (in.Next()) { if (bad) in.Warn("..."); ... }
//
// Not thread-safe; `content` and `set` must outlive the reader.
class LineReader {
 public:
  LineReader(std::string_view content, uint32_t file, DictionarySet* set,
             CommentOptions options = {}, bool stop_at_finish = true);

  // Advances to the next meaningful line; false at the end of the file.
  bool Next();
  // The current line without comments and without white space at either end.
  std::string_view text() const { return text_; }
  // The current line as written (after Latin-1 repair, before comment removal).
  std::string_view raw() const { return raw_; }
  // True when the raw line starts with a space or a tab.
  bool indented() const { return !raw_.empty() && (raw_[0] == ' ' || raw_[0] == '\t'); }
  uint32_t line() const { return number_; }
  SourceRef where() const { return SourceRef{file_, number_}; }
  // The file name as given to DictionarySet::AddFile.
  const std::string& file_name() const { return set_->files[file_]; }

  // Records a warning about the current line.
  void Warn(std::string message);
  // Records a warning about another line of this file.
  void WarnAt(uint32_t line, std::string message);
  // A Corruption status "file:line: message" for the current line.
  Status Error(std::string_view message) const;

 private:
  std::string_view content_;
  uint32_t file_;
  DictionarySet* set_;
  CommentStripper stripper_;
  bool stop_at_finish_;
  size_t pos_ = 0;
  uint32_t next_number_ = 1;
  uint32_t number_ = 0;
  uint32_t block_start_ = 0;  // line where an unclosed '<!--' started
  std::string converted_;     // the current line after Latin-1 repair, when needed
  std::string scratch_;       // comment-stripping buffer
  std::string_view raw_;
  std::string_view text_;
  bool done_ = false;
};

}  // namespace dragoman::dict

#endif  // DRAGOMAN_DICT_DICT_UTIL_H_
