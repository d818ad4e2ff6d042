// Agent dictionaries (TABARI, PETRARCH-1 and PETRARCH-2 use one syntax):
//
//   !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON       a substitution set
//   FARMER [~AGR]                                   '~XXX': the code goes after the actor's
//   HUMAN_RIGHTS_BODY [NGO~]                        'XXX~': the code goes before it
//   CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]   an irregular plural
//   ANTI_RIOT_POLICE {} [~COP]                      no plural (and no regular ending: exact)
//   CONGRESS!PERSON! [~LEG]                         CONGRESSMAN, CONGRESSMEN, ... (glued or not)
//
// Without braces the regular plural of the last word is added: +ES after S, SH, CH, X or Z, Y→IES
// after a consonant, +S otherwise; a phrase ending in '_' (exact) gets none. A phrase built from a
// substitution set gets no generated plural either: the sets list their plural forms themselves
// (MAN, MEN; MINISTER, MINISTERS), and "MINISTERS FOR AGRICULTURES" would be wrong. Each entry is
// one Agent; its singular and plural forms are separate AgentPhrases. A phrase defined twice keeps
// its first definition (with a warning when the codes differ).
#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "dict/dict_util.h"
#include "dict/readers.h"

namespace dragoman::dict {
namespace {

bool IsVowel(char c) { return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U'; }

// The regular English plural of an upper-case word.
std::string RegularPlural(const std::string& w) {
  auto ends = [&](std::string_view s) {
    return w.size() >= s.size() && w.compare(w.size() - s.size(), s.size(), s) == 0;
  };
  if (ends("S") || ends("SH") || ends("CH") || ends("X") || ends("Z")) return w + "ES";
  if (w.size() >= 2 && w.back() == 'Y' && !IsVowel(w[w.size() - 2])) {
    return w.substr(0, w.size() - 1) + "IES";
  }
  return w + "S";
}

bool IsLetterWord(const std::string& w) {
  if (w.empty()) return false;
  char c = w.back();
  return c >= 'A' && c <= 'Z';
}

class AgentReader {
 public:
  AgentReader(std::string_view content, uint32_t file, DictionarySet* set)
      : in_(content, file, set), set_(set) {
    for (uint32_t i = 0; i < set->agent_phrases.size(); ++i) {
      index_.emplace(PhraseKey(set->agent_phrases[i].words), i);
    }
  }

  Status Read() {
    while (in_.Next()) {
      std::string_view text = in_.text();
      size_t eq = text.find('=');
      if (text[0] == '!' && eq != std::string_view::npos && text.find('[') == text.npos) {
        Marker(text, eq);
      } else {
        Entry(text);
      }
    }
    return Status::Ok();
  }

 private:
  // "!NAME! = a, b, c"
  void Marker(std::string_view text, size_t eq) {
    std::string name = AsciiUpper(Trim(text.substr(0, eq)));
    if (name.size() < 3 || name.back() != '!' || name.find('!', 1) != name.size() - 1) {
      in_.Warn("bad substitution marker '" + name + "'");
      return;
    }
    std::vector<std::string> values;
    std::string_view rest = text.substr(eq + 1);
    while (!rest.empty()) {
      size_t comma = rest.find(',');
      std::string_view v = Trim(rest.substr(0, comma));
      if (!v.empty()) values.push_back(AsciiUpper(v));
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
    if (values.empty()) {
      in_.Warn("substitution marker " + name + " has no values");
      return;
    }
    if (markers_.count(name)) in_.Warn("substitution marker " + name + " is redefined");
    markers_[name] = std::move(values);
  }

  void Entry(std::string_view text) {
    size_t bracket = text.find('[');
    size_t brace = text.find('{');
    if (brace != std::string_view::npos && bracket != std::string_view::npos && brace > bracket) {
      brace = std::string_view::npos;
    }
    std::string_view phrase_text = Trim(text.substr(0, std::min(bracket, brace)));
    if (bracket == std::string_view::npos) {
      in_.Warn("agent '" + std::string(phrase_text) + "' has no [code]; entry ignored");
      return;
    }
    // The code: "~GOV", "NGO~", "[ ~COP]"; "[~ENV}" is accepted with a warning.
    std::string_view code_text = text.substr(bracket + 1);
    size_t close = code_text.find(']');
    if (close == std::string_view::npos) {
      close = code_text.find_first_of("})");
      in_.Warn("missing ']' in agent code");
    }
    std::string_view after = close == std::string_view::npos ? std::string_view()
                                                             : Trim(code_text.substr(close + 1));
    code_text = Trim(code_text.substr(0, close));
    if (!after.empty()) in_.Warn("ignored text after the code: '" + std::string(after) + "'");
    Agent agent;
    agent.where = in_.where();
    if (!code_text.empty() && code_text.front() == '~') {
      agent.code = AsciiUpper(Trim(code_text.substr(1)));
    } else if (!code_text.empty() && code_text.back() == '~') {
      agent.code = AsciiUpper(Trim(code_text.substr(0, code_text.size() - 1)));
      agent.prefix = true;
    } else {
      agent.code = AsciiUpper(code_text);
      if (!agent.code.empty()) in_.Warn("agent code without '~' is read as '~" + agent.code + "'");
    }
    if (agent.code.empty() || agent.code.find_first_of("~ \t") != std::string::npos) {
      in_.Warn("bad agent code '[" + std::string(code_text) + "]'; entry ignored");
      return;
    }
    if (phrase_text.empty()) {
      in_.Warn("agent code without a phrase");
      return;
    }
    // Plurals: none given → generated; "{}" → none; "{A B}" → these.
    bool generate = true;
    std::vector<std::string_view> plurals;
    if (brace != std::string_view::npos) {
      generate = false;
      size_t end = text.find('}', brace);
      if (end == std::string_view::npos || (bracket != text.npos && end > bracket)) {
        in_.Warn("missing '}' after the plural");
        end = bracket;
      }
      std::string_view inside = text.substr(brace + 1, end - brace - 1);
      size_t i = 0;
      while (i < inside.size()) {
        while (i < inside.size() && IsSpace(inside[i])) ++i;
        size_t start = i;
        while (i < inside.size() && !IsSpace(inside[i])) ++i;
        if (i > start) plurals.push_back(inside.substr(start, i - start));
      }
    }

    uint32_t agent_index = static_cast<uint32_t>(set_->agents.size());
    size_t phrases_before = set_->agent_phrases.size();
    set_->agents.push_back(std::move(agent));
    std::vector<std::string> forms;
    if (!Expand(AsciiUpper(phrase_text), &forms)) return Drop(phrases_before);
    bool substituted = forms.size() > 1 || phrase_text.find('!') != std::string_view::npos;
    for (const std::string& form : forms) {
      Phrase phrase = MakePhrase(form);
      if (phrase.empty()) continue;
      // "POLICE {}": the braces list every other form, so no regular ending matches either.
      if (!generate) phrase.back().exact = true;
      if (generate && !substituted && !phrase.back().exact && IsLetterWord(phrase.back().word)) {
        Phrase plural = phrase;
        plural.back().word = RegularPlural(plural.back().word);
        Add(std::move(phrase), agent_index);
        Add(std::move(plural), agent_index);
      } else {
        Add(std::move(phrase), agent_index);
      }
    }
    for (std::string_view p : plurals) {
      std::vector<std::string> plural_forms;
      if (!Expand(AsciiUpper(p), &plural_forms)) continue;
      for (const std::string& form : plural_forms) Add(MakePhrase(form), agent_index);
    }
    if (set_->agent_phrases.size() == phrases_before) Drop(phrases_before);
  }

  // Replaces every !MARK! in `text` by each of its values, recursively. A value may hold marks
  // itself, even its own: the expansion stops, with a warning, past kMaxExpansionDepth nested
  // replacements or kMaxExpansions phrases for one entry, rather than fill the memory.
  static constexpr int kMaxExpansionDepth = 8;
  static constexpr size_t kMaxExpansions = 4096;
  bool Expand(const std::string& text, std::vector<std::string>* out, int depth = 0) {
    if (depth > kMaxExpansionDepth || out->size() >= kMaxExpansions) {
      in_.Warn("substitution markers nest too deeply or expand to too many phrases in '" +
               text.substr(0, 80) + "'; entry ignored");
      return false;
    }
    size_t open = text.find('!');
    if (open == std::string::npos) {
      out->push_back(text);
      return true;
    }
    size_t close = text.find('!', open + 1);
    if (close == std::string::npos) {
      in_.Warn("unpaired '!' in '" + text + "'; entry ignored");
      return false;
    }
    std::string name = text.substr(open, close - open + 1);
    auto it = markers_.find(name);
    if (it == markers_.end()) {
      in_.Warn("undefined substitution marker " + name + "; entry ignored");
      return false;
    }
    for (const std::string& value : it->second) {
      if (!Expand(text.substr(0, open) + value + text.substr(close + 1), out, depth + 1))
        return false;
    }
    return true;
  }

  void Add(Phrase phrase, uint32_t agent) {
    if (phrase.empty()) return;
    auto [it, inserted] = index_.try_emplace(PhraseKey(phrase), 0);
    if (!inserted) {
      const AgentPhrase& first = set_->agent_phrases[it->second];
      const Agent& a = set_->agents[first.agent];
      const Agent& b = set_->agents[agent];
      if (a.code != b.code || a.prefix != b.prefix) {
        in_.Warn("agent phrase '" + PhraseText(phrase) + "' is already defined at " +
                 set_->files[first.where.file] + ":" + std::to_string(first.where.line) +
                 " with another code; that definition is kept");
      }
      return;
    }
    it->second = static_cast<uint32_t>(set_->agent_phrases.size());
    set_->agent_phrases.push_back(AgentPhrase{std::move(phrase), agent, in_.where()});
  }

  // Removes the agent just added when none of its phrases was kept.
  void Drop(size_t phrases_before) {
    for (size_t i = phrases_before; i < set_->agent_phrases.size(); ++i) {
      index_.erase(PhraseKey(set_->agent_phrases[i].words));
    }
    set_->agent_phrases.resize(phrases_before);
    set_->agents.pop_back();
  }

  LineReader in_;
  DictionarySet* set_;
  std::unordered_map<std::string, std::vector<std::string>> markers_;
  std::unordered_map<std::string, uint32_t> index_;  // phrase key -> index in agent_phrases
};

}  // namespace

Status ParseAgents(std::string_view content, uint32_t file, DictionarySet* set) {
  return AgentReader(content, file, set).Read();
}

}  // namespace dragoman::dict
