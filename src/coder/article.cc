// What spans the sentences of an article: the order of work for a document (split, analyse every
// sentence, attribute quotes, then code), quotations and their speakers, and Coder::Explain.
#include <cctype>
#include <cstdlib>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "coder/coder_impl.h"
#include "coder/dates.h"
#include "coder/places.h"
#include "coder/sentence.h"
#include "coder/words.h"
#include "dragoman/coder.h"

namespace dragoman {

using namespace std::string_view_literals;  // "ED"sv: a constant length, compared inline

using namespace coder;  // WordFlag constants, kNone

namespace {

// "ANTONY_BLINKEN_" → "Antony Blinken".
std::string PrettyName(std::string_view raw) {
  std::string out;
  bool start = true;
  for (char c : raw) {
    if (c == '_' || c == ' ') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      start = true;
      continue;
    }
    unsigned char u = static_cast<unsigned char>(c);
    out.push_back(start || u >= 0x80 ? c : static_cast<char>(std::tolower(u)));
    start = false;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

namespace {

CodedDocument CodeSpans(const Coder::Impl& impl, std::string_view text, std::vector<Span> spans,
                        Day date, const Dateline* dateline);

}  // namespace

CodedDocument Coder::Code(const Document& document) const {
  if (document.text.size() > impl_->options.max_document_bytes) {
    CodedDocument out;
    out.date = document.date;
    out.warnings.push_back(CoderWarning{
        "long-document",
        "document of " + std::to_string(document.text.size()) +
            " bytes exceeds max_document_bytes; not coded",
        Span{0, 0}});
    return out;
  }
  Day date = document.date;
  std::string_view text = document.text;
  std::vector<Span> spans = SplitSentences(text);
  const std::optional<Dateline> dl = ReadDateline(text, date);
  if (dl) {
    if (date == kNoDay) date = dl->date;
    // The dateline is not a sentence of the story.
    std::vector<Span> kept;
    for (const Span& sp : spans) {
      if (sp.end <= dl->span.end) continue;
      Span t = sp;
      if (t.start < dl->span.end) t.start = dl->span.end;
      while (t.start < t.end && (text[t.start] == ' ' || text[t.start] == '-' ||
                                 text[t.start] == '\n'))
        ++t.start;
      if (t.start < t.end) kept.push_back(t);
    }
    spans = std::move(kept);
  }
  CodedDocument out = CodeSpans(*impl_, text, std::move(spans), date, dl ? &*dl : nullptr);
  if (date == kNoDay)
    out.warnings.insert(out.warnings.begin(),
                        CoderWarning{"no-date", "no --date, no date field and no dateline: actor "
                                                "codes use their undated defaults", Span{0, 0}});
  return out;
}

std::string Coder::Explain(std::string_view text, Day date) const {
  std::string out;
  Discourse discourse;
  for (const Span& sp : SplitSentences(text)) {
    Sentence s;
    s.text = text;
    s.span = sp;
    impl_->Analyze(&s, date, &discourse);
    out += "sentence [" + std::to_string(sp.start) + "," + std::to_string(sp.end) + ")\n  tokens:";
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      out += " " + s.tokens[i].norm;
      if (s.deleted[i]) out += "~";
      if (s.np_of[i] != kNone) out += "#" + std::to_string(s.np_of[i]);
    }
    out += "\n";
    for (size_t k = 0; k < s.nps.size(); ++k) {
      const NounPhrase& np = s.nps[k];
      out += "  np#" + std::to_string(k) + " tokens " + std::to_string(np.start) + ".." +
             std::to_string(np.end) + (np.after_preposition ? " (after preposition)" : "") +
             (np.person ? " person" : "") + ":";
      for (const Member& m : np.members) out += " " + m.code + " <" + impl_->Rule(m.rule) + ">";
      out += "\n";
    }
    for (const VerbHit& v : s.verbs) {
      const VerbForm& f = impl_->dict.verb_forms[v.form];
      out += "  verb tokens " + std::to_string(v.start) + ".." + std::to_string(v.end) + " " +
             f.lemma + " block " + impl_->dict.verb_blocks[f.block].label + "\n";
    }
    std::vector<Event> events;
    impl_->CodeVerbs(s, 0, date, &events);
    for (const Event& e : events)
      out += "  event " + e.source.code + " " + e.target.code + " " + e.cameo + " <" + e.rule + ">\n";
  }
  return out;
}

CodedDocument Coder::CodeSentence(std::string_view text, Day date) const {
  return CodeSpans(*impl_, text, {Span{0, static_cast<uint32_t>(text.size())}}, date, nullptr);
}

namespace {

// "said", "told", "according": a verb of speech (kTextSpeech, words.cc).
bool IsSpeechWord(const Sentence& s, size_t t) { return s.ids[t].text_tags & kTextSpeech; }

// Who speaks: the actors of a noun phrase and the tokens that name them.
struct Speaker {
  const Sentence* sentence = nullptr;
  uint32_t start = 0, end = 0;  // tokens of the mention
  std::vector<Member> members;
  bool person = false;
};

Speaker SpeakerOf(const Sentence& s, const NounPhrase& np) {
  return Speaker{&s, np.start, np.end, np.members, np.person};
}

// Officials named earlier in the article under a title, by the last words of the mention
// ("Interior Minister Mari Rantanen", "Foreign Minister Wang Yi"): a later "Rantanen said" or
// "Wang said" names the official met before. (The coder already resolves the surnames of the
// dictionary's people; these names may be in no dictionary.) A word two officials share names
// neither.
struct Surnames {
  std::unordered_map<std::string, Member> by_word;
  std::unordered_set<std::string> ambiguous;

  void Add(const std::string& word, const Member& m) {
    if (word.size() < 2 || ambiguous.count(word)) return;
    auto [it, inserted] = by_word.emplace(word, m);
    if (inserted || it->second.code == m.code) return;
    by_word.erase(it);
    ambiguous.insert(word);
  }
};

void RememberSurnames(const Sentence& s, Surnames* surnames) {
  auto name_word = [&](uint32_t t) {
    return s.tokens[t].capitalized && s.tokens[t].kind == TokenKind::kWord;
  };
  for (const NounPhrase& np : s.nps) {
    if (np.pronoun || np.first_person) continue;
    for (const Member& m : np.members) {
      if (!m.person) continue;
      // The name after the title: its last two capitalised words ("Wang Yi", "Ariel Henry").
      uint32_t run = m.tok_end;
      while (run > m.tok_start && name_word(run - 1)) --run;
      if (m.tok_end - run >= 1) surnames->Add(s.tokens[m.tok_end - 1].norm, m);
      if (m.tok_end - run >= 3) surnames->Add(s.tokens[m.tok_end - 2].norm, m);
    }
  }
}

// The speaker at token t: a coded noun phrase, or a capitalised surname of someone met before
// (alone, or heading a noun phrase no dictionary coded).
std::optional<Speaker> SpeakerAt(const Sentence& s, size_t t, const Surnames& surnames) {
  int np = s.np_of[t];
  if (np != kNone && !s.nps[np].members.empty()) return SpeakerOf(s, s.nps[np]);
  if (!s.tokens[t].capitalized || s.tokens[t].kind != TokenKind::kWord) return std::nullopt;
  auto it = surnames.by_word.find(s.tokens[t].norm);
  if (it == surnames.by_word.end()) return std::nullopt;
  Member m = it->second;
  m.tok_start = static_cast<uint32_t>(t);
  m.tok_end = static_cast<uint32_t>(t + 1);
  return Speaker{&s, m.tok_start, m.tok_end, {m}, true};
}

// The noun phrase that speaks in sentence `s` outside quotes: "X said", "said X", "X told
// reporters", and only when there is none of these, "according to X".
std::optional<Speaker> FindSpeaker(const Sentence& s, std::span<const uint8_t> quoted,
                                   const Surnames& surnames) {
  const size_t n = s.tokens.size();
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t t = 0; t < n; ++t) {
      if (quoted[t] || !IsSpeechWord(s, t)) continue;
      const std::string& w = s.tokens[t].norm;
      if ((w == "ACCORDING") != (pass == 1)) continue;
      // Before: the nearest noun phrase (skipping auxiliaries and adverbs).
      for (size_t b = t; b-- > 0;) {
        if (quoted[b] || s.tokens[b].kind == TokenKind::kQuote) break;
        if (std::optional<Speaker> sp = SpeakerAt(s, b, surnames)) return sp;
        if (s.tokens[b].kind != TokenKind::kWord ||
            (s.flags[b] & (kComplementizer | kConjunction)))
          break;
      }
      // After: "said X", "according to X" (not "told X": X is who was told).
      if (w == "TOLD" || w == "TELLS" || w == "TELLING" || w == "ASKED" || w == "WARNED")
        continue;
      for (size_t a = t + 1; a < n && a < t + 4; ++a) {
        if (quoted[a]) break;
        if (std::optional<Speaker> sp = SpeakerAt(s, a, surnames)) return sp;
      }
    }
  }
  return std::nullopt;
}

// A partial quote with no speech verb: who "called the verdict \"unjust\"" is the subject of the
// verb before the quote, the nearest coded noun phrase that a verb follows.
std::optional<Speaker> SubjectBefore(const Sentence& s, size_t quote_token,
                                     const Surnames& surnames) {
  auto verb_like = [&](size_t t) {
    const Token& tok = s.tokens[t];
    return s.verb_end[t] != 0 || IsSpeechWord(s, t) ||
           (s.flags[t] & kIrregularParticiple) ||
           (tok.kind == TokenKind::kWord && !tok.capitalized && EndsWith(tok.norm, "ED"));
  };
  for (size_t t = quote_token; t-- > 0;) {
    if (s.tokens[t].kind == TokenKind::kQuote) return std::nullopt;
    std::optional<Speaker> sp = SpeakerAt(s, t, surnames);
    if (!sp) continue;
    size_t after = sp->end;
    while (after < quote_token && (s.flags[after] & (kAuxiliary | kNegation))) ++after;
    if (after < quote_token && s.tokens[after].norm.size() > 3 &&
        EndsWith(s.tokens[after].norm, "LY"))
      ++after;
    if (after < quote_token && verb_like(after)) return sp;
    t = sp->start;
  }
  return std::nullopt;
}

}  // namespace

// Quotations and their speakers: quote marks are paired across the whole document (quotes run
// over several sentences); the speaker is found next to a speech verb outside the quote in the
// sentence where the quote ends, else where it starts; a partial quote with no speech verb
// belongs to the subject before it ("X called the move \"absurd\""); a quote with none of these
// that follows a quote closely (in the same or the next sentence) continues its speaker. "I",
// "we", "us" and "our" inside a quote become the speaker.
static void AttributeQuotes(const Coder::Impl& impl, std::vector<Sentence>* sentences,
                            std::vector<Quote>* quotes) {
  struct Open {
    size_t sentence, token;
  };
  // Per token of each sentence: inside a quotation (one array for the document).
  std::vector<uint32_t> first_token(sentences->size() + 1, 0);
  for (size_t i = 0; i < sentences->size(); ++i)
    first_token[i + 1] = first_token[i] + static_cast<uint32_t>((*sentences)[i].tokens.size());
  std::vector<uint8_t> quoted_tokens(first_token.back(), 0);
  auto quoted = [&](size_t i) {
    return std::span<uint8_t>(quoted_tokens).subspan(first_token[i], (*sentences)[i].tokens.size());
  };
  std::vector<std::pair<Open, Open>> spans;
  bool open = false;
  Open start{};
  for (size_t i = 0; i < sentences->size(); ++i) {
    Sentence& s = (*sentences)[i];
    for (size_t t = 0; t < s.tokens.size(); ++t) {
      const Token& tok = s.tokens[t];
      if (tok.kind == TokenKind::kQuote && tok.norm == "\"") {
        if (!open) {
          open = true;
          start = {i, t};
        } else {
          open = false;
          spans.push_back({start, {i, t}});
        }
        continue;
      }
      quoted(i)[t] = open;
    }
  }
  Surnames surnames;
  size_t remembered = 0;  // sentences whose people are in `surnames`
  std::optional<Speaker> previous;
  size_t previous_end = 0;  // the sentence where the previous quote ended
  for (const auto& [a, b] : spans) {
    for (; remembered <= b.sentence; ++remembered)
      RememberSurnames((*sentences)[remembered], &surnames);
    const Sentence& last = (*sentences)[b.sentence];
    const Sentence& first = (*sentences)[a.sentence];
    std::optional<Speaker> speaker = FindSpeaker(last, quoted(b.sentence), surnames);
    if (!speaker) speaker = FindSpeaker(first, quoted(a.sentence), surnames);
    if (!speaker) speaker = SubjectBefore(first, a.token, surnames);
    if (!speaker && previous && a.sentence <= previous_end + 1) speaker = previous;
    Quote q;
    q.span = Span{first.tokens[a.token].end, last.tokens[b.token].start};
    if (speaker) {
      const Sentence& where = *speaker->sentence;
      q.speaker = Span{where.tokens[speaker->start].start, where.tokens[speaker->end - 1].end};
      q.speaker_code = speaker->members.front().code;
      // The person's dictionary name when there is one ("he", "Blingen" → Antony Blinken).
      int32_t actor = speaker->members.front().actor;
      q.speaker_name = actor >= 0 && impl.actor_is_person[actor]
                           ? PrettyName(impl.dict.actors[actor].name)
                           : std::string(where.text.substr(q.speaker.start,
                                                           q.speaker.end - q.speaker.start));
      // First person inside the quote, and outside it in the sentence that names the speaker
      // ("..., X told reporters, and I look forward to ...": garbled, but still X).
      for (size_t i = a.sentence; i <= b.sentence; ++i) {
        Sentence& s = (*sentences)[i];
        for (NounPhrase& np : s.nps) {
          if (!np.first_person || !np.members.empty()) continue;
          if (!quoted(i)[np.start] && &s != &where) continue;
          np.members = speaker->members;
          for (Member& m : np.members) {
            m.tok_start = np.start;
            m.tok_end = np.end;
          }
          np.person = speaker->person;
        }
      }
    }
    previous = speaker;
    previous_end = b.sentence;
    quotes->push_back(std::move(q));
  }
}

namespace {

// One entity per real-world actor: a person by their dictionary entry; a titled phrase
// ("Russian Foreign Ministry", "US Ambassador to Russia John Sullivan") by its code and words;
// a country, its capital and its seats of power together by country; an organisation by code.
void FindEntities(const Coder::Impl& impl, const std::vector<Sentence>& sentences,
                  CodedDocument* out) {
  std::unordered_map<std::string, size_t> index;
  std::vector<std::string> names;  // parallel to out->entities: name quality (length) chooser
  for (const Sentence& s : sentences) {
    for (const NounPhrase& np : s.nps) {
      if (np.members.empty()) continue;
      for (const Member& m : np.members) {
        if (m.code.empty()) continue;
        std::string key, name, code = m.code;
        const Span span{s.tokens[m.tok_start].start, s.tokens[m.tok_end - 1].end};
        std::string_view mention = s.text.substr(span.start, span.end - span.start);
        bool pronoun = np.pronoun || np.first_person;
        if (m.actor >= 0 && impl.actor_is_person[m.actor]) {
          key = "P" + std::to_string(m.actor);
          name = PrettyName(impl.dict.actors[m.actor].name);
        } else if (m.has_agent) {
          if (pronoun) continue;  // a titled phrase is not found through "he"
          key = "A" + m.code + "|";
          for (uint32_t t = m.tok_start; t < m.tok_end; ++t)
            if (s.in_unit[t] || s.tokens[t].capitalized) key += s.tokens[t].norm + " ";
          name = std::string(mention);
        } else {
          std::string country = CountryOf(m.code);
          bool org = country.empty() || country == "IGO" || country == "NGO" || country == "MNC" ||
                     country == "IMG";
          // A capital or seat of government is the country; a legislature or an army is not.
          std::string sector = m.code.size() > 3 ? m.code.substr(3) : "";
          bool joins_country = !org && (sector.empty() || sector == "GOV");
          key = "C" + (joins_country ? country : m.code);
          if (joins_country) code = country;
          name = m.actor >= 0 ? PrettyName(impl.dict.actors[m.actor].name) : std::string(mention);
        }
        auto [it, inserted] = index.emplace(key, out->entities.size());
        if (inserted) {
          out->entities.push_back(Entity{name, code, {}, false});
        } else if (!pronoun && name.size() > out->entities[it->second].name.size() &&
                   key[0] == 'A') {
          out->entities[it->second].name = name;
        }
        Entity& e = out->entities[it->second];
        if (e.mentions.empty() || e.mentions.back().start != span.start) e.mentions.push_back(span);
        for (const Sentence::Fuzzy& f : s.fuzzy)
          if (f.token >= m.tok_start && f.token < m.tok_end) e.variant_spelling = true;
      }
    }
  }
}

// Capitalised names that stand where actors stand (right before or after a verb) more than once
// and that no dictionary knows: candidates for the dictionaries, as PETRARCH's null-actor
// harvesting reported them.
void UnknownActorWarnings(const std::vector<Sentence>& sentences, CodedDocument* out) {
  struct Seen {
    int count = 0;
    Span first;
  };
  std::map<std::string, Seen> names;
  for (const Sentence& s : sentences) {
    const size_t n = s.tokens.size();
    auto name_at = [&](size_t t) {
      return t < n && s.tokens[t].capitalized && s.tokens[t].kind == TokenKind::kWord &&
             s.flags[t] == 0 && !s.in_unit[t] && s.verb_end[t] == 0 && s.np_of[t] == kNone;
    };
    for (const VerbHit& v : s.verbs) {
      // The name just before the verb (its subject) or just after it (its object).
      for (int side = 0; side < 2; ++side) {
        size_t a, b;
        if (side == 0) {
          if (v.start == 0 || !name_at(v.start - 1)) continue;
          b = v.start;
          a = b - 1;
          while (a > 0 && name_at(a - 1)) --a;
          // The sentence's first word is capitalised for that reason alone ("Later Zorblat").
          if (a == 0) ++a;
          if (a == b) continue;
        } else {
          a = v.end;
          if (!name_at(a)) continue;
          b = a + 1;
          while (name_at(b)) ++b;
        }
        std::string key;
        for (size_t t = a; t < b; ++t) key += (key.empty() ? "" : " ") + s.tokens[t].norm;
        Seen& seen = names[key];
        if (seen.count++ == 0) seen.first = Span{s.tokens[a].start, s.tokens[b - 1].end};
      }
    }
  }
  for (const auto& [name, seen] : names) {
    if (seen.count < 2) continue;
    out->warnings.push_back(CoderWarning{
        "unknown-actor",
        "\"" + name + "\" stands where an actor would " + std::to_string(seen.count) +
            " times; no dictionary knows it",
        seen.first});
  }
}

// Signs of a garbled text that a reader should know about (docs/output.md, "warning").
void TextWarnings(const Coder::Impl& impl, const std::vector<Sentence>& sentences,
                  const std::vector<uint8_t>& skip, CodedDocument* out) {
  auto text_of = [](const Sentence& s, uint32_t a, uint32_t b) {
    return std::string(s.text.substr(s.tokens[a].start, s.tokens[b - 1].end - s.tokens[a].start));
  };
  // Two spellings of one person's name.
  for (const Sentence& s : sentences) {
    for (const Sentence::Fuzzy& f : s.fuzzy) {
      const ActorPhrase& ap = impl.dict.actor_phrases[f.phrase];
      std::string seen_as;
      for (const Sentence& o : sentences)
        for (const NounPhrase& np : o.nps)
          for (const Member& m : np.members)
            if (seen_as.empty() && m.actor == static_cast<int32_t>(ap.actor) && !np.pronoun &&
                !np.first_person) {
              bool fuzzy = false;
              for (const Sentence::Fuzzy& g : o.fuzzy) fuzzy |= g.token >= m.tok_start && g.token < m.tok_end;
              if (!fuzzy) seen_as = text_of(o, m.tok_start, m.tok_end);
            }
      const std::string written = text_of(s, f.token, f.token + 1);
      out->warnings.push_back(CoderWarning{
          "name-variant",
          "\"" + written + "\" taken for " + PrettyName(impl.dict.actors[ap.actor].name) +
              (seen_as.empty() ? std::string() : " (also written \"" + seen_as + "\")"),
          Span{s.tokens[f.token].start, s.tokens[f.token].end}});
      break;  // once per sentence is enough
    }
    for (const Sentence::Mismatch& mm : s.mismatches) {
      std::string name = text_of(s, mm.start, mm.end);
      out->warnings.push_back(CoderWarning{
          "entity-type-mismatch",
          "\"" + name + "\" is an organisation's name where a person's belongs; the title codes it",
          Span{s.tokens[mm.start].start, s.tokens[mm.end - 1].end}});
    }
  }
  for (size_t i = 0; i < sentences.size(); ++i) {
    const Sentence& s = sentences[i];
    if (s.tokens.empty()) continue;
    // "outlined and outlined", "the the".
    for (size_t t = 0; t + 1 < s.tokens.size(); ++t) {
      const Token& a = s.tokens[t];
      if (a.kind != TokenKind::kWord || a.norm.size() < 2) continue;
      size_t b = t + 1;
      if (b + 1 < s.tokens.size() && (s.flags[b] & kConjunction)) ++b;
      if (s.tokens[b].norm == a.norm && s.tokens[b].kind == TokenKind::kWord &&
          !(a.kind == TokenKind::kWord && IsQuantity(s, t))) {
        out->warnings.push_back(CoderWarning{"repeated-words",
                                             "repeated words: \"" + text_of(s, t, b + 1) + "\"",
                                             Span{a.start, s.tokens[b].end}});
        t = b;
      }
    }
    // A "sentence" with no subject and verb: "Retrieved in Moscow."
    if (skip[i]) continue;
    size_t words = 0;
    for (const Token& tok : s.tokens) words += tok.kind == TokenKind::kWord;
    bool quoted = false;
    for (const Token& tok : s.tokens) quoted |= tok.kind == TokenKind::kQuote;
    if (quoted || words == 0 || words > 6) continue;
    // Our dictionaries do not know every verb, so a sentence counts as verbless only when it
    // has no dictionary verb, no auxiliary and no past-tense-looking word.
    bool verb = false;
    for (size_t t = 0; t < s.tokens.size(); ++t)
      verb |= s.verb_end[t] != 0 || (s.flags[t] & kAuxiliary) ||
              (s.tokens[t].kind == TokenKind::kWord && !s.tokens[t].capitalized &&
               s.tokens[t].norm.size() > 3);
    // Or it opens with a participle and a preposition, no subject: "Retrieved in Moscow.",
    // "Edited by X."
    size_t first = 0;
    while (first < s.tokens.size() && s.tokens[first].kind != TokenKind::kWord) ++first;
    const std::string& w = s.tokens[first].norm;
    bool subjectless = s.np_of[first] == kNone && !(s.flags[first] & (kPronoun | kDeterminer)) &&
                       (EndsWith(w, "ED") || EndsWith(w, "ING")) && first + 1 < s.tokens.size() &&
                       (s.flags[first + 1] & kPreposition);
    if (!verb || subjectless) {
      out->warnings.push_back(CoderWarning{"fragment",
                                           "not a sentence (no subject and verb): \"" +
                                               text_of(s, 0, s.tokens.size()) + "\"",
                                           s.span});
    }
  }
}

CodedDocument CodeSpans(const Coder::Impl& impl, std::string_view text, std::vector<Span> spans,
                        Day date, const Dateline* dateline) {
  CodedDocument out;
  out.date = date;
  out.sentences = std::move(spans);
  Discourse discourse;
  std::unordered_set<std::string> seen;
  coder::SentencePool pool(out.sentences.size());
  std::vector<Sentence>& sentences = pool.sentences();
  // Sentences too long to code are skipped (1), and so are sentences a discard phrase
  // matches (2): those are still analysed, as the discourse runs through them.
  std::vector<uint8_t> skip(out.sentences.size(), 0);
  std::vector<uint32_t> values;  // a discard match's
  // The words of every sentence first (each sentence alone; a story discard ends the document
  // there), then their phrases, in order, through the discourse (Impl::Analyze). The words in
  // two steps: every sentence's tokens and word ids (which hint the tries' roots to memory),
  // then every sentence's synsets, verb forms and discards.
  for (uint32_t i = 0; i < out.sentences.size(); ++i) {
    const Span sp = out.sentences[i];
    Sentence& s = sentences[i];
    s.text = text;
    s.span = sp;
    if (sp.end - sp.start > impl.options.max_sentence_bytes) {
      skip[i] = 1;
      continue;
    }
    impl.AnalyzeTokens(&s);
  }
  for (uint32_t i = 0; i < out.sentences.size(); ++i) {
    Sentence& s = sentences[i];
    if (skip[i] == 1) {
      const Span sp = out.sentences[i];
      out.warnings.push_back(CoderWarning{"long-sentence",
                                          "sentence of " + std::to_string(sp.end - sp.start) +
                                              " bytes exceeds max_sentence_bytes; not coded",
                                          sp});
      continue;
    }
    impl.AnalyzeWordPhrases(&s);
    // Discards.
    for (size_t t = 0; t < s.tokens.size() && !skip[i]; ++t) {
      size_t end;
      if ((s.starts[t] & coder::kStartsDiscard) &&
          impl.discards.LongestAt(std::span<const WordIds>(s.ids), t, &end, &values)) {
        skip[i] = 2;
        if (impl.dict.discards[values.front()].story) {
          out.discarded = true;
          return out;
        }
      }
    }
  }
  // (Each sentence's trie roots are hinted to memory while the one before is analysed.)
  auto next_analysed = [&](size_t i) {
    while (i < skip.size() && skip[i] == 1) ++i;
    return i;
  };
  if (size_t first = next_analysed(0); first < sentences.size())
    impl.PrefetchPhrases(sentences[first]);
  for (size_t i = next_analysed(0); i < sentences.size(); i = next_analysed(i + 1)) {
    if (size_t next = next_analysed(i + 1); next < sentences.size())
      impl.PrefetchPhrases(sentences[next]);
    impl.AnalyzePhrases(&sentences[i], date, &discourse);
  }
  AttributeQuotes(impl, &sentences, &out.quotes);
  StoryCalendar calendar(date);
  std::vector<Event> events;  // one sentence's; the storage is kept from sentence to sentence
  std::string key;
  // (As above, each sentence's verb records are hinted to memory while the one before is coded.)
  auto next_coded = [&](size_t i) {
    while (i < skip.size() && skip[i] != 0) ++i;
    return i;
  };
  for (size_t i = next_coded(0); i < sentences.size(); i = next_coded(i + 1)) {
    if (size_t next = next_coded(i + 1); next < sentences.size())
      impl.PrefetchVerbs(sentences[next]);
    calendar.Read(sentences[i]);
    events.clear();
    impl.CodeVerbs(sentences[i], static_cast<uint32_t>(i), date, &events);
    for (Event& e : events) {
      e.date = calendar.EventDay(e.verb.start, e.modality == "future");
      key.clear();
      key.append(e.source.code).append(1, '\t').append(e.target.code).append(1, '\t');
      key.append(e.cameo);
      if (!seen.insert(key).second) continue;
      out.events.push_back(std::move(e));
    }
  }
  // Event locations belong to the events, in every output; what follows is for --emit all.
  if (const Gazetteer* places = Gazetteer::Builtin())
    FindPlaces(*places, text, dateline, sentences, &out.events);
  if (!impl.options.article_records) return out;
  FindEntities(impl, sentences, &out);
  TextWarnings(impl, sentences, skip, &out);
  DateWarnings(sentences, date, &out);
  UnknownActorWarnings(sentences, &out);
  return out;
}

}  // namespace

}  // namespace dragoman
