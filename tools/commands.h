// The subcommands of the dragoman CLI, one file each. Each returns the process exit status:
// 0 success, 1 some input could not be coded (reported), 2 usage error or unusable dictionaries.
#ifndef DRAGOMAN_TOOLS_COMMANDS_H_
#define DRAGOMAN_TOOLS_COMMANDS_H_

namespace dragoman::cli {

int RunCode(int argc, char** argv);      // code.cc     dragoman code [OPTIONS] [FILE...]
int RunValidate(int argc, char** argv);  // validate.cc dragoman validate [OPTIONS] SUITE
int RunCompile(int argc, char** argv);   // compile.cc  dragoman compile [OPTIONS] --output BUNDLE

}  // namespace dragoman::cli

#endif  // DRAGOMAN_TOOLS_COMMANDS_H_
