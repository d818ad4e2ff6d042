// Reads PETRARCH validation suites (PETR-1 unit tests, UD-PETRARCH 2.02, PETRARCH-2 GSR).
//
// The files look like XML but the UD and GSR ones are not well-formed (<PLEvent {json}> lines,
// a self-closed <Sentence .../> followed by its children, stray text outside elements), so this
// is a tolerant tag scanner rather than an XML parser. It walks the bytes once:
//   - <!-- ... --> comments and <? ... ?> declarations are skipped;
//   - <Text>, <Parse> and the <Environment> children are read raw up to their closing tag, so a
//     '<' inside a parse cannot derail the scan; <Parse> is discarded (a raw-text coder never
//     uses it) but for the balance of its brackets (PETRARCH's bad_input_parse);
//   - <Sentence ...> (self-closed or not) opens a record, which stays open until </Sentence>,
//     the next <Sentence> or the end of the file; <EventCoding> and <Text> attach to it;
//   - <Config> elements accumulate and every later record carries the list read so far;
//   - any other tag (<PLEvent>, <Validation>, <Pause>, ...) and text between tags is ignored.
// Attribute syntax is forgiving as the files are: spaces around '=', either quote character
// (sourcecode='"INJURY TOLL"'), and the five XML entities.
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "dragoman/validate.h"

namespace dragoman {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool IsNameChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '.' || c == ':';
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

// &amp; &lt; &gt; &quot; &apos; and decimal references below 128; anything else is kept.
char DecodeEntity(std::string_view name) {
  static constexpr struct {
    std::string_view name;
    char c;
  } kNamed[] = {{"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
  for (const auto& e : kNamed) {
    if (name == e.name) return e.c;
  }
  if (name.size() < 2 || name[0] != '#') return 0;
  int v = 0;
  for (char d : name.substr(1)) {
    if (d < '0' || d > '9') return 0;
    v = v * 10 + (d - '0');
  }
  return v > 0 && v < 128 ? static_cast<char>(v) : 0;
}

std::string DecodeEntities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&') {
      size_t semi = s.find(';', i);
      char c = semi != std::string_view::npos && semi - i <= 8
                   ? DecodeEntity(s.substr(i + 1, semi - i - 1))
                   : 0;
      if (c != 0) {
        out.push_back(c);
        i = semi;
        continue;
      }
    }
    out.push_back(s[i]);
  }
  return out;
}

// True when every '(' of a parse tree is closed, in order (Treebank writes bracket words as
// -LRB- and -RRB-, so every bracket is structure).
bool BracketsBalance(std::string_view tree) {
  int depth = 0;
  for (char c : tree) {
    if (c == '(') ++depth;
    else if (c == ')' && --depth < 0) return false;
  }
  return depth == 0;
}

// Lines trimmed, blank ones dropped, joined with single spaces.
std::string JoinTextLines(std::string_view raw) {
  std::string out;
  size_t pos = 0;
  while (pos <= raw.size()) {
    size_t end = raw.find('\n', pos);
    if (end == std::string_view::npos) end = raw.size();
    std::string_view line = Trim(raw.substr(pos, end - pos));
    if (!line.empty()) {
      if (!out.empty()) out.push_back(' ');
      out.append(line);
    }
    pos = end + 1;
  }
  return DecodeEntities(out);
}

// "<tag" + end, built without `"literal" + std::string` (GCC 12 -Wrestrict false positive).
std::string Quoted(std::string_view tag, std::string_view end) {
  std::string out(1, '<');
  out.append(tag);
  out.append(end);
  return out;
}

struct Attribute {
  std::string name;
  std::string value;
};

class Scanner {
 public:
  Scanner(std::string_view content, const std::string& name) : s_(content), name_(name) {}

  Result<ValidationSuite> Run();

 private:
  uint32_t LineAt(size_t pos) {
    // Positions only move forward, so count newlines incrementally.
    if (pos < line_pos_) {
      line_pos_ = 0;
      line_ = 1;
    }
    for (; line_pos_ < pos && line_pos_ < s_.size(); ++line_pos_) {
      if (s_[line_pos_] == '\n') ++line_;
    }
    return line_;
  }
  Status Error(size_t pos, const std::string& what) {
    return Status::Corruption(name_ + ":" + std::to_string(LineAt(pos)) + ": " + what);
  }
  // The raw content from `from` up to "</tag>"; moves pos_ past the closing tag.
  Result<std::string_view> RawUntilClose(std::string_view tag, size_t from, size_t open_pos);
  Status ParseAttributes(std::string_view inside, size_t tag_pos, std::vector<Attribute>* out);
  Status CloseRecord();
  Status OpenTag(std::string_view tag, std::string_view inside, bool self_closed, size_t tag_pos,
                 size_t after);

  std::string_view s_;
  const std::string& name_;
  size_t pos_ = 0;
  size_t line_pos_ = 0;
  uint32_t line_ = 1;

  ValidationSuite suite_;
  std::vector<SuiteOption> options_;
  bool in_record_ = false;
  bool record_has_text_ = false;
  bool saw_evaluate_ = false;
  SuiteRecord record_;
};

Result<std::string_view> Scanner::RawUntilClose(std::string_view tag, size_t from,
                                                size_t open_pos) {
  std::string close("</");
  close.append(tag);
  size_t at = from;
  while (true) {
    at = s_.find(close, at);
    if (at == std::string_view::npos) {
      return Error(open_pos, Quoted(tag, ">") + " is never closed");
    }
    size_t after = at + close.size();
    while (after < s_.size() && IsSpace(s_[after])) ++after;
    if (after < s_.size() && s_[after] == '>') {
      pos_ = after + 1;
      return s_.substr(from, at - from);
    }
    at += close.size();  // "</TextX": not our tag
  }
}

Status Scanner::ParseAttributes(std::string_view inside, size_t tag_pos,
                                std::vector<Attribute>* out) {
  size_t i = 0;
  while (true) {
    while (i < inside.size() && IsSpace(inside[i])) ++i;
    if (i >= inside.size()) return Status::Ok();
    size_t start = i;
    while (i < inside.size() && !IsSpace(inside[i]) && inside[i] != '=') ++i;
    std::string name(inside.substr(start, i - start));
    while (i < inside.size() && IsSpace(inside[i])) ++i;
    if (i >= inside.size() || inside[i] != '=') {
      return Error(tag_pos, "attribute '" + name + "' has no value");
    }
    ++i;
    while (i < inside.size() && IsSpace(inside[i])) ++i;
    if (i >= inside.size()) return Error(tag_pos, "attribute '" + name + "' has no value");
    std::string_view value;
    if (inside[i] == '"' || inside[i] == '\'') {
      char quote = inside[i];
      size_t close = inside.find(quote, i + 1);
      if (close == std::string_view::npos) {
        return Error(tag_pos, "attribute '" + name + "' has an unterminated value");
      }
      value = inside.substr(i + 1, close - i - 1);
      i = close + 1;
    } else {
      size_t vstart = i;
      while (i < inside.size() && !IsSpace(inside[i])) ++i;
      value = inside.substr(vstart, i - vstart);
    }
    out->push_back(Attribute{std::move(name), DecodeEntities(value)});
  }
}

const std::string* FindAttribute(const std::vector<Attribute>& attributes, std::string_view name) {
  for (const Attribute& a : attributes) {
    if (a.name == name) return &a.value;
  }
  return nullptr;
}

Status Scanner::CloseRecord() {
  if (!in_record_) return Status::Ok();
  in_record_ = false;
  if (!record_has_text_) {
    return Status::Corruption(name_ + ":" + std::to_string(record_.line) + ": record '" +
                              record_.id + "' has no <Text>");
  }
  suite_.records.push_back(std::move(record_));
  record_ = SuiteRecord();
  return Status::Ok();
}

Status Scanner::OpenTag(std::string_view tag, std::string_view inside, bool self_closed,
                        size_t tag_pos, size_t after) {
  pos_ = after;
  if (tag == "Parse") {
    if (self_closed) return Status::Ok();
    Result<std::string_view> raw = RawUntilClose(tag, after, tag_pos);
    if (raw.ok() && in_record_) record_.unbalanced_parse = !BracketsBalance(*raw);
    return raw.status();
  }
  if (tag == "Text") {
    if (!in_record_) return Error(tag_pos, "<Text> outside a <Sentence>");
    if (self_closed) {
      record_has_text_ = true;
      return Status::Ok();
    }
    Result<std::string_view> raw = RawUntilClose(tag, after, tag_pos);
    if (!raw.ok()) return raw.status();
    if (record_has_text_) return Error(tag_pos, "record '" + record_.id + "' has two <Text>s");
    record_.text = JoinTextLines(*raw);
    record_has_text_ = true;
    return Status::Ok();
  }
  if (tag == "Verbfile" || tag == "Actorfile" || tag == "Agentfile" || tag == "Discardfile" ||
      tag == "Include" || tag == "PICOfile" || tag == "Errorfile" || tag == "Pause") {
    if (self_closed) return Status::Ok();
    Result<std::string_view> raw = RawUntilClose(tag, after, tag_pos);
    if (!raw.ok()) return raw.status();
    std::string value = DecodeEntities(Trim(*raw));
    SuiteEnvironment& env = suite_.environment;
    if (tag == "Verbfile") {
      env.verbs = value;
    } else if (tag == "Agentfile") {
      env.agents = value;
    } else if (tag == "Discardfile") {
      env.discards = value;
    } else if (tag == "PICOfile") {
      env.ontology = value;
    } else if (tag == "Actorfile") {
      size_t start = 0;
      while (start <= value.size()) {
        size_t comma = value.find(',', start);
        if (comma == std::string::npos) comma = value.size();
        std::string_view one = Trim(std::string_view(value).substr(start, comma - start));
        if (!one.empty()) env.actors.emplace_back(one);
        start = comma + 1;
      }
    } else if (tag == "Include") {
      env.include.clear();
      env.include_valid = false;
      std::string_view rest = value;
      while (true) {
        rest = Trim(rest);
        if (rest.empty()) break;
        size_t end = 0;
        while (end < rest.size() && !IsSpace(rest[end])) ++end;
        std::string_view word = rest.substr(0, end);
        if (word == "valid" && env.include.empty() && !env.include_valid) {
          env.include_valid = true;
        } else {
          env.include.emplace_back(word);
        }
        rest.remove_prefix(end);
      }
    }
    return Status::Ok();
  }

  std::vector<Attribute> attributes;
  if (tag == "Config" || tag == "Sentence" || tag == "EventCoding") {
    if (Status st = ParseAttributes(inside, tag_pos, &attributes); !st.ok()) return st;
  }
  if (tag == "Config") {
    const std::string* option = FindAttribute(attributes, "option");
    const std::string* value = FindAttribute(attributes, "value");
    if (option == nullptr || value == nullptr) {
      return Error(tag_pos, "<Config> needs option= and value=");
    }
    options_.push_back(SuiteOption{*option, *value, LineAt(tag_pos)});
    return Status::Ok();
  }
  if (tag == "Sentence") {
    if (Status st = CloseRecord(); !st.ok()) return st;
    in_record_ = true;
    record_has_text_ = false;
    record_ = SuiteRecord();
    record_.line = LineAt(tag_pos);
    record_.options = options_;
    if (const std::string* v = FindAttribute(attributes, "id")) record_.id = *v;
    if (const std::string* v = FindAttribute(attributes, "category")) record_.category = *v;
    if (const std::string* v = FindAttribute(attributes, "date")) {
      std::string date(Trim(*v));
      if (date.size() == 6 && date.find_first_not_of("0123456789") == std::string::npos) {
        // TABARI's YYMMDD (PETR2_GSR_validation.xml has date="121108"): 00-30 are 20xx.
        date.insert(0, date.compare(0, 2, "30") <= 0 ? "20" : "19");
      }
      if (!date.empty()) {
        Result<Day> day = ParseIsoDay(date);
        if (!day.ok())
          return Error(tag_pos, "record '" + record_.id + "': " + day.status().message());
        record_.date = *day;
      }
    }
    if (const std::string* v = FindAttribute(attributes, "evaluate")) {
      saw_evaluate_ = true;
      record_.evaluate = !EqualsIgnoreCase(Trim(*v), "false");
    }
    if (const std::string* v = FindAttribute(attributes, "sentence")) {
      record_.sentence = !EqualsIgnoreCase(Trim(*v), "false");
    }
    return Status::Ok();
  }
  if (tag == "EventCoding") {
    if (!in_record_) return Error(tag_pos, "<EventCoding> outside a <Sentence>");
    const std::string* noevents = FindAttribute(attributes, "noevents");
    const std::string* error = FindAttribute(attributes, "error");
    const std::string* code = FindAttribute(attributes, "eventcode");
    if (noevents != nullptr && EqualsIgnoreCase(Trim(*noevents), "true")) {
      record_.noevents = true;
    } else if (error != nullptr) {
      record_.error = std::string(Trim(*error));
    } else if (code != nullptr) {
      SuiteEvent event;
      event.code = std::string(Trim(*code));
      const std::string* source = FindAttribute(attributes, "sourcecode");
      const std::string* target = FindAttribute(attributes, "targetcode");
      event.source = source != nullptr ? std::string(Trim(*source)) : "---";
      event.target = target != nullptr ? std::string(Trim(*target)) : "---";
      record_.expected.push_back(std::move(event));
    } else {
      return Error(tag_pos, "<EventCoding> needs eventcode=, noevents=\"True\" or error=");
    }
    return Status::Ok();
  }
  return Status::Ok();  // <PLEvent>, <Validation>, <Sentences>, <Environment>, ...: ignored
}

Result<ValidationSuite> Scanner::Run() {
  suite_.path = name_;
  while (pos_ < s_.size()) {
    size_t lt = s_.find('<', pos_);
    if (lt == std::string_view::npos) break;
    std::string_view rest = s_.substr(lt);
    if (rest.substr(0, 4) == "<!--") {
      size_t end = s_.find("-->", lt + 4);
      if (end == std::string_view::npos) return Error(lt, "comment is never closed");
      pos_ = end + 3;
      continue;
    }
    if (rest.substr(0, 2) == "<?") {
      size_t end = s_.find("?>", lt + 2);
      if (end == std::string_view::npos) return Error(lt, "<? is never closed");
      pos_ = end + 2;
      continue;
    }
    bool closing = rest.size() > 1 && rest[1] == '/';
    size_t name_start = lt + (closing ? 2 : 1);
    size_t name_end = name_start;
    while (name_end < s_.size() && IsNameChar(s_[name_end])) ++name_end;
    if (name_end == name_start) {  // a stray '<' in text
      pos_ = lt + 1;
      continue;
    }
    std::string_view tag = s_.substr(name_start, name_end - name_start);
    // Find the tag's '>' outside quotes (<PLEvent {"json": ...}> has quotes too).
    size_t gt = name_end;
    char quote = 0;
    for (; gt < s_.size(); ++gt) {
      char c = s_[gt];
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        break;
      }
    }
    if (gt >= s_.size()) return Error(lt, Quoted(tag, "") + " is never closed");
    std::string_view inside = s_.substr(name_end, gt - name_end);
    bool self_closed = false;
    std::string_view trimmed = Trim(inside);
    if (!trimmed.empty() && trimmed.back() == '/') {
      self_closed = true;
      inside = trimmed.substr(0, trimmed.size() - 1);
    }
    if (closing) {
      pos_ = gt + 1;
      if (tag == "Sentence") {
        if (Status st = CloseRecord(); !st.ok()) return st;
      }
      continue;
    }
    if (Status st = OpenTag(tag, inside, self_closed, lt, gt + 1); !st.ok()) return st;
  }
  if (Status st = CloseRecord(); !st.ok()) return st;
  if (suite_.records.empty()) return Status::Corruption(name_ + ": no <Sentence> records");
  // evaluate= marks the UD-PETRARCH family; PETRARCH-1's sentence= files, and files with
  // neither, get the stricter exact-multiset rule.
  suite_.format = saw_evaluate_ ? SuiteFormat::kUniversalPetrarch : SuiteFormat::kPetrarch1;
  return std::move(suite_);
}

}  // namespace

Result<ValidationSuite> ParseValidationSuite(std::string_view content, const std::string& name) {
  Scanner scanner(content, name);
  return scanner.Run();
}

Result<ValidationSuite> ReadValidationSuite(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot open");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Status::IOError(path + ": read failed");
  return ParseValidationSuite(buffer.str(), path);
}

}  // namespace dragoman
