// Issue dictionaries (Phoenix.IssueCoding.txt): phrases grouped in category blocks.
//
//   <ISSUE CATEGORY="EDUCATION" TYPE="ALL">
//   n:preschool [EARLY_CHILDHOOD_EDUCATION]    n: the word and its plural
//   solar+v:power [RENEWABLE_ENERGY]           v: the word and its S, ED and ING forms
//   pre+n:school [EARLY_CHILDHOOD_EDUCATION]   '+': "pre school" and "pre-school"
//   ~a head start                              '~' or '~~': a match cancels issue coding
//   </ISSUE>
//
// Every combination of the forms is stored as its own IssuePhrase (the product is capped).
// A line without a code takes the block's category as its code, with a warning. Verb forms are
// generated generously (both "kidnaped" and "kidnapped"): a form no text contains costs nothing.
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "dict/dict_util.h"
#include "dict/readers.h"

namespace dragoman::dict {
namespace {

constexpr size_t kMaxForms = 256;

bool IsVowel(char c) { return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U'; }

bool EndsWith(const std::string& w, std::string_view s) {
  return w.size() >= s.size() && w.compare(w.size() - s.size(), s.size(), s) == 0;
}

std::vector<std::string> NounForms(const std::string& w) {
  std::vector<std::string> forms{w};
  if (w.empty()) return forms;
  if (EndsWith(w, "S") || EndsWith(w, "SH") || EndsWith(w, "CH") || EndsWith(w, "X") ||
      EndsWith(w, "Z")) {
    forms.push_back(w + "ES");
    if (EndsWith(w, "IS")) forms.push_back(w.substr(0, w.size() - 2) + "ES");  // crisis, crises
  } else if (w.size() >= 2 && w.back() == 'Y' && !IsVowel(w[w.size() - 2])) {
    forms.push_back(w.substr(0, w.size() - 1) + "IES");
  } else {
    forms.push_back(w + "S");
  }
  return forms;
}

std::vector<std::string> VerbForms(const std::string& w) {
  std::vector<std::string> forms{w};
  if (w.size() < 2) return forms;
  char last = w.back(), before = w[w.size() - 2];
  if (EndsWith(w, "S") || EndsWith(w, "SH") || EndsWith(w, "CH") || EndsWith(w, "X") ||
      EndsWith(w, "Z")) {
    forms.push_back(w + "ES");
  } else if (last == 'Y' && !IsVowel(before)) {
    forms.push_back(w.substr(0, w.size() - 1) + "IES");
  } else {
    forms.push_back(w + "S");
  }
  if (last == 'E') {
    forms.push_back(w + "D");
    forms.push_back(EndsWith(w, "EE") ? w + "ING" : w.substr(0, w.size() - 1) + "ING");
    return forms;
  }
  if (last == 'Y' && !IsVowel(before)) {
    forms.push_back(w.substr(0, w.size() - 1) + "IED");
    forms.push_back(w + "ING");
    return forms;
  }
  forms.push_back(w + "ED");
  forms.push_back(w + "ING");
  // Consonant-vowel-consonant endings may double the consonant (GRABBED, KIDNAPPED), except in
  // the unstressed endings of longer words (POWERED, TARGETED).
  if (w.size() >= 3 && !IsVowel(last) && last != 'W' && last != 'X' && last != 'Y' &&
      IsVowel(before) && !IsVowel(w[w.size() - 3])) {
    int groups = 0;
    for (size_t i = 0; i < w.size(); ++i) {
      if (IsVowel(w[i]) && (i == 0 || !IsVowel(w[i - 1]))) ++groups;
    }
    static constexpr std::string_view kUnstressed[] = {"ER", "EN", "ON", "OR", "AL", "EL",
                                                       "ET", "OM", "AN", "IN", "IT"};
    bool unstressed = false;
    for (std::string_view e : kUnstressed) unstressed = unstressed || EndsWith(w, e);
    if (groups == 1 || !unstressed) {
      forms.push_back(w + last + "ED");
      forms.push_back(w + last + "ING");
    }
  }
  return forms;
}

// The spellings of one white-space separated token such as "pre+n:school" or "v:pick+pocket".
std::vector<std::string> TokenForms(std::string_view token) {
  enum { kNone, kNoun, kVerb } kind = kNone;
  std::vector<std::string> parts;
  std::string_view rest = token;
  while (true) {
    size_t plus = rest.find('+');
    std::string_view part = rest.substr(0, plus);
    if (part.size() >= 2 && (part[0] == 'n' || part[0] == 'N') && part[1] == ':') {
      kind = kNoun;
      part.remove_prefix(2);
    } else if (part.size() >= 2 && (part[0] == 'v' || part[0] == 'V') && part[1] == ':') {
      kind = kVerb;
      part.remove_prefix(2);
    }
    parts.push_back(AsciiUpper(part));
    if (plus == std::string_view::npos) break;
    rest.remove_prefix(plus + 1);
  }
  std::vector<std::string> lasts{parts.back()};
  if (kind == kNoun) lasts = NounForms(parts.back());
  if (kind == kVerb) lasts = VerbForms(parts.back());
  std::vector<std::string> forms;
  const char* joins = parts.size() > 1 ? " -" : " ";
  for (const char* j = joins; *j; ++j) {
    std::string head;
    for (size_t i = 0; i + 1 < parts.size(); ++i) head += parts[i] + *j;
    for (const std::string& last : lasts) forms.push_back(head + last);
  }
  return forms;
}

}  // namespace

Status ParseIssues(std::string_view content, uint32_t file, DictionarySet* set) {
  LineReader in(content, file, set);
  std::string category;
  bool in_block = false;
  std::unordered_set<std::string> seen;
  while (in.Next()) {
    std::string_view text = in.text();
    if (text[0] == '<') {
      std::string tag = AsciiUpper(text);
      if (tag.rfind("</ISSUE", 0) == 0) {
        if (!in_block) in.Warn("</ISSUE> without an open <ISSUE>");
        in_block = false;
        category.clear();
      } else if (tag.rfind("<ISSUE", 0) == 0) {
        if (in_block) in.Warn("<ISSUE> inside another <ISSUE> block");
        in_block = true;
        category.clear();
        size_t at = tag.find("CATEGORY");
        if (at != std::string::npos) {
          size_t q1 = text.find('"', at);
          size_t q2 = q1 == text.npos ? text.npos : text.find('"', q1 + 1);
          if (q2 != text.npos) category = std::string(text.substr(q1 + 1, q2 - q1 - 1));
        }
        if (category.empty()) in.Warn("<ISSUE> without CATEGORY=\"...\"");
      } else {
        in.Warn("ignored line: '" + std::string(text) + "'");
      }
      continue;
    }
    bool ignore = false;
    while (!text.empty() && text[0] == '~') {
      ignore = true;
      text.remove_prefix(1);
    }
    std::string code;
    size_t bracket = text.find('[');
    std::string_view phrase_text = Trim(text.substr(0, bracket));
    if (bracket != std::string_view::npos) {
      size_t close = text.find(']', bracket);
      if (close == std::string_view::npos) {
        in.Warn("missing ']' after the issue code");
        close = text.size();
      } else if (!Trim(text.substr(close + 1)).empty()) {
        in.Warn("ignored text after the code: '" + std::string(Trim(text.substr(close + 1))) + "'");
      }
      code = AsciiUpper(Trim(text.substr(bracket + 1, close - bracket - 1)));
    }
    if (!in_block) in.Warn("issue entry outside an <ISSUE> block");
    if (code.empty() && !ignore) {
      if (category.empty()) {
        in.Warn("issue phrase without a code or category; entry ignored");
        continue;
      }
      in.Warn("issue phrase without a code; using the category " + category);
      code = category;
    }
    if (phrase_text.empty()) {
      in.Warn("issue entry without words");
      continue;
    }
    // The product of every token's spellings.
    std::vector<std::string> forms{""};
    size_t i = 0;
    bool capped = false;
    while (i < phrase_text.size()) {
      while (i < phrase_text.size() && IsSpace(phrase_text[i])) ++i;
      size_t start = i;
      while (i < phrase_text.size() && !IsSpace(phrase_text[i])) ++i;
      if (i == start) break;
      std::vector<std::string> token = TokenForms(phrase_text.substr(start, i - start));
      std::vector<std::string> next;
      for (const std::string& f : forms) {
        for (const std::string& t : token) {
          if (next.size() >= kMaxForms) {
            capped = true;
            break;
          }
          next.push_back(f.empty() ? t : f + " " + t);
        }
      }
      forms = std::move(next);
    }
    if (capped) in.Warn("too many spellings; only the first " + std::to_string(kMaxForms) + " kept");
    bool duplicate = true;
    for (const std::string& form : forms) {
      IssuePhrase p;
      p.words = MakePhrase(form);
      if (p.words.empty()) continue;
      std::string key(ignore ? "~" : "");
      key += category;
      key += '\x1e';
      key += code;
      key += '\x1e';
      key += PhraseKey(p.words);
      if (!seen.insert(std::move(key)).second) continue;
      duplicate = false;
      p.code = code;
      p.category = category;
      p.ignore = ignore;
      p.where = in.where();
      set->issues.push_back(std::move(p));
    }
    if (duplicate) in.Warn("issue phrase '" + std::string(phrase_text) + "' is listed twice");
  }
  if (in_block) in.Warn("the last <ISSUE> block is never closed");
  return Status::Ok();
}

}  // namespace dragoman::dict
