// Event locations: finding place names in a sentence and choosing among the places a name may
// mean. Only sentences that produced events are read, and a name is looked up only where a
// locative word precedes a capitalised token, so the pass costs little next to coding; the key
// buffer is reused, so no token costs an allocation.
#include "coder/places.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "coder/words.h"

namespace dragoman::coder {

using namespace std::string_view_literals;  // "ED"sv: a constant length, compared inline

namespace {

// A place name found in the text and what it may mean.
struct Mention {
  Span span;
  std::span<const uint32_t> places;      // the gazetteer's candidates
  std::span<const uint32_t> qualifier;   // places named after a comma: "Paris, Texas"
  std::span<const uint32_t> within;      // the area after "in": "Palma in northern Mozambique"
  bool country_only = false;             // every candidate is a country
  bool area = false;                     // an area noun follows: "in Ghazni province"
};

// What the whole document says that helps choose among places.
struct DocumentContext {
  std::vector<std::string_view> countries;  // countries of the document's actor mentions
  std::string_view dateline_country;
};

bool IsLocativePreposition(std::string_view w) {
  static constexpr std::string_view kWords[] = {"IN",     "AT",      "NEAR",   "OUTSIDE",
                                                "INSIDE", "AROUND",  "ACROSS", "THROUGHOUT",
                                                "WITHIN", "OUTSKIRTS", "SUBURBS"};
  for (std::string_view k : kWords)
    if (w == k) return true;
  return false;
}

// Nouns that name a place by what follows "of": "the eastern city of Kramatorsk".
bool IsPlaceNoun(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "CITY",   "TOWN",   "VILLAGE",  "REGION",    "PROVINCE", "STATE",  "CAPITAL", "PORT",
      "AREA",   "DISTRICT", "OBLAST", "OUTSKIRTS", "SUBURBS",  "CENTRE", "CENTER",  "STREETS",
      "BORDER", "EDGE",   "SETTLEMENT", "HUB"};
  for (std::string_view k : kWords)
    if (w == k) return true;
  return false;
}

// Nouns after a name that make it an area's: "Ghazni province", "the Donetsk region".
bool IsAreaNoun(std::string_view w) {
  static constexpr std::string_view kWords[] = {"PROVINCE", "REGION",     "STATE",  "OBLAST",
                                                "DISTRICT", "GOVERNORATE", "COUNTY", "PREFECTURE"};
  for (std::string_view k : kWords)
    if (w == k) return true;
  return false;
}

// Words allowed between a locative word and the name: "in the besieged eastern port city Mariupol".
bool IsPlaceModifier(const Token& tok) {
  static constexpr std::string_view kWords[] = {
      "THE",          "A",            "AN",           "ITS",          "THEIR",
      "EASTERN",      "WESTERN",      "NORTHERN",     "SOUTHERN",     "CENTRAL",
      "NORTHEASTERN", "NORTHWESTERN", "SOUTHEASTERN", "SOUTHWESTERN", "NORTH",
      "SOUTH",        "EAST",         "WEST",         "DOWNTOWN",     "NEARBY",
      "NEIGHBOURING", "NEIGHBORING",  "FRONTLINE",    "KEY",          "STRATEGIC",
      "-"};
  if (tok.capitalized) return false;
  if (IsPlaceNoun(tok.norm)) return true;
  // "occupied", "besieged", "embattled".
  if (tok.kind == TokenKind::kWord && tok.norm.size() > 4 && EndsWith(tok.norm, "ED")) return true;
  for (std::string_view k : kWords)
    if (tok.norm == k) return true;
  return false;
}

// True when a locative word introduces the name at token t: "in [the eastern] Donetsk",
// "[the] city of Kramatorsk".
bool LocativeBefore(std::span<const Token> tokens, size_t t) {
  constexpr int kMaxModifiers = 5;
  size_t b = t;
  for (int skipped = 0; b > 0 && skipped <= kMaxModifiers; ++skipped, --b) {
    const Token& prev = tokens[b - 1];
    if (IsLocativePreposition(prev.norm)) return true;
    if (prev.norm == "OF" && b >= 2 && IsPlaceNoun(tokens[b - 2].norm)) return true;
    // "in Russian-occupied Melitopol", "in the Somali capital Mogadishu": a capitalised word
    // before a hyphen or a place noun modifies too.
    const bool adjective =
        prev.capitalized && (tokens[b].norm == "-" || IsPlaceNoun(tokens[b].norm));
    if (!IsPlaceModifier(prev) && !adjective) return false;
  }
  return false;
}

// A token that may continue a place name: a word, or the hyphen of "Ivano-Frankivsk".
bool NameToken(const Token& tok) {
  return tok.kind == TokenKind::kWord || (tok.kind == TokenKind::kPunct && tok.norm == "-");
}

// The longest gazetteer name starting at token t; sets *length to its tokens. `key` is scratch.
std::span<const uint32_t> LongestName(const Gazetteer& g, std::span<const Token> tokens, size_t t,
                                      std::string* key, size_t* length) {
  size_t ends[8];
  size_t n = 0;
  key->clear();
  for (size_t j = t; j < tokens.size() && n < std::min<size_t>(g.max_key_tokens(), 8); ++j) {
    if (!NameToken(tokens[j])) break;
    if (n > 0) key->push_back(' ');
    key->append(tokens[j].norm);
    ends[n++] = key->size();
  }
  while (n > 0) {
    std::span<const uint32_t> places = g.Lookup(std::string_view(*key).substr(0, ends[n - 1]));
    if (!places.empty() && tokens[t + n - 1].kind == TokenKind::kWord) {
      *length = n;
      return places;
    }
    --n;
  }
  return {};
}

// The places named right after ", " at token t ("Paris, Texas", "KYIV, Ukraine").
std::span<const uint32_t> QualifierAt(const Gazetteer& g, std::span<const Token> tokens, size_t t,
                                      std::string* key) {
  if (t + 1 >= tokens.size() || tokens[t].norm != "," || !tokens[t + 1].capitalized) return {};
  size_t length = 0;
  return LongestName(g, tokens, t + 1, key, &length);
}

// The places named by "in [modifiers] X" at token t: "the town of Palma in northern Mozambique".
std::span<const uint32_t> WithinAt(const Gazetteer& g, std::span<const Token> tokens, size_t t,
                                   std::string* key) {
  if (t >= tokens.size() || tokens[t].norm != "IN") return {};
  size_t at = t + 1;
  while (at < tokens.size() && at < t + 4 && IsPlaceModifier(tokens[at])) ++at;
  if (at >= tokens.size() || !tokens[at].capitalized) return {};
  size_t length = 0;
  return LongestName(g, tokens, at, key, &length);
}

// True when token t belongs to an actor mention that is a person ("Victoria Nuland").
bool InPersonMention(const Sentence& s, size_t t) {
  const int np = s.np_of[t];
  if (np == kNone) return false;
  for (const Member& m : s.nps[np].members)
    if (m.person && t >= m.tok_start && t < m.tok_end) return true;
  return false;
}

bool AllCountries(const Gazetteer& g, std::span<const uint32_t> places) {
  for (uint32_t p : places)
    if (g.place(p).kind != Gazetteer::Kind::kCountry) return false;
  return true;
}

// True when a place named after the comma confirms `p`: its country, or its admin-1 area.
bool Qualifies(const Gazetteer& g, const Gazetteer::Place& p, std::span<const uint32_t> qualifier) {
  for (uint32_t q : qualifier) {
    const Gazetteer::Place& qp = g.place(q);
    if (qp.country != p.country) continue;
    if (qp.kind == Gazetteer::Kind::kCountry) return true;
    if (qp.kind == Gazetteer::Kind::kAdmin && !p.admin1.empty() && qp.admin1 == p.admin1)
      return true;
  }
  return false;
}

// True when some candidate lies in one of the areas (an "in X" that names no area confirms none
// and rules out none: "in Kyiv in March").
bool AnyQualifies(const Gazetteer& g, std::span<const uint32_t> places,
                  std::span<const uint32_t> areas) {
  bool any_area = false;
  for (uint32_t a : areas) {
    const Gazetteer::Kind kind = g.place(a).kind;
    any_area |= kind == Gazetteer::Kind::kAdmin || kind == Gazetteer::Kind::kCountry;
  }
  if (!any_area) return true;
  for (uint32_t p : places)
    if (Qualifies(g, g.place(p), areas)) return true;
  return false;
}

// The place names of sentence `s` that a locative word introduces.
void SentenceMentions(const Gazetteer& g, const Sentence& s, std::string* key,
                      std::vector<Mention>* out) {
  out->clear();
  const std::span<const Token> tokens = s.tokens;
  for (size_t t = 0; t < tokens.size(); ++t) {
    const Token& tok = tokens[t];
    // Comma clauses the coder set aside still say where: "Russian troops, in Kharkiv, shelled".
    if (tok.kind != TokenKind::kWord || !tok.capitalized) continue;
    if (!LocativeBefore(tokens, t) || InPersonMention(s, t)) continue;
    size_t length = 0;
    std::span<const uint32_t> places = LongestName(g, tokens, t, key, &length);
    if (places.empty()) continue;
    const size_t end = t + length;
    // A capitalised word right after the name makes it part of a longer name that the gazetteer
    // does not know ("in Victoria Nuland's office", "at Paris Saint-Germain"); a weekday does not.
    if (end < tokens.size() && tokens[end].kind == TokenKind::kWord && tokens[end].capitalized &&
        !(s.flags[end] & kTimeWord))
      continue;
    // "the Somali capital Mogadishu": the name is an adjective of the place that follows.
    if (end + 1 < tokens.size() && !tokens[end].capitalized && IsPlaceNoun(tokens[end].norm) &&
        tokens[end + 1].capitalized)
      continue;
    Mention m;
    m.span = Span{tok.start, tokens[end - 1].end};
    m.places = places;
    m.qualifier = QualifierAt(g, tokens, end, key);
    m.within = WithinAt(g, tokens, end, key);
    m.country_only = AllCountries(g, places);
    m.area = end < tokens.size() && !tokens[end].capitalized && IsAreaNoun(tokens[end].norm);
    t = end - 1;
    // An area that none of the candidates is in: the place is one the gazetteer lacks (Palma,
    // Mozambique is smaller than the data keeps; Palma, Spain is not meant).
    if (!m.within.empty() && !AnyQualifies(g, m.places, m.within)) continue;
    out->push_back(m);
  }
}

std::string_view CountryPart(std::string_view code) {
  if (code.size() < 3 || code.substr(0, 3) == "---") return {};
  return code.substr(0, 3);
}

bool Contains(const std::vector<std::string_view>& v, std::string_view x) {
  for (std::string_view y : v)
    if (y == x) return true;
  return false;
}

// Chooses the place a mention means. Context outweighs size (the order: a qualifier, the
// event's actors, the dateline, the document's countries, then population), but a town less than
// a sixth the size of a namesake city is not taken on context alone: Paris, Texas needs ", Texas"
// (while Tripoli, Lebanon, a fifth of Tripoli, Libya, is taken in a story about Lebanon).
const Gazetteer::Place* Choose(const Gazetteer& g, const Mention& m, const DocumentContext& doc,
                               const Event* event) {
  uint64_t biggest_city = 0;
  for (uint32_t i : m.places) {
    const Gazetteer::Place& p = g.place(i);
    if (p.kind == Gazetteer::Kind::kCity || p.kind == Gazetteer::Kind::kCapital)
      biggest_city = std::max(biggest_city, p.population);
  }
  const Gazetteer::Place* best = nullptr;
  double best_score = 0;
  for (uint32_t i : m.places) {
    const Gazetteer::Place& p = g.place(i);
    const bool qualified = Qualifies(g, p, m.qualifier) || Qualifies(g, p, m.within);
    const bool city = p.kind == Gazetteer::Kind::kCity || p.kind == Gazetteer::Kind::kCapital;
    if (city && !qualified && p.population * 6 < biggest_city) continue;
    double score = std::log10(static_cast<double>(p.population) + 10);
    if (p.kind == Gazetteer::Kind::kCapital) score += 2;
    if (p.kind == Gazetteer::Kind::kCity) score += 1;  // "Moscow" is the city before the region
    if (m.area && p.kind == Gazetteer::Kind::kAdmin) score += 3;
    if (qualified) score += 20;
    if (event && (p.country == event->source.country ||
                  (event->has_target && p.country == event->target.country)))
      score += 3;
    if (p.country == doc.dateline_country) score += 2;
    if (Contains(doc.countries, p.country)) score += 2;
    if (!best || score > best_score) {
      best = &p;
      best_score = score;
    }
  }
  return best;
}

void SetLocation(const Gazetteer& g, const Gazetteer::Place& p, Span span, bool from_dateline,
                 Event* e) {
  static constexpr const char* kKinds[] = {"city", "capital", "admin", "country"};
  e->has_location = true;
  Location& l = e->location;
  l.name = p.name;
  l.country = p.country;
  l.country_name = g.CountryName(p.country);
  l.admin1 = p.admin1;
  l.lat = p.lat;
  l.lon = p.lon;
  l.has_coordinates = p.has_coordinates;
  l.kind = kKinds[static_cast<int>(p.kind)];
  l.from_dateline = from_dateline;
  l.span = span;
}

bool Overlaps(Span a, Span b) { return a.start < b.end && b.start < a.end; }

uint32_t Distance(Span a, Span b) {
  if (a.end <= b.start) return b.start - a.end;
  if (b.end <= a.start) return a.start - b.end;
  return 0;
}

// The mention an event takes: the city or area nearest its verb; else a country that is not one
// of its actors ("clashes in Georgia", not "Russia" of "Russia attacked"); else none.
const Mention* EventMention(const std::vector<Mention>& mentions, const Event& e) {
  const Mention* best = nullptr;
  for (int pass = 0; pass < 2 && !best; ++pass) {
    for (const Mention& m : mentions) {
      if (m.country_only != (pass == 1)) continue;
      if (pass == 1 && (Overlaps(m.span, e.source.span) ||
                        (e.has_target && Overlaps(m.span, e.target.span))))
        continue;
      if (!best || Distance(m.span, e.verb) < Distance(best->span, e.verb)) best = &m;
    }
  }
  return best;
}

// The dateline's place ("KYIV, Ukraine, March 3 (AFP) --"), when a dateline precedes the first
// sentence and the gazetteer knows its city.
std::optional<Mention> DatelineMention(const Gazetteer& g, std::string_view text,
                                       const Dateline* dl, const std::vector<Sentence>& sentences,
                                       std::string* key) {
  if (sentences.empty()) return std::nullopt;
  if (!dl || dl->place.empty() || dl->span.end > sentences.front().span.start) return std::nullopt;
  size_t at = text.substr(0, dl->span.end).find(dl->place, dl->span.start);
  if (at == std::string_view::npos) return std::nullopt;
  std::vector<Token> tokens = Tokenize(text, Span{static_cast<uint32_t>(at), dl->span.end});
  size_t length = 0;
  Mention m;
  m.places = LongestName(g, tokens, 0, key, &length);
  if (m.places.empty() || AllCountries(g, m.places)) return std::nullopt;
  m.span = dl->span;
  m.qualifier = QualifierAt(g, tokens, length, key);
  return m;
}

}  // namespace

void FindPlaces(const Gazetteer& gazetteer, std::string_view text, const Dateline* dateline_read,
                const std::vector<Sentence>& sentences, std::vector<Event>* events) {
  if (events->empty()) return;
  std::string key;
  DocumentContext doc;
  for (const Sentence& s : sentences)
    for (const NounPhrase& np : s.nps)
      for (const Member& m : np.members)
        if (std::string_view c = CountryPart(m.code); !c.empty() && !Contains(doc.countries, c))
          doc.countries.push_back(c);
  std::optional<Mention> dateline = DatelineMention(gazetteer, text, dateline_read, sentences, &key);
  const Gazetteer::Place* dateline_place =
      dateline ? Choose(gazetteer, *dateline, doc, nullptr) : nullptr;
  if (dateline_place) doc.dateline_country = dateline_place->country;

  std::vector<Mention> mentions;
  uint32_t mentions_of = UINT32_MAX;  // the sentence `mentions` belongs to
  for (Event& e : *events) {
    if (e.sentence_index >= sentences.size()) continue;
    if (e.sentence_index != mentions_of) {
      SentenceMentions(gazetteer, sentences[e.sentence_index], &key, &mentions);
      mentions_of = e.sentence_index;
    }
    if (const Mention* m = EventMention(mentions, e)) {
      if (const Gazetteer::Place* p = Choose(gazetteer, *m, doc, &e)) {
        SetLocation(gazetteer, *p, m->span, false, &e);
        continue;
      }
    }
    if (dateline) {
      // The event's actors may choose differently from the document alone.
      if (const Gazetteer::Place* p = Choose(gazetteer, *dateline, doc, &e))
        SetLocation(gazetteer, *p, dateline->span, true, &e);
    }
  }
}

}  // namespace dragoman::coder
