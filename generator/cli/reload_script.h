// The script `quorum serve` adds to every HTML page it serves (never to the built files): it
// long-polls the preview server's events address and reloads the page when a new build
// has finished, so a clerk sees each saved change without pressing reload.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace quorum {

// Where the script waits: GET /_quorum/events?since=N answers with the current build
// generation as soon as it differs from N, or after a while with N itself.
inline constexpr std::string_view kEventsPath = "/_quorum/events";
// The script element's id, by which tests (and curious readers) recognise it.
inline constexpr std::string_view kReloadScriptId = "quorum-preview-reload";

// `html` with the script placed before its last </body> (or at its end), remembering
// `generation` as the build the page came from.
std::string with_reload_script(std::string html, std::uint64_t generation);

}  // namespace quorum
