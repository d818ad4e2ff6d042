// Verb files of both families: the line-level reader, pattern tokens, verb forms and synsets.
//
// ReadVerbFile() makes one pass over the lines and classifies each by its first character
// (`&` synset, `+` member or multi-word verb, `---` block, `-` pattern, `~` transformation,
// `<` TABARI/XML markup, anything else a verb line). Pattern bodies go to the family's parser;
// synset references stay unresolved placeholders until the end of the file, when synset members
// are expanded (nested synsets, plurals) and every placeholder is matched to the longest synset
// name it starts with ("&TIETYPES_RELATIONS" → &TIETYPES joined to RELATIONS, but
// "&FIGHT_OF_WORDS" → the synset of that name when it exists). Nothing here stops at a bad
// line: each becomes a DictionaryWarning naming the file and line, and reading goes on.
#include "dict/verbs_common.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "dragoman/text.h"

namespace dragoman::dict {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

bool IsVowel(char c) { return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U'; }
bool IsLetter(char c) { return c >= 'A' && c <= 'Z'; }
bool IsConsonant(char c) { return IsLetter(c) && !IsVowel(c); }

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

// Number of vowel groups: a rough syllable count (Y is a vowel after a consonant).
int VowelGroups(std::string_view w) {
  int groups = 0;
  bool in_vowel = false;
  for (size_t i = 0; i < w.size(); ++i) {
    bool v = IsVowel(w[i]) || (w[i] == 'Y' && i > 0 && IsConsonant(w[i - 1]));
    if (v && !in_vowel) ++groups;
    in_vowel = v;
  }
  return groups;
}

// Ends consonant-vowel-consonant with a final consonant that English doubles (not W X Y):
// STOP, BAN, REFER, QUIT (QU counts as a consonant).
bool EndsCvc(std::string_view w) {
  size_t n = w.size();
  if (n < 3) return false;
  char last = w[n - 1], mid = w[n - 2], first = w[n - 3];
  if (!IsConsonant(last) || last == 'W' || last == 'X' || last == 'Y') return false;
  if (!IsVowel(mid)) return false;
  if (IsVowel(first)) return first == 'U' && n >= 4 && w[n - 4] == 'Q';
  return IsLetter(first);
}

// `stem + suffix` with and without the doubled final consonant, as the rules in the header say.
void AddWithDoubling(std::string_view w, std::string_view suffix, std::vector<std::string>* out) {
  std::string plain = std::string(w) + std::string(suffix);
  if (!EndsCvc(w)) {
    out->push_back(plain);
    return;
  }
  std::string doubled = std::string(w) + w.back() + std::string(suffix);
  if (VowelGroups(w) > 1) out->push_back(plain);
  out->push_back(doubled);
}

void PushUnique(std::vector<std::string>* v, std::string s) {
  if (std::find(v->begin(), v->end(), s) == v->end()) v->push_back(std::move(s));
}

}  // namespace

// ---- Inflection --------------------------------------------------------------------------------

std::string ThirdPersonForm(std::string_view v) {
  std::string w(v);
  size_t n = w.size();
  if (n == 0) return w;
  char last = w[n - 1];
  if (last == 'S' || last == 'X' || last == 'Z' || EndsWith(w, "CH") || EndsWith(w, "SH") ||
      (last == 'O' && n >= 2 && IsConsonant(w[n - 2]))) {
    return w + "ES";
  }
  if (last == 'Y' && n >= 2 && IsConsonant(w[n - 2])) return w.substr(0, n - 1) + "IES";
  return w + "S";
}

std::vector<std::string> PastForms(std::string_view v) {
  std::vector<std::string> out;
  size_t n = v.size();
  if (n == 0) return out;
  if (v.back() == 'E') {
    out.push_back(std::string(v) + "D");
  } else if (v.back() == 'Y' && n >= 2 && IsConsonant(v[n - 2])) {
    out.push_back(std::string(v.substr(0, n - 1)) + "IED");
  } else {
    AddWithDoubling(v, "ED", &out);
  }
  return out;
}

std::vector<std::string> GerundForms(std::string_view v) {
  std::vector<std::string> out;
  size_t n = v.size();
  if (n == 0) return out;
  if (EndsWith(v, "IE") && n > 2) {
    out.push_back(std::string(v.substr(0, n - 2)) + "YING");
  } else if (v.back() == 'E' && n > 2 && !EndsWith(v, "EE") && !EndsWith(v, "YE") &&
             !EndsWith(v, "OE")) {
    out.push_back(std::string(v.substr(0, n - 1)) + "ING");
  } else {
    AddWithDoubling(v, "ING", &out);
  }
  return out;
}

std::vector<std::string> RegularVerbForms(std::string_view verb) {
  std::vector<std::string> out;
  if (verb.empty()) return out;
  PushUnique(&out, ThirdPersonForm(verb));
  for (std::string& f : PastForms(verb)) PushUnique(&out, std::move(f));
  for (std::string& f : GerundForms(verb)) PushUnique(&out, std::move(f));
  out.erase(std::remove(out.begin(), out.end(), std::string(verb)), out.end());
  return out;
}

std::string NounPlural(std::string_view w) {
  size_t n = w.size();
  if (n == 0 || !IsLetter(w.back())) return "";
  if (n > 3 && EndsWith(w, "MAN")) return std::string(w.substr(0, n - 3)) + "MEN";
  if (EndsWith(w, "SS") || w.back() == 'X' || w.back() == 'Z' || EndsWith(w, "CH") ||
      EndsWith(w, "SH")) {
    return std::string(w) + "ES";
  }
  if (w.back() == 'S') return "";  // already plural (FORCES) or -IS/-US (ANALYSIS): leave it
  if (w.back() == 'Y' && n >= 2 && IsConsonant(w[n - 2])) {
    return std::string(w.substr(0, n - 1)) + "IES";
  }
  return std::string(w) + "S";
}

// ---- Pattern bodies ----------------------------------------------------------------------------

namespace {

bool IsSlot(std::string_view p) { return p == "$" || p == "+" || p == "%" || p == "^"; }

PatternToken::Kind SlotKind(char c) {
  switch (c) {
    case '$': return PatternToken::Kind::kSource;
    case '+': return PatternToken::Kind::kTarget;
    case '%': return PatternToken::Kind::kCompound;
    default: return PatternToken::Kind::kSkip;
  }
}

std::vector<std::string_view> SplitUnderscore(std::string_view s) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == '_') {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

// Builds the token list of one body. A raw token is a run of characters between white space and
// brackets; inside it '_' joins the parts.
class BodyTokenizer {
 public:
  BodyTokenizer(bool structured, bool require_verb, Pattern* pattern, std::string* error)
      : structured_(structured), require_verb_(require_verb), p_(pattern), error_(error) {}

  bool Run(std::string_view body) {
    p_->before.clear();
    p_->after.clear();
    p_->verb_joined = false;
    std::string raw;
    for (char c : body) {
      if (IsSpace(c) || c == '\n') {
        if (!Flush(&raw)) return false;
        continue;
      }
      if (c == '(' || c == '{' || c == ')' || c == '}') {
        if (!structured_) return Fail(std::string("unexpected '") + c + "'");
        if (!Flush(&raw)) return false;
        if (c == '(' || c == '{') {
          stack_.push_back(c);
          if (c == '(') pending_preposition_ = true;  // "({A B})": A starts the phrase
        } else {
          char open = c == ')' ? '(' : '{';
          if (stack_.empty() || stack_.back() != open) {
            return Fail(std::string("unbalanced '") + c + "'");
          }
          stack_.pop_back();
          pending_preposition_ = false;
        }
        continue;
      }
      raw.push_back(c);
    }
    if (!Flush(&raw)) return false;
    if (!stack_.empty()) return Fail(std::string("unclosed '") + stack_.back() + "'");
    if (require_verb_ && !seen_verb_) return Fail("no '*' (verb position)");
    return true;
  }

 private:
  bool Fail(std::string message) {
    *error_ = std::move(message);
    return false;
  }

  std::vector<PatternToken>& Side() { return seen_verb_ ? p_->after : p_->before; }

  void Emit(PatternToken token) {
    token.preposition = pending_preposition_;
    pending_preposition_ = false;
    Side().push_back(std::move(token));
    last_ = &Side().back();
  }

  bool Flush(std::string* raw) {
    if (raw->empty()) return true;
    std::vector<std::string_view> parts = SplitUnderscore(*raw);
    bool carry = carry_joined_;
    carry_joined_ = false;
    last_ = nullptr;
    const size_t n = parts.size();
    for (size_t k = 0; k < n; ++k) {
      std::string_view part = parts[k];
      const bool joined = k == 0 ? carry : true;
      if (part.empty()) {
        // A trailing '_': the word before must match exactly.
        if (k == n - 1 && last_ != nullptr && last_->kind == PatternToken::Kind::kWord) {
          last_->word.exact = true;
        }
        continue;
      }
      if (part == "*") {
        if (!require_verb_) return Fail("'*' outside a pattern");
        if (seen_verb_) return Fail("more than one '*'");
        seen_verb_ = true;
        p_->verb_joined = joined;
        last_ = nullptr;
        continue;
      }
      if (IsSlot(part)) {
        PatternToken t;
        t.kind = SlotKind(part[0]);
        t.joined = joined;
        Emit(std::move(t));
        continue;
      }
      if (part[0] == '&') {
        // The synset name and every plain word joined after it: split later, once all synset
        // names are known.
        std::string name = Upper(part.substr(1));
        while (k + 1 < n) {
          std::string_view next = parts[k + 1];
          if (next.empty()) {
            if (k + 1 == n - 1) name += '_';
            ++k;
            continue;
          }
          if (next == "*" || IsSlot(next) || next[0] == '&') break;
          name += '_';
          name += Upper(next);
          ++k;
        }
        if (name.empty() || name == "_") return Fail("'&' without a synset name");
        PatternToken t;
        t.kind = PatternToken::Kind::kSynset;
        t.synset = kUnresolvedSynset;
        t.word.word = std::move(name);
        t.joined = joined;
        Emit(std::move(t));
        continue;
      }
      // A word. TABARI "XXX~": the next word must follow immediately.
      bool wildcard = part.size() > 1 && part.back() == '~';
      if (wildcard) part.remove_suffix(1);
      std::vector<std::string> words = PhraseWords(part);
      for (size_t w = 0; w < words.size(); ++w) {
        PatternToken t;
        t.kind = PatternToken::Kind::kWord;
        t.word.word = std::move(words[w]);
        t.joined = w == 0 ? joined : true;
        Emit(std::move(t));
      }
      if (wildcard && k == n - 1) carry_joined_ = true;
    }
    raw->clear();
    return true;
  }

  const bool structured_;
  const bool require_verb_;
  Pattern* p_;
  std::string* error_;
  std::vector<char> stack_;
  bool seen_verb_ = false;
  bool pending_preposition_ = false;
  bool carry_joined_ = false;
  PatternToken* last_ = nullptr;
};

}  // namespace

bool TokenizePatternBody(std::string_view body, bool structured, bool require_verb,
                         Pattern* pattern, std::string* error) {
  return BodyTokenizer(structured, require_verb, pattern, error).Run(body);
}

// ---- Whole files -------------------------------------------------------------------------------

namespace {

// The lookup key of a synset name: upper case, without '&' and a trailing '_'.
std::string SynsetKey(std::string_view name) {
  if (!name.empty() && name.front() == '&') name.remove_prefix(1);
  while (!name.empty() && name.back() == '_') name.remove_suffix(1);
  return Upper(name);
}

// Removes a '#' or ';' comment (not inside [..], where "[###]" is a code) and trims.
std::string_view StripComment(std::string_view line) {
  int depth = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == '[') ++depth;
    else if (c == ']' && depth > 0) --depth;
    else if ((c == '#' || c == ';') && depth == 0) return Trim(line.substr(0, i));
  }
  return Trim(line);
}

std::string PhraseKey(const Phrase& p) {
  std::string key;
  for (const PhraseWord& w : p) {
    key += w.word;
    key += w.exact ? "_ " : " ";
  }
  return key;
}

class VerbFileReader {
 public:
  VerbFileReader(std::string_view content, uint32_t file, const VerbSyntax& syntax,
                 DictionarySet* set)
      : content_(content), file_(file), syntax_(syntax), set_(set) {
    file_name_ = file < set->files.size() ? set->files[file] : std::string("<verbs>");
    first_block_ = set->verb_blocks.size();
    for (uint32_t i = 0; i < set->synsets.size(); ++i) {
      synset_index_.emplace(SynsetKey(set->synsets[i].name), i);
    }
  }

  Status Run() {
    std::string_view rest = content_;
    if (StartsWith(rest, "\xEF\xBB\xBF")) rest.remove_prefix(3);
    uint32_t line_no = 0;
    while (!rest.empty()) {
      size_t eol = rest.find('\n');
      std::string_view line = rest.substr(0, eol);
      rest = eol == std::string_view::npos ? std::string_view() : rest.substr(eol + 1);
      ++line_no;
      if (line.find('\0') != std::string_view::npos) {
        Resolve();  // leave no placeholder behind in what was read
        return Status::Corruption(file_name_ + ":" + std::to_string(line_no) +
                                  ": NUL byte: not a text dictionary");
      }
      if (!ReadLine(line, line_no)) break;  // ~~FINISH
    }
    Resolve();
    return Status::Ok();
  }

 private:
  struct PendingMember {
    std::vector<PatternToken> tokens;
    uint32_t line = 0;
  };
  struct PendingSynset {
    uint32_t index = 0;  // into set_->synsets
    std::vector<PendingMember> members;
  };

  void Warn(uint32_t line, std::string message) {
    set_->warnings.push_back(DictionaryWarning{file_name_, line, std::move(message)});
  }

  SourceRef Where(uint32_t line) const { return SourceRef{file_, line}; }

  // Returns false at the end-of-file mark.
  bool ReadLine(std::string_view raw, uint32_t line_no) {
    std::string_view line = Trim(raw);
    if (in_xml_comment_) {
      if (line.find("-->") != std::string_view::npos) in_xml_comment_ = false;
      return true;
    }
    if (line.empty()) return true;
    if (line[0] == '<') {
      ReadMarkup(line, line_no);
      return true;
    }
    if (!skip_until_.empty()) return true;  // inside <NOUN> or <ADJECTIVE>
    if (StartsWith(line, "~~")) {
      if (StartsWith(Upper(line), "~~FINISH")) return false;
    }
    std::string_view text = StripComment(line);
    if (text.empty()) return true;
    const char c = text[0];
    if (c == '+' && in_synset_) {
      ReadSynsetMember(text.substr(1), line_no);
      return true;
    }
    in_synset_ = false;
    if (c == '&') {
      ReadSynsetHeader(text, line_no);
    } else if (StartsWith(text, "---")) {
      ReadBlockHeader(text, line_no);
    } else if (c == '-') {
      ReadPattern(text, line_no);
    } else if (c == '*') {
      Warn(line_no, "pattern line without the leading '-'");
      ReadPattern(text, line_no);
    } else if (c == '~') {
      set_->transformations.push_back(
          Transformation{std::string(Trim(text.substr(1))), Where(line_no)});
    } else {
      ReadVerbLine(text, line_no);
    }
    return true;
  }

  // "<!-- -->" comments, "<!" pattern switches (PETRARCH-2) and TABARI section tags.
  void ReadMarkup(std::string_view line, uint32_t line_no) {
    if (StartsWith(line, "<!")) {
      if (StartsWith(line, "<!--") && line.find("-->", 4) == std::string_view::npos) {
        in_xml_comment_ = true;
      }
      if (syntax_.bang_stops_patterns && block_ >= 0 && !patterns_off_) {
        patterns_off_ = true;
        Warn(line_no, "'<!' line: patterns are not recorded until the next verb block");
      }
      return;
    }
    std::string tag = Upper(line.substr(0, line.find('>') + 1));
    if (!skip_until_.empty()) {
      if (tag == skip_until_) skip_until_.clear();
      return;
    }
    if (tag == "<NOUN>" || tag == "<ADJECTIVE>") {
      skip_until_ = "</" + tag.substr(1);
    } else if (tag != "<SYNSETS>" && tag != "</SYNSETS>" && tag != "<VERBS>" &&
               tag != "</VERBS>") {
      Warn(line_no, "unknown markup line ignored: " + std::string(line.substr(0, 40)));
    }
  }

  void ReadSynsetHeader(std::string_view text, uint32_t line_no) {
    std::string_view name = text.substr(1);
    size_t end = 0;
    while (end < name.size() && !IsSpace(name[end])) ++end;
    name = name.substr(0, end);
    std::string key = SynsetKey(name);
    if (key.empty()) {
      Warn(line_no, "synset line without a name");
      return;
    }
    in_synset_ = true;
    auto found = synset_index_.find(key);
    if (found != synset_index_.end()) {
      Warn(line_no, "synset &" + key + " defined again; its members are merged");
      auto p = pending_index_.find(found->second);
      if (p != pending_index_.end()) {
        current_pending_ = p->second;
        return;
      }
      current_pending_ = pending_.size();
      pending_index_.emplace(found->second, pending_.size());
      pending_.push_back(PendingSynset{found->second, {}});
      return;
    }
    uint32_t index = static_cast<uint32_t>(set_->synsets.size());
    Synset s;
    s.name = Upper(name);
    s.where = Where(line_no);
    set_->synsets.push_back(std::move(s));
    synset_index_.emplace(key, index);
    current_pending_ = pending_.size();
    pending_index_.emplace(index, pending_.size());
    pending_.push_back(PendingSynset{index, {}});
  }

  void ReadSynsetMember(std::string_view body, uint32_t line_no) {
    Pattern p;
    std::string error;
    if (!TokenizePatternBody(body, syntax_.structured_members, /*require_verb=*/false, &p,
                             &error)) {
      Warn(line_no, "synset member skipped: " + error);
      return;
    }
    if (p.before.empty()) {
      Warn(line_no, "empty synset member");
      return;
    }
    for (const PatternToken& t : p.before) {
      if (t.kind != PatternToken::Kind::kWord && t.kind != PatternToken::Kind::kSynset) {
        Warn(line_no, "synset member skipped: actor slots ($ + % ^) are not allowed in synsets");
        return;
      }
    }
    pending_[current_pending_].members.push_back(PendingMember{std::move(p.before), line_no});
  }

  // "--- LABEL [CODE] ---", tolerating "[110]---", a missing code and two codes.
  void ReadBlockHeader(std::string_view text, uint32_t line_no) {
    std::string_view body = text;
    while (!body.empty() && body.front() == '-') body.remove_prefix(1);
    while (!body.empty() && (body.back() == '-' || IsSpace(body.back()))) body.remove_suffix(1);
    body = Trim(body);
    size_t open = body.find('[');
    std::string_view label = Trim(body.substr(0, open));
    if (label.empty() && open == std::string_view::npos) {
      Warn(line_no, "separator line without a label ignored");
      return;
    }
    VerbBlock block;
    block.label = std::string(label);
    block.where = Where(line_no);
    block.code = EventCode{};  // null unless a code follows
    if (open == std::string_view::npos) {
      Warn(line_no, "verb block '" + block.label + "' has no [code]; its verbs code nothing");
    } else {
      size_t close = body.find(']', open);
      if (close == std::string_view::npos) {
        Warn(line_no, "unclosed '[' in verb block header; its verbs code nothing");
      } else {
        Result<EventCode> code = ParseEventCode(Trim(body.substr(open + 1, close - open - 1)));
        if (code.ok()) {
          block.code = std::move(code.value());
        } else {
          Warn(line_no, "bad code in verb block header (" + code.status().message() +
                            "); its verbs code nothing");
        }
        if (Trim(body.substr(close + 1)).find('[') != std::string_view::npos) {
          Warn(line_no, "verb block header has more than one code; the first is used");
        }
      }
    }
    block_ = static_cast<int64_t>(set_->verb_blocks.size());
    set_->verb_blocks.push_back(std::move(block));
    patterns_off_ = false;
    seen_forms_.clear();
  }

  // A verb phrase as written ("+ASK_FOR", "KLM_NOP_+RST", "LASH OUT", "RE-ADMIT").
  struct VerbPhrase {
    std::vector<std::string> words;
    uint32_t verb_word = 0;
    bool marked = false;  // a '+' said which word is the verb
    bool exact = false;   // trailing '_': no regular forms
    std::string lemma;
  };

  static bool ParseVerbPhrase(std::string_view text, VerbPhrase* out) {
    text = Trim(text);
    out->exact = !text.empty() && text.back() == '_';
    std::vector<std::string_view> segments;
    size_t start = 0;
    for (size_t i = 0; i <= text.size(); ++i) {
      if (i == text.size() || text[i] == '_' || IsSpace(text[i])) {
        if (i > start) segments.push_back(text.substr(start, i - start));
        start = i + 1;
      }
    }
    int marked = -1;
    for (size_t s = 0; s < segments.size(); ++s) {
      if (segments[s].front() == '+' && marked < 0) marked = static_cast<int>(s);
    }
    out->marked = marked >= 0;
    bool verb_set = false;
    for (size_t s = 0; s < segments.size(); ++s) {
      std::string seg;
      for (char c : segments[s]) {
        if (c != '+') seg.push_back(c);
      }
      if (!out->lemma.empty()) out->lemma += text.find('_') != std::string_view::npos ? "_" : " ";
      out->lemma += Upper(seg);
      std::vector<std::string> words = PhraseWords(seg);
      if (words.empty()) continue;
      for (std::string& w : words) out->words.push_back(std::move(w));
      if (!verb_set && (marked < 0 || static_cast<int>(s) == marked)) {
        out->verb_word = static_cast<uint32_t>(out->words.size() - 1);
        verb_set = true;
      }
    }
    return !out->words.empty();
  }

  // Adds a form to the open block. The same words twice in a block are one form; a repeat with
  // its own code gives the form that code (the later line wins, as in PETRARCH's dictionaries).
  void AddForm(const std::vector<std::string>& words, uint32_t verb_word, const std::string& lemma,
               bool has_code, const EventCode& code, uint32_t line_no) {
    std::string key;
    for (const std::string& w : words) key += w + " ";
    key += "|" + std::to_string(verb_word);
    auto [it, added] = seen_forms_.emplace(key, set_->verb_forms.size());
    if (!added) {
      VerbForm& old = set_->verb_forms[it->second];
      if (!has_code) return;
      if (old.has_own_code && !SameCode(old.own_code, code) && old.where.line != line_no) {
        Warn(line_no, "verb form '" + key.substr(0, key.find('|') - 1) +
                          "' repeated in its block with another code; this one is used");
      }
      old.has_own_code = true;
      old.own_code = code;
      old.where = Where(line_no);
      return;
    }
    VerbForm f;
    f.words = words;
    f.verb_word = verb_word;
    f.block = static_cast<uint32_t>(block_);
    f.has_own_code = has_code;
    if (has_code) f.own_code = code;
    f.lemma = lemma;
    f.where = Where(line_no);
    set_->verb_forms.push_back(std::move(f));
  }

  static bool SameCode(const EventCode& a, const EventCode& b) {
    return a.kind == b.kind && a.code == b.code && a.paired == b.paired &&
           a.passive_only == b.passive_only && a.subordinate == b.subordinate;
  }

  // "VERB {irregular forms} [own code]", the {} and [] in either order.
  void ReadVerbLine(std::string_view text, uint32_t line_no) {
    if (block_ < 0) {
      Warn(line_no, "line outside a verb block ignored: " + std::string(text.substr(0, 60)));
      return;
    }
    size_t first = text.find_first_of("{[");
    std::string_view base_text = Trim(text.substr(0, first));
    std::string_view forms_text;
    bool has_forms = false, has_code = false;
    EventCode code;
    size_t i = first;
    while (i != std::string_view::npos && i < text.size()) {
      char c = text[i];
      if (IsSpace(c)) {
        ++i;
        continue;
      }
      if (c != '{' && c != '[') {
        Warn(line_no, "unexpected text after the verb ignored: " + std::string(text.substr(i)));
        break;
      }
      char close_char = c == '{' ? '}' : ']';
      size_t close = text.find(close_char, i + 1);
      if (close == std::string_view::npos) {
        Warn(line_no, std::string("unclosed '") + c + "' in verb line; line skipped");
        return;
      }
      std::string_view inside = text.substr(i + 1, close - i - 1);
      if (c == '{') {
        if (has_forms) Warn(line_no, "more than one {forms} group; the first is used");
        else forms_text = inside, has_forms = true;
      } else if (has_code) {
        Warn(line_no, "more than one [code] on a verb line; the first is used");
      } else {
        Result<EventCode> r = ParseEventCode(Trim(inside));
        if (r.ok()) {
          code = std::move(r.value());
          has_code = true;
        } else {
          Warn(line_no, "bad verb code ignored (" + r.status().message() + ")");
        }
      }
      i = close + 1;
    }
    VerbPhrase base;
    if (!ParseVerbPhrase(base_text, &base)) {
      Warn(line_no, "verb line without a verb");
      return;
    }
    AddForm(base.words, base.verb_word, base.lemma, has_code, code, line_no);
    if (!has_forms) {
      if (base.exact) return;
      for (const std::string& inflected : RegularVerbForms(base.words[base.verb_word])) {
        std::vector<std::string> words = base.words;
        words[base.verb_word] = inflected;
        AddForm(words, base.verb_word, base.lemma, has_code, code, line_no);
      }
      return;
    }
    size_t start = 0;
    for (size_t k = 0; k <= forms_text.size(); ++k) {
      if (k < forms_text.size() && !IsSpace(forms_text[k]) && forms_text[k] != ',') continue;
      std::string_view one = forms_text.substr(start, k - start);
      start = k + 1;
      if (one.empty()) continue;
      VerbPhrase form;
      if (!ParseVerbPhrase(one, &form)) continue;
      if (!form.marked && base.marked && form.words.size() == base.words.size()) {
        form.verb_word = base.verb_word;
      }
      AddForm(form.words, form.verb_word, base.lemma, has_code, code, line_no);
    }
  }

  void ReadPattern(std::string_view text, uint32_t line_no) {
    if (block_ < 0) {
      Warn(line_no, "pattern outside a verb block ignored");
      return;
    }
    if (patterns_off_) return;
    std::string_view body = text;
    for (int k = 0; k < 2 && !body.empty() && body.front() == '-'; ++k) body.remove_prefix(1);
    size_t open = body.find('[');
    if (open == std::string_view::npos) {
      Warn(line_no, "pattern without a [code] skipped");
      return;
    }
    size_t close = body.find(']', open);
    if (close == std::string_view::npos) {
      Warn(line_no, "pattern with an unclosed '[' skipped");
      return;
    }
    if (!Trim(body.substr(close + 1)).empty()) {
      Warn(line_no, "text after the pattern code ignored");
    }
    Result<EventCode> code = ParseEventCode(Trim(body.substr(open + 1, close - open - 1)));
    if (!code.ok()) {
      Warn(line_no, "pattern with a bad code skipped (" + code.status().message() + ")");
      return;
    }
    std::vector<Pattern> patterns;
    std::string error;
    if (!syntax_.parse_pattern(body.substr(0, open), &patterns, &error)) {
      Warn(line_no, "malformed pattern skipped: " + error);
      return;
    }
    VerbBlock& block = set_->verb_blocks[static_cast<size_t>(block_)];
    for (Pattern& p : patterns) {
      p.code = code.value();
      p.text = std::string(text);
      p.where = Where(line_no);
      block.patterns.push_back(std::move(p));
    }
  }

  // ---- End of file: synset names, members and plurals --------------------------------------

  // Replaces unresolved synset placeholders by a synset token and the words joined after it.
  std::vector<PatternToken> ResolveTokens(std::vector<PatternToken>&& tokens, uint32_t line_no) {
    bool any = false;
    for (const PatternToken& t : tokens) {
      if (t.kind == PatternToken::Kind::kSynset && t.synset == kUnresolvedSynset) any = true;
    }
    if (!any) return std::move(tokens);
    std::vector<PatternToken> out;
    out.reserve(tokens.size() + 2);
    for (PatternToken& t : tokens) {
      if (t.kind != PatternToken::Kind::kSynset || t.synset != kUnresolvedSynset) {
        out.push_back(std::move(t));
        continue;
      }
      std::string_view raw = t.word.word;
      bool trailing = !raw.empty() && raw.back() == '_';
      while (!raw.empty() && raw.back() == '_') raw.remove_suffix(1);
      std::vector<std::string_view> parts;
      for (std::string_view p : SplitUnderscore(raw)) {
        if (!p.empty()) parts.push_back(p);
      }
      size_t used = 0;
      uint32_t index = 0;
      std::string key;
      for (size_t k = 0; k < parts.size(); ++k) {
        if (k > 0) key += '_';
        key += parts[k];
        auto found = synset_index_.find(key);
        if (found != synset_index_.end()) {
          used = k + 1;
          index = found->second;
        }
      }
      bool joined = t.joined, preposition = t.preposition;
      if (used > 0) {
        PatternToken s;
        s.kind = PatternToken::Kind::kSynset;
        s.synset = index;
        s.joined = joined;
        s.preposition = preposition;
        s.word.exact = trailing && used == parts.size();
        out.push_back(std::move(s));
        joined = true;
        preposition = false;
      } else {
        Warn(line_no, "unknown synset &" + std::string(parts.empty() ? raw : parts[0]) +
                          "; read as a word");
      }
      for (size_t k = used; k < parts.size(); ++k) {
        for (std::string& w : PhraseWords(parts[k])) {
          PatternToken word;
          word.kind = PatternToken::Kind::kWord;
          word.word.word = std::move(w);
          word.joined = joined;
          word.preposition = preposition;
          joined = true;
          preposition = false;
          out.push_back(std::move(word));
        }
      }
      if (trailing && used < parts.size() && !out.empty()) out.back().word.exact = true;
    }
    return out;
  }

  // Expands the members of set_->synsets[index] (pending_[p]): nested synsets, then plurals.
  void ExpandSynset(size_t p) {
    PendingSynset& pending = pending_[p];
    if (state_[p] == 2) return;
    state_[p] = 1;
    Synset& target_ref = set_->synsets[pending.index];
    const bool no_plural_set = !target_ref.name.empty() && target_ref.name.back() == '_';
    std::unordered_set<std::string> seen;
    for (const Phrase& m : target_ref.members) seen.insert(PhraseKey(m));
    std::vector<Phrase> added;
    for (PendingMember& member : pending.members) {
      std::vector<Phrase> acc(1);
      bool ok = true;
      for (const PatternToken& t : member.tokens) {
        if (t.kind == PatternToken::Kind::kWord) {
          for (Phrase& ph : acc) ph.push_back(t.word);
          continue;
        }
        // A nested synset: its members, expanded first.
        auto q = pending_index_.find(t.synset);
        if (q != pending_index_.end()) {
          if (state_[q->second] == 1) {
            Warn(member.line, "synset &" + set_->synsets[t.synset].name +
                                  " contains itself; member skipped");
            ok = false;
            break;
          }
          ExpandSynset(q->second);
        }
        const std::vector<Phrase>& inner = set_->synsets[t.synset].members;
        std::vector<Phrase> next;
        for (const Phrase& a : acc) {
          for (const Phrase& b : inner) {
            if (next.size() >= kMaxExpansion) break;
            Phrase c = a;
            c.insert(c.end(), b.begin(), b.end());
            next.push_back(std::move(c));
          }
        }
        if (next.size() >= kMaxExpansion) Warn(member.line, "synset member expansion truncated");
        acc = std::move(next);
      }
      if (!ok) continue;
      const PatternToken& last = member.tokens.back();
      const bool plural = !no_plural_set && last.kind == PatternToken::Kind::kWord &&
                          !last.word.exact;
      for (Phrase& ph : acc) {
        if (ph.empty()) continue;
        std::string pl = plural ? NounPlural(ph.back().word) : std::string();
        if (seen.insert(PhraseKey(ph)).second) added.push_back(ph);
        if (!pl.empty()) {
          ph.back().word = std::move(pl);
          if (seen.insert(PhraseKey(ph)).second) added.push_back(std::move(ph));
        }
      }
    }
    Synset& target = set_->synsets[pending.index];
    for (Phrase& ph : added) target.members.push_back(std::move(ph));
    state_[p] = 2;
  }

  void Resolve() {
    for (PendingSynset& pending : pending_) {
      for (PendingMember& m : pending.members) {
        m.tokens = ResolveTokens(std::move(m.tokens), m.line);
      }
    }
    state_.assign(pending_.size(), 0);
    for (size_t p = 0; p < pending_.size(); ++p) ExpandSynset(p);
    for (size_t b = first_block_; b < set_->verb_blocks.size(); ++b) {
      for (Pattern& pattern : set_->verb_blocks[b].patterns) {
        pattern.before = ResolveTokens(std::move(pattern.before), pattern.where.line);
        pattern.after = ResolveTokens(std::move(pattern.after), pattern.where.line);
      }
    }
  }

  static constexpr size_t kMaxExpansion = 10000;

  std::string_view content_;
  uint32_t file_;
  const VerbSyntax& syntax_;
  DictionarySet* set_;
  std::string file_name_;
  size_t first_block_ = 0;

  int64_t block_ = -1;           // the open verb block, or -1
  bool patterns_off_ = false;    // after "<!" in PETRARCH-2
  bool in_synset_ = false;       // '+' lines are members of pending_[current_pending_]
  bool in_xml_comment_ = false;  // inside a multi-line "<!-- -->"
  std::string skip_until_;       // "</NOUN>" while inside a TABARI section that is not verbs
  size_t current_pending_ = 0;
  std::unordered_map<std::string, uint32_t> synset_index_;  // SynsetKey → set_->synsets
  std::unordered_map<uint32_t, size_t> pending_index_;      // set_->synsets → pending_
  std::vector<PendingSynset> pending_;
  std::vector<uint8_t> state_;  // per pending_: 0 not expanded, 1 expanding, 2 done
  std::unordered_map<std::string, size_t> seen_forms_;  // forms of the open block → verb_forms
};

}  // namespace

Status ReadVerbFile(std::string_view content, uint32_t file, const VerbSyntax& syntax,
                    DictionarySet* set) {
  return VerbFileReader(content, file, syntax, set).Run();
}

}  // namespace dragoman::dict
