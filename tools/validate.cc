// dragoman validate: runs a PETRARCH validation suite and prints how many records pass.
// The work is in src/validate (ReadValidationSuite, RunValidationSuite, FormatReport); this file
// parses flags and maps errors to exit codes: 0 the suite ran (whatever the number of failures;
// the last output line "N passed, M failed" carries the result), 2 usage error, unreadable suite
// or unusable dictionaries.
#include "dragoman/validate.h"

#include <cstdio>
#include <string>
#include <vector>

#include "commands.h"
#include "flags.h"

namespace dragoman::cli {

int RunValidate(int argc, char** argv) {
  ValidationOptions options;
  bool verbose = false;
  bool help = false;
  std::vector<std::string> settings;
  const std::vector<Flag> flags = {
      {"--verbose", nullptr, "list every failed record: text, expected and coded events, rules",
       [&](std::string_view, std::string*) { return verbose = true; }},
      {"--dictionaries", "DIR",
       "also look for the dictionary files the suite names in DIR (repeatable)",
       [&](std::string_view v, std::string*) {
         options.dictionary_dirs.emplace_back(v);
         return true;
       }},
      {"--verbs", "FILE", "verbs file instead of the suite's <Verbfile>",
       [&](std::string_view v, std::string*) {
         options.verbs = v;
         return true;
       }},
      {"--actors", "FILE", "actors file instead of the suite's <Actorfile>s (repeatable)",
       [&](std::string_view v, std::string*) {
         options.actors.emplace_back(v);
         return true;
       }},
      {"--agents", "FILE", "agents file instead of the suite's <Agentfile>",
       [&](std::string_view v, std::string*) {
         options.agents = v;
         return true;
       }},
      {"--discards", "FILE", "discards file instead of the suite's <Discardfile>",
       [&](std::string_view v, std::string*) {
         options.discards = v;
         return true;
       }},
      {"--set", "NAME=VALUE", "coder option before any <Config> (require_dyad, comma_max, ...)",
       [&](std::string_view v, std::string*) {
         settings.emplace_back(v);
         return true;
       }},
      {"--all-categories", nullptr, "judge categories the suite's <Include> leaves out",
       [&](std::string_view, std::string*) { return options.ignore_include = true; }},
      {"--help", nullptr, "show this help",
       [&](std::string_view, std::string*) { return help = true; }},
  };
  const std::string usage =
      "usage: dragoman validate [OPTIONS] SUITE\n\n"
      "Codes each record of a PETRARCH validation suite (PETR.UnitTest.records.xml,\n"
      "PETR_Validate_records_2_02.xml, PETR2_GSR_validation.xml) and judges it as PETRARCH\n"
      "does. Dictionary files named by the suite are looked up beside it. The last line of\n"
      "the output is \"N passed, M failed\"; the exit status is 0 whenever the suite ran.\n\n"
      "options:\n" +
      FlagHelp(flags);

  std::vector<std::string> positional;
  std::string error;
  if (!ParseFlags(flags, argc, argv, 1, &positional, &error)) {
    std::fprintf(stderr, "dragoman validate: %s\n\n%s", error.c_str(), usage.c_str());
    return 2;
  }
  if (help) {
    std::fputs(usage.c_str(), stdout);
    return 0;
  }
  if (positional.size() != 1) {
    std::fprintf(stderr, "dragoman validate: give exactly one SUITE file\n\n%s", usage.c_str());
    return 2;
  }
  Result<ValidationSuite> suite = ReadValidationSuite(positional[0]);
  if (!suite.ok()) {
    std::fprintf(stderr, "dragoman validate: %s\n", suite.status().ToString().c_str());
    return 2;
  }
  // Judge as PETRARCH codes: it never guesses a country for "---" actors. PETRARCH-1 also matches
  // pattern words as written and reads a passive only with "by" (CoderOptions). --set overrides.
  options.coder_options.infer_country = false;
  if (suite->format == SuiteFormat::kPetrarch1) {
    options.coder_options.pattern_stems = false;
    options.coder_options.passive_needs_by = true;
  }
  for (const std::string& s : settings) {
    size_t eq = s.find('=');
    Status st = eq == std::string::npos
                    ? Status::InvalidArgument("--set " + s + ": expected NAME=VALUE")
                    : SetCoderOption(&options.coder_options, s.substr(0, eq), s.substr(eq + 1));
    if (!st.ok()) {
      std::fprintf(stderr, "dragoman validate: %s\n", st.ToString().c_str());
      return 2;
    }
  }

  Result<ValidationReport> report = RunValidationSuite(*suite, options);
  if (!report.ok()) {
    std::fprintf(stderr, "dragoman validate: %s\n", report.status().ToString().c_str());
    return 2;
  }
  std::string text = FormatReport(*suite, *report, verbose);
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fflush(stdout);
  return 0;
}

}  // namespace dragoman::cli
