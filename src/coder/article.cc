// What spans the sentences of an article: the order of work for a document (split, analyse every
// sentence, attribute quotes, then code), quotations and their speakers, and Coder::Explain.
#include <string>
#include <unordered_set>
#include <vector>

#include "coder/coder_impl.h"
#include "coder/sentence.h"
#include "coder/words.h"
#include "dragoman/coder.h"

namespace dragoman {

using namespace coder;  // WordFlag constants, kNone

namespace {

CodedDocument CodeSpans(const Coder::Impl& impl, std::string_view text, std::vector<Span> spans,
                        Day date);

}  // namespace

CodedDocument Coder::Code(const Document& document) const {
  Day date = document.date;
  std::vector<CoderWarning> warnings;
  std::string_view text = document.text;
  std::vector<Span> spans = SplitSentences(text);
  if (auto dl = ReadDateline(text, date); dl) {
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
  CodedDocument out = CodeSpans(*impl_, text, std::move(spans), date);
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
  return CodeSpans(*impl_, text, {Span{0, static_cast<uint32_t>(text.size())}}, date);
}

namespace {

bool IsSpeechWord(std::string_view w) {
  static const char* const kWords[] = {"SAID", "SAYS", "SAY", "TOLD", "TELLS", "ADDED", "ADDS",
                                       "STATED", "NOTED", "DECLARED", "WROTE", "ANNOUNCED",
                                       "EXPLAINED", "INSISTED", "STRESSED", "WARNED", "ASKED",
                                       "REPLIED", "ACCORDING", "CONTINUED", "CONCLUDED"};
  for (const char* k : kWords)
    if (w == k) return true;
  return false;
}

// The noun phrase that speaks in sentence `s` outside quotes: "X said", "said X", "X told
// reporters", "according to X". Returns nullptr when there is none.
const NounPhrase* FindSpeaker(const Sentence& s, const std::vector<uint8_t>& quoted) {
  const size_t n = s.tokens.size();
  for (size_t t = 0; t < n; ++t) {
    if (quoted[t] || !IsSpeechWord(s.tokens[t].norm)) continue;
    // Before: the nearest noun phrase (skipping auxiliaries and adverbs).
    for (size_t b = t; b-- > 0;) {
      if (quoted[b] || s.tokens[b].kind == TokenKind::kQuote) break;
      int np = s.np_of[b];
      if (np != kNone && !s.nps[np].members.empty()) return &s.nps[np];
      if (s.tokens[b].kind != TokenKind::kWord || (s.flags[b] & (kComplementizer | kConjunction)))
        break;
    }
    // After: "said X", "according to X" (not "told X": X is who was told).
    const std::string& w = s.tokens[t].norm;
    if (w == "TOLD" || w == "TELLS" || w == "ASKED" || w == "WARNED") continue;
    for (size_t a = t + 1; a < n && a < t + 4; ++a) {
      if (quoted[a]) break;
      int np = s.np_of[a];
      if (np != kNone && !s.nps[np].members.empty()) return &s.nps[np];
    }
  }
  return nullptr;
}

}  // namespace

// Quotations and their speakers: quote marks are paired across the whole document (quotes run
// over several sentences); the speaker is found next to a speech verb outside the quote in the
// sentence where the quote ends, else where it starts. "I", "we", "us" and "our" inside a quote
// become the speaker.
static void AttributeQuotes(std::vector<Sentence>* sentences, std::vector<Quote>* quotes) {
  struct Open {
    size_t sentence, token;
  };
  std::vector<std::vector<uint8_t>> quoted(sentences->size());
  std::vector<std::pair<Open, Open>> spans;
  bool open = false;
  Open start{};
  for (size_t i = 0; i < sentences->size(); ++i) {
    Sentence& s = (*sentences)[i];
    quoted[i].assign(s.tokens.size(), 0);
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
      quoted[i][t] = open;
    }
  }
  for (const auto& [a, b] : spans) {
    const Sentence& last = (*sentences)[b.sentence];
    const Sentence& first = (*sentences)[a.sentence];
    const Sentence* where = &last;
    const NounPhrase* speaker = FindSpeaker(last, quoted[b.sentence]);
    if (!speaker) {
      where = &first;
      speaker = FindSpeaker(first, quoted[a.sentence]);
    }
    Quote q;
    q.span = Span{first.tokens[a.token].end, last.tokens[b.token].start};
    if (speaker) {
      q.speaker = Span{where->tokens[speaker->start].start, where->tokens[speaker->end - 1].end};
      q.speaker_code = speaker->members.front().code;
      // First person inside the quote, and outside it in the sentence that names the speaker
      // ("..., X told reporters, and I look forward to ...": garbled, but still X).
      for (size_t i = a.sentence; i <= b.sentence; ++i) {
        Sentence& s = (*sentences)[i];
        for (NounPhrase& np : s.nps) {
          if (!np.first_person || !np.members.empty()) continue;
          if (!quoted[i][np.start] && &s != where) continue;
          np.members = speaker->members;
          for (Member& m : np.members) {
            m.tok_start = np.start;
            m.tok_end = np.end;
          }
          np.person = speaker->person;
        }
      }
    }
    quotes->push_back(std::move(q));
  }
}

namespace {

CodedDocument CodeSpans(const Coder::Impl& impl, std::string_view text, std::vector<Span> spans,
                        Day date) {
  CodedDocument out;
  out.date = date;
  out.sentences = std::move(spans);
  Discourse discourse;
  std::unordered_set<std::string> seen;
  std::vector<Sentence> sentences(out.sentences.size());
  std::vector<uint8_t> skip(out.sentences.size(), 0);
  for (uint32_t i = 0; i < out.sentences.size(); ++i) {
    const Span sp = out.sentences[i];
    Sentence& s = sentences[i];
    s.text = text;
    s.span = sp;
    if (sp.end - sp.start > impl.options.max_sentence_bytes) {
      out.warnings.push_back(CoderWarning{"long-sentence",
                                          "sentence of " + std::to_string(sp.end - sp.start) +
                                              " bytes exceeds max_sentence_bytes; not coded",
                                          sp});
      skip[i] = 1;
      continue;
    }
    impl.Analyze(&s, date, &discourse);
    // Discards.
    std::vector<uint32_t> values;
    for (size_t t = 0; t < s.tokens.size() && !skip[i]; ++t) {
      size_t end;
      if (impl.discards.LongestAt(std::span<const WordIds>(s.ids), t, &end, &values)) {
        skip[i] = 1;
        if (impl.dict.discards[values.front()].story) {
          out.discarded = true;
          return out;
        }
      }
    }
  }
  AttributeQuotes(&sentences, &out.quotes);
  for (uint32_t i = 0; i < sentences.size(); ++i) {
    if (skip[i]) continue;
    std::vector<Event> events;
    impl.CodeVerbs(sentences[i], i, date, &events);
    for (Event& e : events) {
      std::string key = e.source.code + "\t" + e.target.code + "\t" + e.cameo;
      if (!seen.insert(key).second) continue;
      out.events.push_back(std::move(e));
    }
  }
  return out;
}

}  // namespace

}  // namespace dragoman
