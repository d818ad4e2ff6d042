// Actor dictionaries: TABARI, PETRARCH-1 and PETRARCH-2 share one syntax.
//
//   VLADIMIR_PUTIN_  # comment           a primary phrase opens an entry
//   +PRESIDENT_VLADIMIR_PUTIN_           '+' adds a synonym to the entry
//   	[RUSGOV 991231-080507]            an indented code applies to the primary and its synonyms
//   	[RUSELI]                          a code without a date is the default
//   JAVIER_DE_CUELLAR_	[IGOUNO 820101-911231] [ELI]   codes may also follow the phrase
//
// An entry runs until the next primary phrase; blank lines and comments do not end it. Real files
// bend these rules, and each bend is read the way its author meant, with a warning:
//  - A primary phrase that was already defined (PETRARCH-2 files repeat country names, e.g.
//    CROATIA_) does not create a second actor: the entry's codes are appended to the first
//    actor's list, as PETRARCH-2 does.
//  - A synonym already defined for another actor (GEORGE_W._BUSH_ and GEORGE_HERBERT_WALKER_BUSH
//    both list +US_PRESIDENT_GEORGE_BUSH) gets an actor of its own carrying both code lists, so
//    the date restrictions choose between them, like PETRARCH-2's appended lists.
//  - Primary phrases on consecutive lines before the codes ("MIKHAIL_GORBACHEV_ +GORBACHEV ...
//    EX-SOVIET_PRESIDENT_MIKHAIL_GORBACHEV PRESIDENT_MIKHAIL_S._GORBACHEV [RUSELI ...]", a '+'
//    forgotten) are one entry: a primary that directly follows an entry with no code yet is read
//    as its synonym.
//  - An entry that still ends without any code is dropped: an actor that codes nothing would only
//    hide the shorter phrases inside it.
// TABARI <NOUN> and <ADJECTIVE> sections hold parts of speech for the parser, not actors, and are
// skipped.
//
// Speed: one pass over the lines, no regular expressions, and a hash index from phrase to its
// first definition (seeded with the phrases of files read before) to find repeats; the index keys
// are 64-bit hashes checked against the stored phrase, so no per-phrase key strings are built.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "dict/dict_util.h"
#include "dict/readers.h"

namespace dragoman::dict {
namespace {

class ActorReader {
 public:
  ActorReader(std::string_view content, uint32_t file, DictionarySet* set)
      : in_(content, file, set), set_(set) {
    index_.reserve(set->actor_phrases.size() + content.size() / 40);
    for (uint32_t i = 0; i < set->actor_phrases.size(); ++i) {
      index_.emplace(PhraseHash(set->actor_phrases[i].words), i);
    }
  }

  Status Read() {
    while (in_.Next()) {
      std::string_view text = in_.text();
      if (!section_.empty()) {
        if (IsClosingTag(text, section_)) section_.clear();
        continue;
      }
      switch (text[0]) {
        case '[': CodeLine(text); break;
        case '+': Synonym(text.substr(1)); break;
        case '<': Tag(text); break;
        default: Primary(text); break;
      }
    }
    CloseEntry();
    if (!section_.empty()) in_.Warn("<" + section_ + "> section is never closed");
    return Status::Ok();
  }

 private:
  static bool IsClosingTag(std::string_view text, const std::string& name) {
    return text.size() == name.size() + 3 && text.substr(0, 2) == "</" &&
           AsciiUpper(text.substr(2, name.size())) == name && text.back() == '>';
  }

  void Tag(std::string_view text) {
    size_t end = text.find('>');
    std::string name = AsciiUpper(text.substr(1, end == std::string_view::npos ? text.npos : end - 1));
    if (name == "NOUN" || name == "ADJECTIVE" || name == "SYNSETS") {
      CloseEntry();
      in_.Warn("skipped the <" + name + "> section: it lists parts of speech, not actors");
      section_ = name;
      return;
    }
    in_.Warn("ignored line: '" + std::string(text) + "' is not an actor entry");
  }

  void Primary(std::string_view text) {
    size_t bracket = text.find('[');
    std::string_view phrase_text = Trim(text.substr(0, bracket));
    Phrase phrase = MakePhrase(phrase_text);
    if (phrase.empty()) {
      CloseEntry();
      in_.Warn("actor entry without words: '" + std::string(text) + "'");
      return;
    }
    uint64_t hash = PhraseHash(phrase);
    if (open_ && new_actor_ && code_groups_ == 0 && in_.line() == last_line_ + 1 &&
        Lookup(phrase, hash) < 0) {
      // A '+' forgotten: the phrase joins the entry above, which has no code yet.
      in_.Warn("primary phrase '" + std::string(phrase_text) + "' directly follows '" +
               set_->actors[actor_].name + "', which has no code yet: read as its synonym");
      AddPhrase(std::move(phrase), hash);
      last_line_ = in_.line();
      if (bracket != std::string_view::npos) Codes(text.substr(bracket));
      return;
    }
    // Close the entry above before looking the phrase up: closing a codeless entry removes its
    // phrases (and its actor), which may be this very phrase.
    CloseEntry();
    int64_t existing = Lookup(phrase, hash);
    open_ = true;
    entry_line_ = last_line_ = in_.line();
    entry_codes_ = 0;
    code_groups_ = 0;
    conflicts_.clear();
    if (existing >= 0) {
      const ActorPhrase& first = set_->actor_phrases[existing];
      actor_ = first.actor;
      new_actor_ = false;
      in_.Warn("phrase '" + PhraseText(phrase) + "' is already defined at " + Where(first.where) +
               "; its codes are added to that actor");
    } else {
      actor_ = static_cast<uint32_t>(set_->actors.size());
      new_actor_ = true;
      phrases_start_ = set_->actor_phrases.size();
      set_->actors.push_back(Actor{std::string(phrase_text), {}, in_.where()});
      AddPhrase(std::move(phrase), hash);
    }
    if (bracket != std::string_view::npos) Codes(text.substr(bracket));
  }

  void Synonym(std::string_view text) {
    if (!open_) {
      in_.Warn("synonym '+" + std::string(text) + "' has no primary phrase before it");
      return;
    }
    size_t bracket = text.find('[');
    if (bracket != std::string_view::npos) {
      in_.Warn("codes on a '+' synonym line apply to the whole entry");
    }
    Phrase phrase = MakePhrase(Trim(text.substr(0, bracket)));
    if (phrase.empty()) {
      in_.Warn("empty synonym");
    } else {
      uint64_t hash = PhraseHash(phrase);
      int64_t existing = Lookup(phrase, hash);
      if (existing < 0) {
        AddPhrase(std::move(phrase), hash);
      } else if (set_->actor_phrases[existing].actor != actor_) {
        const ActorPhrase& first = set_->actor_phrases[existing];
        in_.Warn("synonym '" + PhraseText(phrase) + "' is already defined at " +
                 Where(first.where) + " for actor '" + set_->actors[first.actor].name +
                 "'; it takes the codes of both actors");
        uint32_t index = static_cast<uint32_t>(existing);
        bool listed = false;
        for (const Conflict& c : conflicts_) listed = listed || c.phrase == index;
        if (!listed) conflicts_.push_back(Conflict{index, in_.line()});
      }
    }
    last_line_ = in_.line();
    if (bracket != std::string_view::npos) Codes(text.substr(bracket));
  }

  void CodeLine(std::string_view text) {
    if (!open_) {
      in_.Warn("code line without an actor before it");
      return;
    }
    last_line_ = in_.line();
    Codes(text);
  }

  // Reads "[CODE restriction] [CODE] ..." and appends the codes to the current actor.
  void Codes(std::string_view text) {
    size_t i = 0;
    while (i < text.size()) {
      while (i < text.size() && IsSpace(text[i])) ++i;
      if (i >= text.size()) break;
      if (text[i] != '[') {
        in_.Warn("ignored text after the codes: '" + std::string(text.substr(i)) + "'");
        break;
      }
      size_t close = text.find(']', i + 1);
      std::string_view inside;
      if (close == std::string_view::npos) {
        inside = text.substr(i + 1);
        while (!inside.empty() && (inside.back() == '}' || inside.back() == ')')) {
          inside.remove_suffix(1);
        }
        in_.Warn("missing ']' after '" + std::string(text.substr(i)) + "'");
        i = text.size();
      } else {
        inside = text.substr(i + 1, close - i - 1);
        i = close + 1;
      }
      ++code_groups_;
      OneCode(Trim(inside));
    }
  }

  void OneCode(std::string_view inside) {
    size_t end = 0;
    while (end < inside.size() && !IsSpace(inside[end]) && inside[end] != '<' &&
           inside[end] != '>') {
      ++end;
    }
    std::string_view code = inside.substr(0, end);
    std::string_view restriction = inside.substr(end);
    if (code.empty() || (code[0] >= '0' && code[0] <= '9')) {
      in_.Warn("no actor code in '[" + std::string(inside) + "]'");
      return;
    }
    Result<DatedCode> dc = ParseDatedCode(code, restriction);
    if (!dc.ok()) {
      in_.Warn(dc.status().message());
      return;
    }
    set_->actors[actor_].codes.push_back(std::move(dc.value()));
    ++entry_codes_;
  }

  void CloseEntry() {
    if (!open_) return;
    open_ = false;
    if (entry_codes_ > 0) {
      // Synonyms shared with another actor get an actor of their own with both code lists.
      for (const Conflict& c : conflicts_) {
        uint32_t other = set_->actor_phrases[c.phrase].actor;
        Actor both;
        both.name = set_->actors[other].name + " | " + set_->actors[actor_].name;
        both.codes = set_->actors[other].codes;
        const std::vector<DatedCode>& mine = set_->actors[actor_].codes;
        both.codes.insert(both.codes.end(), mine.begin(), mine.end());
        both.where = SourceRef{in_.where().file, c.line};
        set_->actor_phrases[c.phrase].actor = static_cast<uint32_t>(set_->actors.size());
        set_->actors.push_back(std::move(both));
      }
      return;
    }
    if (!new_actor_) return;
    // The entry coded nothing: drop the actor and the phrases it added (they are the last ones).
    const Actor& actor = set_->actors[actor_];
    in_.WarnAt(entry_line_, "actor '" + actor.name + "' has no code; entry ignored");
    for (size_t i = phrases_start_; i < set_->actor_phrases.size(); ++i) {
      auto range = index_.equal_range(PhraseHash(set_->actor_phrases[i].words));
      for (auto it = range.first; it != range.second; ++it) {
        if (it->second == i) {
          index_.erase(it);
          break;
        }
      }
    }
    set_->actor_phrases.resize(phrases_start_);
    set_->actors.pop_back();
  }

  // The index in actor_phrases of `phrase`, or -1.
  int64_t Lookup(const Phrase& phrase, uint64_t hash) const {
    auto range = index_.equal_range(hash);
    for (auto it = range.first; it != range.second; ++it) {
      if (SamePhrase(set_->actor_phrases[it->second].words, phrase)) return it->second;
    }
    return -1;
  }

  // Appends `phrase` to the current actor and indexes it.
  void AddPhrase(Phrase phrase, uint64_t hash) {
    index_.emplace(hash, static_cast<uint32_t>(set_->actor_phrases.size()));
    set_->actor_phrases.push_back(ActorPhrase{std::move(phrase), actor_, in_.where()});
  }

  std::string Where(SourceRef ref) const {
    return set_->files[ref.file] + ":" + std::to_string(ref.line);
  }

  LineReader in_;
  DictionarySet* set_;
  std::unordered_multimap<uint64_t, uint32_t> index_;  // PhraseHash -> index in actor_phrases
  std::string section_;                              // inside <NOUN>..</NOUN> etc.
  struct Conflict {
    uint32_t phrase;  // index in actor_phrases of the first definition
    uint32_t line;    // where this entry repeats it
  };

  bool open_ = false;                                // an entry is being read
  bool new_actor_ = false;                           // the entry created actor_
  uint32_t actor_ = 0;
  uint32_t entry_line_ = 0;                          // the entry's primary phrase
  uint32_t last_line_ = 0;                           // the entry's last line so far
  size_t entry_codes_ = 0;                           // valid codes read for the entry
  size_t code_groups_ = 0;                           // [..] groups read, valid or not
  size_t phrases_start_ = 0;                         // the entry's first phrase, if new_actor_
  std::vector<Conflict> conflicts_;                  // synonyms defined for another actor
};

}  // namespace

Status ParseActors(std::string_view content, uint32_t file, DictionarySet* set) {
  return ActorReader(content, file, set).Read();
}

}  // namespace dragoman::dict
