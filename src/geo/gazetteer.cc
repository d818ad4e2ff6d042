// Loading and looking up the gazetteer (include/dragoman/gazetteer.h).
#include "dragoman/gazetteer.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <mutex>

#include "dict/dict_util.h"
#include "dragoman/builtin.h"

namespace dragoman {

namespace {

// FNV-1a: keys are short upper-case ASCII, so a simple byte hash spreads them well enough.
uint64_t KeyHash(std::string_view key) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : key) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h ^ (h >> 29);
}

// Splits `line` at `sep` into at most `max` fields; returns how many were found.
size_t Split(std::string_view line, char sep, std::string_view* fields, size_t max) {
  size_t n = 0;
  while (n < max) {
    size_t end = line.find(sep);
    fields[n++] = line.substr(0, end);
    if (end == std::string_view::npos) break;
    line.remove_prefix(end + 1);
  }
  return n;
}

template <typename T>
bool ParseNumber(std::string_view s, T* out) {
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

bool ParseKind(std::string_view s, Gazetteer::Kind* kind) {
  using Kind = Gazetteer::Kind;
  if (s == "city") *kind = Kind::kCity;
  else if (s == "capital") *kind = Kind::kCapital;
  else if (s == "admin") *kind = Kind::kAdmin;
  else if (s == "country") *kind = Kind::kCountry;
  else return false;
  return true;
}

size_t TokenCount(std::string_view key) {
  return static_cast<size_t>(std::count(key.begin(), key.end(), ' ')) + 1;
}

}  // namespace

Result<std::unique_ptr<Gazetteer>> Gazetteer::Parse(std::string content) {
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  g->content_ = std::move(content);
  if (Status s = g->Build(); !s.ok()) return s;
  return g;
}

Result<std::unique_ptr<Gazetteer>> Gazetteer::Load(const std::string& path) {
  std::string content;
  if (Status s = dict::ReadFileBytes(path, &content); !s.ok()) return s;
  Result<std::unique_ptr<Gazetteer>> g = Parse(std::move(content));
  if (!g.ok()) return Status::Corruption(path + ": " + g.status().message());
  return g;
}

const Gazetteer* Gazetteer::Builtin() {
  static std::once_flag once;
  static std::unique_ptr<Gazetteer> builtin;
  std::call_once(once, [] {
    auto g = Load((std::filesystem::path(DataDirectory()) / "gazetteer.tsv").string());
    if (g.ok()) builtin = std::move(g.value());
  });
  return builtin.get();
}

// One pass over the rows, no sorting of keys: every key goes straight into the open-addressing
// table (sized from a count of rows and '|'), then a counting pass lays each key's places out
// contiguously. This keeps loading the built-in file near 10 ms.
Status Gazetteer::Build() {
  const std::string_view all = content_;
  const size_t lines = static_cast<size_t>(std::count(all.begin(), all.end(), '\n')) + 1;
  const size_t max_keys = lines + static_cast<size_t>(std::count(all.begin(), all.end(), '|'));
  size_t capacity = 64;
  while (capacity < max_keys * 2) capacity *= 2;
  slots_.assign(capacity, 0);
  places_.reserve(lines);
  groups_.reserve(max_keys);
  struct Entry {
    uint32_t group, place;
  };
  std::vector<Entry> entries;
  entries.reserve(max_keys);

  std::string_view rest = all;
  size_t line_number = 0;
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    std::string_view f[8];
    auto bad = [&](const char* what) {
      return Status::Corruption("line " + std::to_string(line_number) + ": " + what);
    };
    if (Split(line, '\t', f, 8) != 8) return bad("expected 8 tab-separated fields");
    Place p;
    p.name = f[1];
    p.country = f[2];
    p.admin1 = f[3];
    p.has_coordinates = !f[4].empty();
    if (p.has_coordinates && (!ParseNumber(f[4], &p.lat) || !ParseNumber(f[5], &p.lon) ||
                              p.lat < -90 || p.lat > 90 || p.lon < -180 || p.lon > 180))
      return bad("bad coordinates");
    if (!ParseNumber(f[6], &p.population)) return bad("bad population");
    if (!ParseKind(f[7], &p.kind)) return bad("unknown kind");
    if (p.name.empty() || p.country.size() != 3) return bad("missing name or country");
    const uint32_t index = static_cast<uint32_t>(places_.size());
    places_.push_back(p);
    if (p.kind == Kind::kCountry) countries_.push_back(index);
    std::string_view keys = f[0];
    while (!keys.empty()) {
      size_t bar = keys.find('|');
      std::string_view key = keys.substr(0, bar);
      keys.remove_prefix(bar == std::string_view::npos ? keys.size() : bar + 1);
      if (key.empty()) return bad("empty key");
      const uint32_t group = FindOrAddGroup(key);
      if (!entries.empty() && entries.back().group == group && entries.back().place == index)
        continue;  // the same key twice in one row
      entries.push_back(Entry{group, index});
      ++groups_[group].count;
      max_key_tokens_ = std::max(max_key_tokens_, TokenCount(key));
    }
  }
  std::sort(countries_.begin(), countries_.end(), [&](uint32_t a, uint32_t b) {
    return places_[a].country < places_[b].country;
  });
  // Each key's places together, most populous first (the order Lookup promises).
  uint32_t next = 0;
  for (Group& g : groups_) {
    g.first = next;
    next += g.count;
    g.count = 0;
  }
  place_ids_.resize(entries.size());
  for (const Entry& e : entries) {
    Group& g = groups_[e.group];
    place_ids_[g.first + g.count++] = e.place;
  }
  for (const Group& g : groups_) {
    if (g.count < 2) continue;
    auto begin = place_ids_.begin() + g.first;
    std::stable_sort(begin, begin + g.count, [&](uint32_t a, uint32_t b) {
      return places_[a].population > places_[b].population;
    });
  }
  return Status::Ok();
}

uint32_t Gazetteer::FindOrAddGroup(std::string_view key) {
  const size_t mask = slots_.size() - 1;
  size_t slot = KeyHash(key) & mask;
  for (; slots_[slot] != 0; slot = (slot + 1) & mask)
    if (groups_[slots_[slot] - 1].key == key) return slots_[slot] - 1;
  groups_.push_back(Group{key, 0, 0});
  slots_[slot] = static_cast<uint32_t>(groups_.size());
  return static_cast<uint32_t>(groups_.size() - 1);
}

std::span<const uint32_t> Gazetteer::Lookup(std::string_view key) const {
  if (slots_.empty()) return {};
  const size_t mask = slots_.size() - 1;
  for (size_t slot = KeyHash(key) & mask; slots_[slot] != 0; slot = (slot + 1) & mask) {
    const Group& g = groups_[slots_[slot] - 1];
    if (g.key == key) return std::span<const uint32_t>(place_ids_).subspan(g.first, g.count);
  }
  return {};
}

std::string_view Gazetteer::CountryName(std::string_view code) const {
  auto before = [&](uint32_t i, std::string_view c) { return places_[i].country < c; };
  auto it = std::lower_bound(countries_.begin(), countries_.end(), code, before);
  return it != countries_.end() && places_[*it].country == code ? places_[*it].name
                                                                  : std::string_view();
}

std::vector<std::string_view> Gazetteer::Keys() const {
  std::vector<std::string_view> keys;
  keys.reserve(groups_.size());
  for (const Group& g : groups_) keys.push_back(g.key);
  return keys;
}

}  // namespace dragoman
