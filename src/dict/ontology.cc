// PETRARCH-2's internal coding ontology (PICO): each CAMEO code has a hexadecimal value, written
// as a sum ("110:0x1007f#...", "121:-0xFFFF+0x0070"). PETRARCH-2 negates a verb's code by
// subtracting 0xFFFF from its value; the code whose value that is (first in the file) is the
// negated event, and a value no code has drops the event. The reader keeps only that map.
#include <charconv>
#include <cstdint>
#include <string>
#include <unordered_map>

#include "dict/readers.h"

namespace dragoman::dict {
namespace {

// Evaluates "0x1007f", "-0xFFFF+0x0070", "0x1000-0xFFFF". False on anything else.
bool EvalHexSum(std::string_view expr, int64_t* value) {
  int64_t total = 0;
  size_t i = 0;
  bool any = false;
  while (i < expr.size()) {
    while (i < expr.size() && expr[i] == ' ') ++i;
    if (i == expr.size()) break;
    int sign = 1;
    if (expr[i] == '+' || expr[i] == '-') {
      sign = expr[i] == '-' ? -1 : 1;
      ++i;
      while (i < expr.size() && expr[i] == ' ') ++i;
    } else if (any) {
      return false;
    }
    if (i + 2 > expr.size() || expr[i] != '0' || (expr[i + 1] != 'x' && expr[i + 1] != 'X'))
      return false;
    i += 2;
    int64_t v = 0;
    auto [p, ec] = std::from_chars(expr.data() + i, expr.data() + expr.size(), v, 16);
    if (ec != std::errc()) return false;
    i = static_cast<size_t>(p - expr.data());
    total += sign * v;
    any = true;
  }
  *value = total;
  return any;
}

}  // namespace

Status ParseOntology(std::string_view content, uint32_t file, DictionarySet* set) {
  std::vector<std::pair<std::string, int64_t>> values;
  std::unordered_map<int64_t, std::string> code_of;
  size_t line_no = 0;
  for (size_t pos = 0; pos < content.size();) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view line = content.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#' || line[0] == '<') continue;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string code(line.substr(0, colon));
    std::string_view expr = line.substr(colon + 1);
    expr = expr.substr(0, expr.find('#'));
    int64_t v;
    if (code.empty() || !EvalHexSum(expr, &v)) {
      set->warnings.push_back({set->files[file], static_cast<uint32_t>(line_no),
                               "ontology line not understood: " + std::string(line)});
      continue;
    }
    values.emplace_back(code, v);
    code_of.emplace(v, code);  // the first code with a value names it
  }
  for (const auto& [code, v] : values) {
    auto it = code_of.find(v - 0xFFFF);
    if (it != code_of.end()) set->negations.emplace_back(code, it->second);
  }
  return Status::Ok();
}

}  // namespace dragoman::dict
