// One table of flags feeds both parsing and --help for each subcommand.
#ifndef DRAGOMAN_TOOLS_FLAGS_H_
#define DRAGOMAN_TOOLS_FLAGS_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace dragoman::cli {

struct Flag {
  const char* name;        // "--date"
  const char* value_name;  // "YYYY-MM-DD", or nullptr for a switch
  const char* help;
  std::function<bool(std::string_view value, std::string* error)> apply;
};

// Parses argv[first..]: flags from `flags` (both "--x v" and "--x=v"), everything else into
// `positional` ("-" is positional). Returns false with *error set on a usage error.
bool ParseFlags(const std::vector<Flag>& flags, int argc, char** argv, int first,
                std::vector<std::string>* positional, std::string* error);

std::string FlagHelp(const std::vector<Flag>& flags);

}  // namespace dragoman::cli

#endif  // DRAGOMAN_TOOLS_FLAGS_H_
