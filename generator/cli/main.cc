// The `quorum` command line.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/build_command.h"

#ifndef QUORUM_VERSION
#define QUORUM_VERSION "0.0.0"
#endif
#ifndef QUORUM_GIT_COMMIT
#define QUORUM_GIT_COMMIT "unknown"
#endif

int main(int argc, char** argv) {
  CLI::App app{"Quorum: a static site generator for committee papers, membership and decisions.\n"
               "Reads Markdown and YAML from a git repository and writes an accessible website."};
  app.name("quorum");
  app.set_version_flag("--version", std::string("quorum ") + QUORUM_VERSION + " (commit " + QUORUM_GIT_COMMIT + ")");
  app.require_subcommand(1);

  quorum::BuildRequest build;
  build.executable = argv[0];
  std::string ref;
  CLI::App* build_cmd = app.add_subcommand("build", "Validate the content and write the site");
  build_cmd->add_option("--source,-s", build.source,
                        "Folder holding site-config/ and content/ (default: current folder)");
  build_cmd->add_option("--out,-o", build.out, "Folder to write the site to (default: public)");
  build_cmd->add_option("--base-url", build.base_url, "Public address of the site, overriding site.yaml");
  build_cmd->add_option("--ref", ref, "Build this git commit, branch or tag (default: HEAD when clean)");
  build_cmd->add_flag("--working-tree", build.working_tree, "Build the files as they are on disk, for a preview");
  build_cmd->add_flag("--clean", build.clean, "Render every page, ignoring what the last build left");

  quorum::BuildRequest check;
  check.executable = argv[0];
  check.check_only = true;
  std::string check_ref;
  CLI::App* check_cmd = app.add_subcommand("check", "Validate the content; write nothing");
  check_cmd->add_option("--source,-s", check.source, "Folder holding site-config/ and content/");
  check_cmd->add_option("--ref", check_ref, "Check this git commit, branch or tag");
  check_cmd->add_flag("--working-tree", check.working_tree, "Check the files as they are on disk");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? quorum::kOk : quorum::kUsage;
  }
  if (build_cmd->parsed()) {
    if (!ref.empty()) build.ref = ref;
    return quorum::run_build(build, std::cout, std::cerr);
  }
  if (!check_ref.empty()) check.ref = check_ref;
  return quorum::run_build(check, std::cout, std::cerr);
}
