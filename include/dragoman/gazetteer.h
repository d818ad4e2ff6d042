// The gazetteer: world cities, first-level administrative areas and countries with their
// coordinates, for event locations (data/gazetteer.tsv; docs/data-sources.md).
//
// Names are looked up by their matching form: the tokenizer's norms of the name joined by single
// spaces ("KYIV", "ST. PETERSBURG", "IVANO - FRANKIVSK"). One key may name several places (Paris
// in France and in Texas); choosing among them is the caller's business (src/coder/places.cc).
// Loading keeps the file's bytes and points into them: no per-row allocation, so the built-in
// gazetteer loads in a few milliseconds, once, on first use.
#ifndef DRAGOMAN_GAZETTEER_H_
#define DRAGOMAN_GAZETTEER_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dragoman/status.h"

namespace dragoman {

class Gazetteer {
 public:
  enum class Kind : uint8_t { kCity, kCapital, kAdmin, kCountry };

  struct Place {
    std::string_view name;     // display name, UTF-8 ("Kraków")
    std::string_view country;  // ISO alpha-3 as CAMEO uses it ("UKR", "KSV")
    std::string_view admin1;   // first-level division, "" when unknown
    double lat = 0, lon = 0;
    bool has_coordinates = false;  // countries have none (the data has no centroids)
    uint64_t population = 0;       // an admin area's or country's: the sum of its cities'
    Kind kind = Kind::kCity;
  };

  // Parses gazetteer TSV (the format scripts/make_gazetteer.js writes): '#' comment lines, then
  // rows "keys\tname\tcountry\tadmin1\tlat\tlon\tpopulation\tkind" with '|' between keys.
  static Result<std::unique_ptr<Gazetteer>> Parse(std::string content);
  static Result<std::unique_ptr<Gazetteer>> Load(const std::string& path);
  // data/gazetteer.tsv from DataDirectory(), loaded on the first call (thread-safe) and kept for
  // the life of the process; nullptr when the file is missing or unreadable.
  static const Gazetteer* Builtin();

  // The places named by `key` (a matching form), most populous first; empty when none.
  std::span<const uint32_t> Lookup(std::string_view key) const;
  const Place& place(uint32_t index) const { return places_[index]; }
  size_t size() const { return places_.size(); }
  size_t key_count() const { return groups_.size(); }
  // The most tokens any key has ("SAINT PETERSBURG" has 2): bounds the lookups per position.
  size_t max_key_tokens() const { return max_key_tokens_; }
  // The name of the country with code `code` ("UKR" → "Ukraine"), "" when the data has none.
  std::string_view CountryName(std::string_view code) const;
  // Every key, for checks against the tokenizer.
  std::vector<std::string_view> Keys() const;

 private:
  Gazetteer() = default;
  Status Build();
  uint32_t FindOrAddGroup(std::string_view key);  // the group index of `key`, added if new

  struct Group {
    std::string_view key;
    uint32_t first = 0, count = 0;  // into place_ids_
  };
  std::string content_;            // the file; every string_view points into it
  std::vector<Place> places_;
  std::vector<Group> groups_;
  std::vector<uint32_t> place_ids_;
  std::vector<uint32_t> slots_;    // open addressing over key hashes: group index + 1, 0 empty
  std::vector<uint32_t> countries_;  // the country rows, by code
  size_t max_key_tokens_ = 0;
};

}  // namespace dragoman

#endif  // DRAGOMAN_GAZETTEER_H_
