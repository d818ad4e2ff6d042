// Dictionary bundles: a dictionary set compiled into one versioned file that checks itself.
//
// `dragoman compile` reads dictionaries once (any family) and writes a bundle: the DictionarySet,
// the CAMEO reference table, where they came from (provenance) and sample sentences with the
// events this dragoman coded from them. Loading a bundle skips the dictionary readers, and
// CreateBundleCoder() codes the samples again and refuses a bundle whose samples no longer give
// the recorded events, so code and data can never silently disagree (a newer dragoman that codes
// differently, or a file damaged on the way). The file format is in docs/bundle.md; the same
// inputs always give byte-identical bundles.
#ifndef DRAGOMAN_BUNDLE_H_
#define DRAGOMAN_BUNDLE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dragoman/cameo.h"
#include "dragoman/coder.h"
#include "dragoman/dictionary.h"
#include "dragoman/status.h"
#include "dragoman/text.h"

namespace dragoman {

// The bundle format this dragoman writes and the only one it reads.
inline constexpr uint32_t kBundleFormatVersion = 2;

// One file a bundle was built from.
struct BundleSource {
  std::string path;    // as given to `dragoman compile` (built-in files: their full path)
  uint64_t bytes = 0;  // file size
  uint64_t fnv1a = 0;  // 64-bit FNV-1a hash of the file's bytes
};

// What a bundle was built from and by what.
struct BundleProvenance {
  uint32_t format_version = kBundleFormatVersion;  // filled in by LoadBundle
  std::string dragoman_version;  // the dragoman that wrote it; WriteBundle fills it in
  std::string created;           // free text given at compile time ("" for reproducible bundles)
  // The dictionaries' names as output records give them ("builtin:verbs.txt,..." or the paths),
  // so that coding with a bundle writes what coding with its dictionaries writes.
  std::string dictionaries;
  std::vector<BundleSource> sources;  // dictionaries in load order, then the CAMEO table
};

// An event of a sample, reduced to what the self-check compares.
struct BundleEvent {
  std::string source;  // actor code
  std::string target;  // actor code, "" when the event has no target
  std::string cameo;   // "190"
  bool operator==(const BundleEvent&) const = default;
};

// A sample sentence (or short text) and the events expected from it, in the Coder's order.
struct BundleSample {
  std::string text;
  Day date = kNoDay;  // kNoDay: the text's dateline, else undated
  std::vector<BundleEvent> expected;
};

// Codes `text` with `coder` (Coder::Code on one document) and returns its events as a sample.
BundleSample CodeSample(const Coder& coder, std::string text, Day date);

// Samples coded by `dragoman compile` when none are given: a few short news sentences with dates.
struct BuiltinSampleText {
  const char* text;
  const char* date;  // "YYYY-MM-DD"
};
const std::vector<BuiltinSampleText>& DefaultBundleSamples();

// The CoderOptions samples are coded with, at compile time and by the self-check.
inline CoderOptions BundleSampleOptions() { return CoderOptions{}; }

// Writes a bundle to `path` (replacing it). `dictionaries.warnings` are not stored.
// `cameo_tsv` is the text of a CAMEO table (CameoTable::Parse must accept it; it is checked).
// `provenance.dragoman_version` and `format_version` are filled in; the rest is stored as given.
Status WriteBundle(const DictionarySet& dictionaries, std::string_view cameo_tsv,
                   const std::vector<BundleSample>& samples, const BundleProvenance& provenance,
                   const std::string& path);

struct LoadedBundle {
  std::string path;  // the file it was read from, for messages
  DictionarySet dictionaries;
  CameoTable cameo;
  BundleProvenance provenance;
  std::vector<BundleSample> samples;
};

// Reads and verifies a bundle: magic, format version (another version is an InvalidArgument),
// checksum and structure (a damaged or truncated file is a Corruption). Every error names `path`.
// Does not run the self-check: CreateBundleCoder() does.
Result<LoadedBundle> LoadBundle(const std::string& path);
// The same from the bytes of a bundle already in memory; `path` names it in messages and in
// LoadedBundle::path. Nothing returned points into `bytes`.
Result<LoadedBundle> ParseBundle(std::string_view bytes, const std::string& path);

// Builds the Coder of `bundle` (consumed) with `options` and runs the self-check: each sample is
// coded again and must give exactly its expected events, else a Corruption
// "bundle FILE: self-check failed on sample N: expected ..., got ...". When `options` differ from
// BundleSampleOptions() the check runs on a second Coder built with those (twice the cost).
Result<std::unique_ptr<Coder>> CreateBundleCoder(LoadedBundle bundle, CoderOptions options = {});

// 64-bit FNV-1a, as BundleSource::fnv1a records it.
uint64_t Fnv1a64(std::string_view bytes);

}  // namespace dragoman

#endif  // DRAGOMAN_BUNDLE_H_
