// Internal: the day each event of an article happened (docs/output.md, "How event dates are
// chosen"). A StoryCalendar reads the date expressions of the sentences in order — weekdays,
// "yesterday", "last week", "later in the day", written dates ("on March 3", "3 March 2022") —
// and answers, for an event, the day of the expression nearest to its verb (in its clause first),
// else the story's date.
#ifndef DRAGOMAN_CODER_DATES_H_
#define DRAGOMAN_CODER_DATES_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "coder/sentence.h"
#include "dragoman/coder.h"
#include "dragoman/text.h"

namespace dragoman::coder {

// kTextDateStart and kTextDatePrefix (words.h) for a token's text.
uint8_t DateTextTags(std::string_view norm);

class StoryCalendar {
 public:
  explicit StoryCalendar(Day story) : story_(story), narrative_(story) {}

  // Reads the date expressions of the next sentence.
  void Read(const Sentence& s);

  // The day of an event of the sentence last read whose verb starts at byte `verb_start`.
  // `future`: the event is announced, so a bare weekday or a date without a year looks ahead.
  Day EventDay(uint32_t verb_start, bool future) const;

 private:
  // A day named in the sentence.
  struct Mention {
    uint32_t token = 0;   // the expression's first token
    Day past = kNoDay;    // its day, read as past or present
    Day future = kNoDay;  // its day, read as something to come
  };
  void Add(size_t token, Day past, Day future);

  Day story_;      // the story's date
  Day narrative_;  // the last day a sentence stated ("later in the day" counts from it)
  std::vector<Mention> mentions_;  // of the sentence last read
  // Per token of that sentence: its byte offset and its clause (a complementizer, a clause end or
  // a quote mark starts a new one: "said on Friday that X shelled Y on Wednesday").
  std::vector<uint32_t> token_start_;
  std::vector<uint32_t> clause_;
};

// "Monday, March 3, 2022" where March 3, 2022 was a Thursday: the text contradicts itself
// (a "date-inconsistency" warning).
void DateWarnings(const std::vector<Sentence>& sentences, Day story, CodedDocument* out);

}  // namespace dragoman::coder

#endif  // DRAGOMAN_CODER_DATES_H_
