// Statuses, parsed once at load, where a word that is not one of them is an error at its line
// and column; every later stage compares these values, never the words. Each table is the one
// list of the words the content model allows, for the loader and for the pages alike.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <utility>

namespace quorum {

enum class MeetingStatus : std::uint8_t { scheduled, held, cancelled, postponed };
inline constexpr std::array<std::pair<const char*, MeetingStatus>, 4> kMeetingStatuses{{
    {"scheduled", MeetingStatus::scheduled},
    {"held", MeetingStatus::held},
    {"cancelled", MeetingStatus::cancelled},
    {"postponed", MeetingStatus::postponed},
}};

// Of minutes, terms of reference and documents.
enum class PaperStatus : std::uint8_t { draft, approved, superseded };
inline constexpr std::array<std::pair<const char*, PaperStatus>, 3> kPaperStatuses{{
    {"draft", PaperStatus::draft},
    {"approved", PaperStatus::approved},
    {"superseded", PaperStatus::superseded},
}};

// Minutes and terms of reference are draft or approved, never superseded.
inline constexpr std::array<std::pair<const char*, PaperStatus>, 2> kMinutesOrTermsStatuses{{
    {"draft", PaperStatus::draft},
    {"approved", PaperStatus::approved},
}};

// The word the content model writes for a status ("postponed").
template <class E, std::size_t N>
constexpr std::string_view word_of(E value, const std::array<std::pair<const char*, E>, N>& table) {
  for (const auto& [word, v] : table) {
    if (v == value) return word;
  }
  return "";
}
constexpr std::string_view to_string(MeetingStatus s) { return word_of(s, kMeetingStatuses); }
constexpr std::string_view to_string(PaperStatus s) { return word_of(s, kPaperStatuses); }

// How many values an enum has, for readers of stored values (build/cache_codec.h) to refuse
// a number that names none.
constexpr std::uint32_t enum_size(MeetingStatus /*unused*/) { return kMeetingStatuses.size(); }
constexpr std::uint32_t enum_size(PaperStatus /*unused*/) { return kPaperStatuses.size(); }

}  // namespace quorum
