// Flag parsing shared by the subcommands.
#include "flags.h"

namespace dragoman::cli {

bool ParseFlags(const std::vector<Flag>& flags, int argc, char** argv, int first,
                std::vector<std::string>* positional, std::string* error) {
  for (int i = first; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg.size() < 2 || arg.substr(0, 2) != "--") {
      positional->emplace_back(arg);
      continue;
    }
    std::string_view name = arg, value;
    bool has_value = false;
    if (size_t eq = arg.find('='); eq != std::string_view::npos) {
      name = arg.substr(0, eq);
      value = arg.substr(eq + 1);
      has_value = true;
    }
    const Flag* flag = nullptr;
    for (const Flag& f : flags)
      if (name == f.name) flag = &f;
    if (!flag) {
      *error = "unknown flag " + std::string(name);
      return false;
    }
    if (flag->value_name && !has_value) {
      if (i + 1 >= argc) {
        *error = std::string(name) + " needs a value (" + flag->value_name + ")";
        return false;
      }
      value = argv[++i];
    } else if (!flag->value_name && has_value) {
      *error = std::string(name) + " takes no value";
      return false;
    }
    if (!flag->apply(value, error)) {
      if (error->empty()) *error = "bad value for " + std::string(name);
      return false;
    }
  }
  return true;
}

std::string FlagHelp(const std::vector<Flag>& flags) {
  std::string out;
  for (const Flag& f : flags) {
    std::string left = "  " + std::string(f.name);
    if (f.value_name) left += " " + std::string(f.value_name);
    if (left.size() < 28) left.resize(28, ' ');
    else left += "\n" + std::string(28, ' ');
    out += left + f.help + "\n";
  }
  return out;
}

}  // namespace dragoman::cli
