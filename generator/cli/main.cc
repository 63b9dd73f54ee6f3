// The `quorum` command line.
#include <iostream>

#include "cli/cli_app.h"

// The command line itself (subcommands, options, help, version) is defined in cli_app.cc,
// shared with the man page and completion generators in cli_docs.cc.
int main(int argc, char** argv) { return quorum::run_cli(argc, argv, std::cout, std::cerr); }
