#include "parse/yaml_fields.h"

#include <algorithm>

#include "support/text.h"

namespace quorum {

namespace {

std::string capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

// The fields that keep something private (`exempt` on an agenda item, `sensitive` on an
// interest, `classification` on a report), and words a writer may reach for to mean the same.
// An unknown key near one of these is an error, not a warning: ignored, it would publish
// what its writer meant to withhold ("senstive: true", "Exempt:", "is_exempt", "part: 2").
constexpr std::string_view kPrivacyFields[] = {"exempt", "sensitive", "classification"};
// Inside a key, after squashing (see below), these say "private" whatever surrounds them.
constexpr std::string_view kPrivacyStems[] = {
    "exempt",     "sensitiv",  "confidential", "withh",      "redact",      "private",       "secret",
    "schedule12", "notpublic", "notforpub",    "notpublish", "dontpublish", "anonym", "closedsession", "closedmeeting",
    "inclosed",   "excluded",  "exclusion",    "part2",      "partii",      "partb"};
// As the whole key only: ordinary words that mean "private" when they are a field of their own.
constexpr std::string_view kPrivacyWords[] = {"publish",  "public",     "hide",    "hidden",
                                              "omit",     "part",       "closed",  "protected",
                                              "suppress", "restricted", "restrict"};

// The key as letters and digits only, lower-case: "Is_Exempt", "ex\u200Bempt" and "EXEMPT"
// are all read for what they say.
std::string squashed(const std::string& key) {
  std::string out;
  for (char c : to_lower_ascii(key)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
  }
  return out;
}

// Whether an unknown key seems meant to keep something private.
bool looks_like_privacy_key(const std::string& key) {
  const std::string k = squashed(key);
  if (k.empty()) return false;
  for (std::string_view field : kPrivacyFields) {
    if (edit_distance(k, field) <= 2) return true;
  }
  for (std::string_view stem : kPrivacyStems) {
    if (k.find(stem) != std::string::npos) return true;
  }
  for (std::string_view word : kPrivacyWords) {
    if (k == word) return true;
  }
  return false;
}

}  // namespace

YamlFields::YamlFields(YAML::Node node, YamlSource source, std::string what, Diagnostics& diags)
    : node_(std::move(node)), source_(std::move(source)), what_(std::move(what)), diags_(diags) {
  if (!node_.IsMap()) {
    diags_.error(pos(), subject() + " should be a set of 'field: value' lines");
    return;
  }
  // Looked up by key once here: yaml-cpp finds a key by converting every key of the map
  // and, on a non-const node, allocates a node for each key it does not find. (Measured on
  // a 10k-meeting rebuild, the list saved about 2% of parse+model: 8.8 s to 8.6 s.)
  for (const auto& pair : node_) {
    if (!pair.first.IsScalar()) continue;
    const std::string& key = pair.first.Scalar();
    const bool seen =
        std::any_of(values_.begin(), values_.end(), [&](const auto& v) { return v.first == key; });
    if (!seen) values_.emplace_back(key, pair.second);  // the first of duplicate keys, as yaml-cpp
  }
}

const YAML::Node* YamlFields::find(const std::string& key) const {
  for (const auto& [name, value] : values_) {
    if (name == key) return &value;
  }
  return nullptr;
}

std::string YamlFields::subject() const { return capitalised(what_); }

std::string YamlFields::privacy_hint() const {
  if (known_.count("sensitive") != 0) {
    return "To keep this interest's description off the site, write 'sensitive: true' (exactly so, in lower "
           "case).";
  }
  if (known_.count("exempt") != 0) {
    return "To take this item in private, write 'exempt:' (exactly so, in lower case) with the paragraph of "
           "Schedule 12A on the next line, indented: '  paragraph: 3'.";
  }
  if (known_.count("classification") != 0) {
    return "To withhold this report, write 'classification: exempt' and 'paragraph: 3' (the paragraph of "
           "Schedule 12A).";
  }
  return "It looks like an attempt to keep something private, but nothing is made private here: Quorum "
         "withholds an agenda item with 'exempt:', an interest in a register with 'sensitive: true' and a "
         "report with 'classification: exempt' (see the content model).";
}

bool YamlFields::written(const std::string& key) {
  known_.insert(key);
  return find(key) != nullptr;
}

bool YamlFields::has(const std::string& key) {
  known_.insert(key);
  const YAML::Node* value = find(key);
  return value != nullptr && value->IsDefined() && !value->IsNull();
}

SourcePos YamlFields::pos_of(const std::string& key) {
  known_.insert(key);
  const YAML::Node* value = find(key);
  if (value == nullptr || !value->IsDefined()) return pos();
  if (value->IsNull()) {
    // A key written with no value ("exempt:" alone): yaml-cpp places the null after it, on
    // the next line, so point at the key itself.
    for (const auto& pair : node_) {
      if (pair.first.IsScalar() && pair.first.Scalar() == key) return position_of(pair.first, source_);
    }
  }
  const SourcePos at = position_of(*value, source_);
  return at.line > 0 ? at : pos();
}

YAML::Node YamlFields::node(const std::string& key) {
  if (!has(key)) return YAML::Node();
  return *find(key);
}

std::string YamlFields::text(const std::string& key, Need need) {
  if (!has(key)) {
    if (need == Need::required) {
      diags_.error(pos(), subject() + " needs a '" + key + "' field: add a line '" + key + ": ...'");
    }
    return {};
  }
  const YAML::Node value = *find(key);
  if (!value.IsScalar()) {
    diags_.error(position_of(value, source_),
                 subject() + ": '" + key + "' should be a single value, not a list or a set of fields");
    return {};
  }
  std::string result = value.Scalar();
  if (need == Need::required && trim(result).empty()) {
    diags_.error(position_of(value, source_), subject() + ": '" + key + "' is empty, but it is required");
  }
  return result;
}

std::optional<Date> YamlFields::date(const std::string& key, Need need) {
  const std::string raw = text(key, need);
  if (raw.empty()) return std::nullopt;
  auto parsed = Date::parse(raw);
  if (!parsed) {
    diags_.error(pos_of(key), subject() + ": '" + key + "' is '" + raw +
                                  "', which is not a date on the calendar: write it as YYYY-MM-DD, "
                                  "for example 2017-09-08");
  }
  return parsed;
}

std::optional<TimeOfDay> YamlFields::time(const std::string& key) {
  const std::string raw = text(key);
  if (raw.empty()) return std::nullopt;
  auto parsed = TimeOfDay::parse(raw);
  if (!parsed) {
    diags_.error(pos_of(key), subject() + ": '" + key + "' is '" + raw +
                                  "', which is not a time: write it as HH:MM on the 24-hour "
                                  "clock, for example 14:00 (quote it: \"14:00\")");
  }
  return parsed;
}

std::optional<bool> YamlFields::boolean(const std::string& key) {
  const std::string raw = to_lower_ascii(text(key));
  if (raw.empty()) return std::nullopt;
  if (raw == "true" || raw == "yes") return true;
  if (raw == "false" || raw == "no") return false;
  diags_.error(pos_of(key), subject() + ": '" + key + "' should be true or false, not '" + raw + "'");
  return std::nullopt;
}

std::string YamlFields::choice(const std::string& key, std::initializer_list<const char*> allowed, Need need,
                               const std::string& fallback) {
  return choice_among(key, std::vector<std::string>(allowed.begin(), allowed.end()), need, fallback);
}

std::string YamlFields::choice_among(const std::string& key, const std::vector<std::string>& options, Need need,
                                     const std::string& fallback) {
  const std::string raw = text(key, need);
  if (raw.empty()) return fallback;
  for (const auto& option : options) {
    if (raw == option) return raw;
  }
  std::string list;
  for (const auto& option : options) list += (list.empty() ? "" : ", ") + option;
  std::string message = subject() + ": '" + key + "' is '" + raw + "', which is not one of: " + list;
  if (const auto guess = nearest(to_lower_ascii(raw), options); !guess.empty()) {
    message += ". Did you mean '" + guess + "'?";
  }
  diags_.error(pos_of(key), message);
  return fallback;
}

std::vector<std::string> YamlFields::text_list(const std::string& key) {
  std::vector<std::string> out;
  if (!has(key)) return out;
  const YAML::Node value = *find(key);
  if (value.IsScalar()) {
    out.push_back(value.Scalar());
    return out;
  }
  if (!value.IsSequence()) {
    diags_.error(position_of(value, source_), subject() + ": '" + key + "' should be a list");
    return out;
  }
  for (const auto& item : value) {
    if (item.IsScalar()) {
      out.push_back(item.Scalar());
    } else {
      diags_.error(position_of(item, source_),
                   subject() + ": each entry of '" + key + "' should be a single value");
    }
  }
  return out;
}

std::vector<YAML::Node> YamlFields::items(const std::string& key) {
  std::vector<YAML::Node> out;
  if (!has(key)) return out;
  const YAML::Node value = *find(key);
  if (value.IsSequence()) {
    for (const auto& item : value) out.push_back(item);
  } else if (value.IsMap() || value.IsScalar()) {
    out.push_back(value);
  }
  return out;
}

void YamlFields::finish() {
  if (!node_.IsMap()) return;
  std::vector<std::string> known(known_.begin(), known_.end());
  for (const auto& pair : node_) {
    if (!pair.first.IsScalar()) continue;
    const std::string key = pair.first.Scalar();
    if (known_.count(key) != 0) continue;
    if (key == "<<") {
      diags_.error(position_of(pair.first, source_),
                   subject() +
                       ": '<<' (a YAML merge key) is not read by Quorum, so fields written through it "
                       "would be ignored. Write the fields out in full here");
      continue;
    }
    if (looks_like_privacy_key(key)) {
      diags_.error(position_of(pair.first, source_),
                   subject() + " has no field '" + key + "'. " + privacy_hint() +
                       " Quorum stops rather than publish what may be meant "
                       "to be private: correct the line, or remove it");
      continue;
    }
    std::string message = subject() + " has no field '" + key + "'; it is ignored";
    if (const auto guess = nearest(key, known); !guess.empty()) {
      message += ". Did you mean '" + guess + "'?";
    }
    diags_.warning(position_of(pair.first, source_), message);
  }
}

}  // namespace quorum
