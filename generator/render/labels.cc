#include "render/labels.h"

#include <cstdio>
#include <map>

#include "support/text.h"

namespace quorum {
namespace {

std::string lookup(const std::map<std::string, std::string>& table, const std::string& key) {
  const auto it = table.find(key);
  return it != table.end() ? it->second : humanize_slug(key);
}

}  // namespace

std::string role_label(const std::string& role) { return humanize_slug(role); }

std::string role_plural(const std::string& role) {
  static const std::map<std::string, std::string> kTable = {
      {"chair", "Chair"}, {"co-chair", "Co-chairs"}, {"vice-chair", "Vice-chair"},
      {"member", "Members"}, {"deputy", "Deputies"}, {"substitute", "Substitutes"},
      {"adviser", "Advisers"}, {"secretariat", "Secretariat"}};
  return lookup(kTable, role);
}

int role_rank(const std::string& role) {
  static const std::map<std::string, int> kRank = {
      {"chair", 0}, {"co-chair", 1}, {"vice-chair", 2}, {"member", 3},
      {"deputy", 4}, {"substitute", 5}, {"adviser", 6}, {"secretariat", 7}};
  const auto it = kRank.find(role);
  return it == kRank.end() ? 8 : it->second;
}

std::string committee_kind_label(const std::string& kind) { return humanize_slug(kind); }

std::string status_label(MeetingStatus status) { return humanize_slug(std::string(to_string(status))); }

std::string status_label(PaperStatus status) { return humanize_slug(std::string(to_string(status))); }

std::string interest_category_label(const std::string& c) {
  static const std::map<std::string, std::string> kTable = {
      {"employment", "Employment, office, trade, profession or vocation"},
      {"sponsorship", "Sponsorship"},
      {"contracts", "Contracts"},
      {"land", "Land"},
      {"licences", "Licences"},
      {"corporate-tenancies", "Corporate tenancies"},
      {"securities", "Securities"},
      {"other-registrable", "Other registrable interest"},
      {"non-registrable", "Non-registrable interest"}};
  return lookup(kTable, c);
}

std::string declaration_kind_label(const std::string& kind) {
  static const std::map<std::string, std::string> kTable = {
      {"pecuniary", "Disclosable pecuniary interest"},
      {"non-pecuniary", "Non-pecuniary interest"},
      {"other", "Other interest"}};
  return lookup(kTable, kind);
}

std::string document_kind_label(const std::string& kind) {
  return kind == "annual-report" ? "Annual report" : humanize_slug(kind);
}

std::string organisation_kind_label(const std::string& kind) {
  static const std::map<std::string, std::string> kTable = {
      {"local-authority", "Local authority"}, {"nhs-commissioner", "NHS commissioner"},
      {"nhs-provider", "NHS provider"}, {"voluntary-sector", "Voluntary sector"},
      {"healthwatch", "Healthwatch"}, {"university", "University"}, {"other", "Other"}};
  return lookup(kTable, kind);
}

std::string exempt_paragraph_description(const std::string& paragraph) {
  static const std::map<std::string, std::string> kTable = {
      {"1", "Information relating to any individual."},
      {"2", "Information which is likely to reveal the identity of an individual."},
      {"3", "Information relating to the financial or business affairs of any particular person "
            "(including the authority holding that information)."},
      {"4", "Information relating to any consultations or negotiations, or contemplated consultations "
            "or negotiations, in connection with any labour relations matter arising between the "
            "authority or a Minister of the Crown and employees of, or office holders under, the authority."},
      {"5", "Information in respect of which a claim to legal professional privilege could be maintained "
            "in legal proceedings."},
      {"6", "Information which reveals that the authority proposes to give under any enactment a notice "
            "under or by virtue of which requirements are imposed on a person, or to make an order or "
            "direction under any enactment."},
      {"7", "Information relating to any action taken or to be taken in connection with the prevention, "
            "investigation or prosecution of crime."}};
  const auto it = kTable.find(paragraph);
  return it != kTable.end() ? it->second : std::string();
}

std::string file_size_words(std::size_t bytes) {
  char buf[32];
  if (bytes < 1024) return std::to_string(bytes) + " bytes";
  if (bytes < 1024 * 1024) {
    std::snprintf(buf, sizeof buf, "%zu KB", (bytes + 1023) / 1024);
  } else {
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  }
  return buf;
}

std::string file_type_label(const std::string& name) {
  const auto dot = name.rfind('.');
  const std::string ext = dot == std::string::npos ? "" : to_lower_ascii(name.substr(dot + 1));
  static const std::map<std::string, std::string> kTable = {
      {"pdf", "PDF"}, {"csv", "CSV"}, {"xlsx", "Excel spreadsheet"}, {"xls", "Excel spreadsheet"},
      {"docx", "Word document"}, {"doc", "Word document"}, {"odt", "OpenDocument text"},
      {"ods", "OpenDocument spreadsheet"}, {"pptx", "PowerPoint presentation"},
      {"png", "PNG image"}, {"jpg", "JPEG image"}, {"jpeg", "JPEG image"}, {"txt", "Plain text"}};
  const auto it = kTable.find(ext);
  return it != kTable.end() ? it->second : (ext.empty() ? "File" : to_lower_ascii(ext) + " file");
}

}  // namespace quorum
