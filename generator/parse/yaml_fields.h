// Reads the fields of one YAML mapping with the checks every entity needs: required fields,
// types, dates, enumerations, and a warning for each field nobody asked for (a typo such as
// `venu:` would otherwise vanish silently), naming the nearest known field.
#pragma once

#include <yaml-cpp/yaml.h>

#include <array>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "parse/yaml_document.h"
#include "support/date.h"

namespace quorum {

enum class Need { optional, required };

class YamlFields {
 public:
  // `what` names the thing for messages, as a clerk knows it: "meeting 2017-09-08 of Health
  // and Wellbeing Board", "agenda item 5 of meeting 2017-09-08".
  YamlFields(YAML::Node node, YamlSource source, std::string what, Diagnostics& diags);

  [[nodiscard]] bool is_map() const { return node_.IsMap(); }
  [[nodiscard]] SourcePos pos() const { return position_of(node_, source_); }
  [[nodiscard]] SourcePos pos_of(const std::string& key);
  [[nodiscard]] bool has(const std::string& key);
  // Whether the key is written at all, even with nothing after it ("exempt:" alone), which
  // has() counts as absent.
  [[nodiscard]] bool written(const std::string& key);
  [[nodiscard]] const YamlSource& source() const { return source_; }
  [[nodiscard]] Diagnostics& diags() const { return diags_; }
  // "Meeting 2017-09-08 of Health and Wellbeing Board": `what`, capitalised, to begin messages.
  [[nodiscard]] std::string subject() const;

  // A scalar as text ("" when absent). Lists and mappings where text belongs are errors.
  std::string text(const std::string& key, Need need = Need::optional);
  std::optional<Date> date(const std::string& key, Need need = Need::optional);
  std::optional<TimeOfDay> time(const std::string& key);
  std::optional<bool> boolean(const std::string& key);
  // One of `allowed`; `fallback` when absent.
  std::string choice(const std::string& key, std::initializer_list<const char*> allowed,
                     Need need = Need::optional, const std::string& fallback = "");
  // The same, giving the value the word names in `table` ({word, value} pairs), or `fallback`.
  template <class E, std::size_t N>
  E choice(const std::string& key, const std::array<std::pair<const char*, E>, N>& table, Need need, E fallback) {
    std::vector<std::string> words;
    for (const auto& entry : table) words.emplace_back(entry.first);
    const std::string raw = choice_among(key, words, need, "");
    for (const auto& [word, value] : table) {
      if (raw == word) return value;
    }
    return fallback;
  }
  std::string choice_among(const std::string& key, const std::vector<std::string>& allowed, Need need,
                           const std::string& fallback);
  // A list of scalars; a single scalar counts as a list of one.
  std::vector<std::string> text_list(const std::string& key);
  // The raw node, for nested structures (marks the key as known). Null when absent.
  YAML::Node node(const std::string& key);
  // The items of a list field (a single mapping counts as one item).
  std::vector<YAML::Node> items(const std::string& key);

  // Warns about every key that no call above asked for.
  void finish();

 private:
  // Where a key that seems meant to withhold something should go instead, for its message.
  [[nodiscard]] std::string privacy_hint() const;
  // The value of `key` in the map, or nullptr.
  [[nodiscard]] const YAML::Node* find(const std::string& key) const;

  YAML::Node node_;
  std::vector<std::pair<std::string, YAML::Node>> values_;  // the map's scalar keys, in order
  YamlSource source_;
  std::string what_;
  Diagnostics& diags_;
  std::set<std::string> known_;
};

}  // namespace quorum
