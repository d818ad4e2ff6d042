// Entry points of the dictionary readers: loading a file, choosing the reader for its kind and
// family, and the two small grammars every family shares (event codes and dated actor codes).
//
// The per-kind readers live beside this file (actors.cc, agents.cc, discards.cc, issues.cc,
// verbs_petr1.cc, verbs_petr2.cc) and share the line helpers of dict_util.h.
#include <cstdlib>
#include <string>

#include "dict/dict_util.h"
#include "dict/readers.h"
#include "dragoman/dictionary.h"

namespace dragoman {

uint32_t DictionarySet::AddFile(const std::string& path) {
  for (size_t i = 0; i < files.size(); ++i) {
    if (files[i] == path) return static_cast<uint32_t>(i);
  }
  files.push_back(path);
  return static_cast<uint32_t>(files.size() - 1);
}

Status LoadDictionary(const std::string& path, DictionaryKind kind, DictionarySet* set) {
  std::string content;
  Status s = dict::ReadFileBytes(path, &content);
  if (!s.ok()) return s;
  return ParseDictionary(content, path, kind, set);
}

Status ParseDictionary(std::string_view content, const std::string& name, DictionaryKind kind,
                       DictionarySet* set) {
  uint32_t file = set->AddFile(name);
  switch (kind) {
    case DictionaryKind::kActors: return dict::ParseActors(content, file, set);
    case DictionaryKind::kAgents: return dict::ParseAgents(content, file, set);
    case DictionaryKind::kDiscards: return dict::ParseDiscards(content, file, set);
    case DictionaryKind::kIssues: return dict::ParseIssues(content, file, set);
    case DictionaryKind::kOntology: return dict::ParseOntology(content, file, set);
    case DictionaryKind::kVerbs:
      if (DetectVerbFamily(content) == DictionaryFamily::kPetrarch2) {
        return dict::ParseVerbsPetrarch2(content, file, set);
      }
      return dict::ParseVerbsPetrarch1(content, file, set);
  }
  return Status::InvalidArgument(name + ": unknown dictionary kind");
}

// Both families may carry the "####### SYNONYM SETS" / "####### VERB PATTERNS" headers (the
// production PETRARCH-1 file CAMEO.verbpatterns.150430.txt has them too), so the pattern lines
// decide: PETRARCH-2 patterns group words as (PREP ...) and {ADJ ... HEAD}; PETRARCH-1/TABARI
// patterns mark actors with $ + % ^ and write alternatives as {a | b}. The headers only break a
// tie, as in a file without patterns.
DictionaryFamily DetectVerbFamily(std::string_view content) {
  int petr2 = 0, petr1 = 0;
  bool headers = false;
  dict::CommentStripper stripper(dict::CommentOptions{true, true, false});
  std::string scratch;
  for (const dict::Line& line : dict::SplitLines(content)) {
    std::string_view raw = dict::Trim(line.text);
    if (raw.rfind("####### VERB PATTERNS", 0) == 0 || raw.rfind("####### SYNONYM SETS", 0) == 0) {
      headers = true;
      continue;
    }
    if (raw.size() < 2 || raw[0] != '-' || raw.rfind("---", 0) == 0) continue;
    std::string_view text = stripper.Strip(raw, &scratch);
    bool brace = false, bar = false, paren = false, actor = false;
    for (size_t i = 1; i < text.size(); ++i) {
      char c = text[i];
      if (c == '(') paren = true;
      else if (c == '{') brace = true;
      else if (c == '|') bar = true;
      else if ((c == '$' || c == '%' || c == '^') && dict::IsSpace(text[i - 1])) actor = true;
    }
    if (paren || (brace && !bar)) ++petr2;
    if (actor || bar) ++petr1;
  }
  if (petr2 > petr1) return DictionaryFamily::kPetrarch2;
  if (petr1 > petr2) return DictionaryFamily::kPetrarch1;
  return headers ? DictionaryFamily::kPetrarch2 : DictionaryFamily::kPetrarch1;
}

namespace {

bool IsCodeChar(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// One side of an event code: "042", "075A", "?010", "025?", "080!". The TABARI '!' seen on a few
// production patterns ("[080!]") carries nothing PETRARCH uses and is dropped.
bool ParseOneCode(std::string_view s, std::string* code, bool* subordinate) {
  if (!s.empty() && s.front() == '?') {
    *subordinate = true;
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == '?' || s.back() == '!')) {
    if (s.back() == '?') *subordinate = true;
    s.remove_suffix(1);
  }
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsCodeChar(c)) return false;
  }
  code->assign(s);
  return true;
}

}  // namespace

Result<EventCode> ParseEventCode(std::string_view inside) {
  std::string_view s = dict::Trim(inside);
  EventCode ec;
  if (s == "---") return ec;
  if (s == "###") {
    ec.kind = EventCode::Kind::kDiscard;
    return ec;
  }
  if (s == "+++") {
    ec.kind = EventCode::Kind::kComplex;
    return ec;
  }
  auto bad = [&]() {
    return Status::InvalidArgument("bad event code [" + std::string(inside) + "]");
  };
  ec.kind = EventCode::Kind::kEvent;
  size_t colon = s.find(':');
  if (colon == std::string_view::npos) {
    if (!ParseOneCode(s, &ec.code, &ec.subordinate)) return bad();
    return ec;
  }
  std::string_view left = dict::Trim(s.substr(0, colon));
  std::string_view right = dict::Trim(s.substr(colon + 1));
  if (right.find(':') != std::string_view::npos) return bad();
  if (left.empty()) {  // "[:043]": passive voice only
    if (!ParseOneCode(right, &ec.code, &ec.subordinate)) return bad();
    ec.passive_only = true;
    return ec;
  }
  if (!ParseOneCode(left, &ec.code, &ec.subordinate)) return bad();
  if (!ParseOneCode(right, &ec.paired, &ec.subordinate)) return bad();
  return ec;
}

namespace {

// "YYMMDD" or "YYYYMMDD"; two-digit years 00-30 are 20xx, others 19xx.
bool ParseRestrictionDay(std::string_view s, Day* day) {
  if (s.size() != 6 && s.size() != 8) return false;
  int v[8];
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v[i] = s[i] - '0';
  }
  int year, k;
  if (s.size() == 6) {
    year = v[0] * 10 + v[1];
    year += year <= 30 ? 2000 : 1900;
    k = 2;
  } else {
    year = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
    k = 4;
  }
  int month = v[k] * 10 + v[k + 1];
  int dom = v[k + 2] * 10 + v[k + 3];
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || dom < 1) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int max_day = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  if (dom > max_day) return false;
  *day = DayFromCivil(year, month, dom);
  return true;
}

}  // namespace

Result<DatedCode> ParseDatedCode(std::string_view code, std::string_view restriction) {
  DatedCode dc;
  dc.code = dict::AsciiUpper(dict::Trim(code));
  if (dc.code.empty()) return Status::InvalidArgument("empty actor code");
  std::string r;
  for (char c : restriction) {
    if (!dict::IsSpace(c)) r.push_back(c);
  }
  if (r.empty()) return dc;
  auto bad = [&]() {
    return Status::InvalidArgument("bad date restriction '" + std::string(dict::Trim(restriction)) +
                                   "' for code " + dc.code);
  };
  dc.is_default = false;
  Day d;
  if (r[0] == '<') {
    if (!ParseRestrictionDay(std::string_view(r).substr(1), &d)) return bad();
    dc.from = kMinDay;
    dc.to = d - 1;
    return dc;
  }
  if (r[0] == '>') {
    if (!ParseRestrictionDay(std::string_view(r).substr(1), &d)) return bad();
    dc.from = d;
    dc.to = kMaxDay;
    return dc;
  }
  size_t dash = r.find('-');
  if (dash == std::string::npos) return bad();
  Day from, to;
  if (!ParseRestrictionDay(std::string_view(r).substr(0, dash), &from) ||
      !ParseRestrictionDay(std::string_view(r).substr(dash + 1), &to) || to < from) {
    return bad();
  }
  dc.from = from;
  dc.to = to;
  return dc;
}

}  // namespace dragoman
