// CoderOptions from PETRARCH-style names: --set NAME=VALUE and PETR_config.ini files.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>
#include <sstream>
#include <string>

#include "dragoman/coder.h"

namespace dragoman {
namespace {

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

Status ParseBool(std::string_view name, std::string_view value, bool* out) {
  std::string v = Lower(value);
  if (v == "true" || v == "1" || v == "yes" || v == "on") {
    *out = true;
  } else if (v == "false" || v == "0" || v == "no" || v == "off") {
    *out = false;
  } else {
    return Status::InvalidArgument(std::string(name) + ": expected true or false, got '" +
                                   std::string(value) + "'");
  }
  return Status::Ok();
}

template <typename Int>
Status ParseInt(std::string_view name, std::string_view value, Int* out) {
  Int v{};
  auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
  if (ec != std::errc() || p != value.data() + value.size()) {
    return Status::InvalidArgument(std::string(name) + ": expected a whole number, got '" +
                                   std::string(value) + "'");
  }
  *out = v;
  return Status::Ok();
}

}  // namespace

Status SetCoderOption(CoderOptions* options, std::string_view name_in, std::string_view value_in) {
  std::string name = Lower(Trim(name_in));
  std::string value = Trim(value_in);
  if (name == "require_dyad") return ParseBool(name, value, &options->require_dyad);
  if (name == "infer_country") return ParseBool(name, value, &options->infer_country);
  if (name == "pattern_stems") return ParseBool(name, value, &options->pattern_stems);
  if (name == "passive_needs_by") return ParseBool(name, value, &options->passive_needs_by);
  if (name == "new_actor_length") return ParseInt(name, value, &options->new_actor_length);
  if (name == "comma_min") return ParseInt(name, value, &options->comma_min);
  if (name == "comma_max") return ParseInt(name, value, &options->comma_max);
  if (name == "comma_bmin") return ParseInt(name, value, &options->comma_bmin);
  if (name == "comma_bmax") return ParseInt(name, value, &options->comma_bmax);
  if (name == "comma_emin") return ParseInt(name, value, &options->comma_emin);
  if (name == "comma_emax") return ParseInt(name, value, &options->comma_emax);
  if (name == "max_document_bytes") return ParseInt(name, value, &options->max_document_bytes);
  if (name == "max_sentence_bytes") return ParseInt(name, value, &options->max_sentence_bytes);
  return Status::InvalidArgument("unknown option '" + std::string(name_in) + "'");
}

Status LoadPetrarchConfig(const std::string& path, CoderOptions* options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open");
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    std::string t = Trim(line);
    if (t.empty() || t[0] == '#' || t[0] == ';' || t[0] == '[') continue;
    size_t eq = t.find_first_of("=:");
    if (eq == std::string::npos) continue;
    std::string key = Trim(std::string_view(t).substr(0, eq));
    std::string value = Trim(std::string_view(t).substr(eq + 1));
    Status s = SetCoderOption(options, key, value);
    // PETRARCH configs carry many options dragoman does not use; only bad values are errors.
    if (!s.ok() && s.message().rfind("unknown option", 0) != 0) {
      return Status::InvalidArgument(path + ":" + std::to_string(number) + ": " + s.message());
    }
  }
  return Status::Ok();
}

}  // namespace dragoman
