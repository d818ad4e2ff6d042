// The CAMEO reference table: a tab-separated text file (data/cameo.tsv, written by
// tools/make_cameo_table.py, format in docs/cameo-table.md) read into a hash map keyed by code.
//
// The file is small (318 rows) and read once, so the reader favours exact error messages over
// speed: every malformed line is a Corruption naming "file:line". Lookups fall back from a code
// the table lacks to its parent, because dictionaries use codes that the reference tables never
// listed (Phoenix's "0110", TABARI's lettered "075A") and a parent's facts are the best available.
#include "dragoman/cameo.h"

#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace dragoman {
namespace {

constexpr std::string_view kColumns[] = {
    "code", "name", "goldstein", "quad_class", "plover_event", "plover_mode", "plover_context"};
constexpr size_t kColumnCount = sizeof(kColumns) / sizeof(kColumns[0]);

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      fields.push_back(Trim(line.substr(start)));
      return fields;
    }
    fields.push_back(Trim(line.substr(start, tab - start)));
    start = tab + 1;
  }
}

bool IsDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

Status LineError(const std::string& name, size_t line, const std::string& what) {
  return Status::Corruption(name + ":" + std::to_string(line) + ": " + what);
}

}  // namespace

Result<CameoTable> CameoTable::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot open");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Status::IOError(path + ": read failed");
  return Parse(buffer.str(), path);
}

Result<CameoTable> CameoTable::Parse(std::string_view content, const std::string& name) {
  CameoTable table;
  bool have_header = false;
  size_t line_number = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    std::string_view raw = content.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    std::string_view line = Trim(raw);
    if (line.empty() || line.front() == '#') continue;

    std::vector<std::string_view> fields = SplitTabs(raw);
    if (!have_header) {
      if (fields.size() != kColumnCount) {
        return LineError(name, line_number,
                         "header must have the 7 columns code, name, goldstein, quad_class, "
                         "plover_event, plover_mode, plover_context");
      }
      for (size_t i = 0; i < kColumnCount; ++i) {
        if (fields[i] != kColumns[i]) {
          return LineError(name, line_number,
                           "header column " + std::to_string(i + 1) + " is '" +
                               std::string(fields[i]) + "', expected '" + std::string(kColumns[i]) +
                               "'");
        }
      }
      have_header = true;
      continue;
    }
    if (fields.size() != kColumnCount) {
      return LineError(name, line_number,
                       "expected 7 tab-separated fields, found " + std::to_string(fields.size()));
    }
    CameoInfo info;
    info.code = std::string(fields[0]);
    if (!IsDigits(info.code) || info.code.size() < 2 || info.code.size() > 4) {
      return LineError(name, line_number, "bad CAMEO code '" + info.code + "'");
    }
    info.name = std::string(fields[1]);
    {
      std::string_view g = fields[2];
      const char* first = g.data();
      if (!g.empty() && g.front() == '+') ++first;  // from_chars rejects a leading '+'
      auto [ptr, ec] = std::from_chars(first, g.data() + g.size(), info.goldstein);
      if (g.empty() || ec != std::errc() || ptr != g.data() + g.size() ||
          !std::isfinite(info.goldstein) || info.goldstein < -10 || info.goldstein > 10) {
        return LineError(name, line_number,
                         "bad Goldstein score '" + std::string(g) + "' (want -10..10)");
      }
    }
    {
      std::string_view q = fields[3];
      if (q.size() != 1 || q[0] < '1' || q[0] > '4') {
        return LineError(name, line_number, "bad quad class '" + std::string(q) + "' (want 1..4)");
      }
      info.quad_class = q[0] - '0';
    }
    info.plover_event = std::string(fields[4]);
    info.plover_mode = std::string(fields[5]);
    info.plover_context = std::string(fields[6]);
    std::string key = info.code;
    if (!table.entries_.emplace(key, std::move(info)).second) {
      return LineError(name, line_number, "code " + key + " listed twice");
    }
  }
  if (!have_header) return Status::Corruption(name + ": no header line");
  return table;
}

const CameoInfo* CameoTable::Find(std::string_view code) const {
  code = Trim(code);
  if (code.empty()) return nullptr;
  if (auto it = entries_.find(std::string(code)); it != entries_.end()) return &it->second;
  // TABARI-style lettered variants ("075A") and other suffixes: keep the leading digits.
  size_t digits = 0;
  while (digits < code.size() && code[digits] >= '0' && code[digits] <= '9') ++digits;
  code = code.substr(0, digits);
  // Parents: "0431" → "043" → "04". A CAMEO root has two digits.
  for (size_t n = code.size(); n >= 2; --n) {
    if (auto it = entries_.find(std::string(code.substr(0, n))); it != entries_.end()) {
      return &it->second;
    }
  }
  return nullptr;
}

}  // namespace dragoman
