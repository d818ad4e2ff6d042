// Internal: event locations (docs/output.md, "location"). Called once per document by article.cc
// after the events are coded.
#ifndef DRAGOMAN_CODER_PLACES_H_
#define DRAGOMAN_CODER_PLACES_H_

#include <string_view>
#include <vector>

#include "coder/sentence.h"
#include "dragoman/coder.h"
#include "dragoman/gazetteer.h"

namespace dragoman::coder {

// Gives each event its location: the gazetteer place its sentence names after a locative
// preposition ("in Kyiv", "near the border town of Sumy"), else the place of `dateline` (the
// document's, as Coder::Code read it; null when none) when it precedes `sentences`, else none. Names shared by several places are settled by the
// document's context (a ", Texas" after the name, the event's actors' countries, the dateline's
// country, the countries the document mentions), then by population.
void FindPlaces(const Gazetteer& gazetteer, std::string_view text, const Dateline* dateline,
                const std::vector<Sentence>& sentences, std::vector<Event>* events);

}  // namespace dragoman::coder

#endif  // DRAGOMAN_CODER_PLACES_H_
