// The CAMEO event ontology's reference facts: each code's name, Goldstein score, quad class and
// PLOVER event/mode/context. Loaded from a tab-separated table (data/cameo.tsv, see docs/).
#ifndef DRAGOMAN_CAMEO_H_
#define DRAGOMAN_CAMEO_H_

#include <string>
#include <string_view>
#include <unordered_map>

#include "dragoman/status.h"

namespace dragoman {

struct CameoInfo {
  std::string code;            // "043"
  std::string name;            // "Host a visit"
  double goldstein = 0;        // -10 .. +10
  int quad_class = 0;          // 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
  std::string plover_event;    // "CONSULT"
  std::string plover_mode;     // "visit" or ""
  std::string plover_context;  // "" when none
};

// Immutable after loading; safe to share between threads.
class CameoTable {
 public:
  // Reads the table written in docs/cameo-table.md ("code\tname\tgoldstein\tquad\tplover_event\t
  // plover_mode\tplover_context", '#' comments).
  static Result<CameoTable> Load(const std::string& path);
  static Result<CameoTable> Parse(std::string_view content, const std::string& name);

  // The entry for `code`; codes the table lacks fall back to their parent ("0431" → "043" → "04").
  // Returns nullptr for codes with no known root.
  const CameoInfo* Find(std::string_view code) const;
  size_t size() const { return entries_.size(); }

 private:
  std::unordered_map<std::string, CameoInfo> entries_;
};

}  // namespace dragoman

#endif  // DRAGOMAN_CAMEO_H_
