// The accessibility statement the Public Sector Bodies (Websites and Mobile Applications)
// (No. 2) Accessibility Regulations 2018 require, in the structure of the GOV.UK model
// statement. The legally required sentences are in the template; this gives it the facts.
#include "render/pages.h"

namespace quorum {
namespace {

bool is_email(const std::string& s) {
  return s.find('@') != std::string::npos && s.find_first_of(" \t<>\"'") == std::string::npos;
}

bool is_web_address(const std::string& s) {
  return (s.rfind("https://", 0) == 0 || s.rfind("http://", 0) == 0) &&
         s.find_first_of(" \t<>\"'") == std::string::npos;
}

}  // namespace

json accessibility_page(const PageContext& ctx) {
  const SiteModel& model = ctx.model();
  const Site& site = model.site;
  const AccessibilityInfo& a = site.accessibility;
  json page = ctx.frame("list:accessibility", "Accessibility statement",
                        json::array({ctx.link("home:", "Home")}), "accessibility");

  json st;
  const auto org = model.organisations.find(site.organisation);
  st["organisation"] = org != model.organisations.end() ? org->second.name : site.title;
  st["address"] = ctx.base_url();
  // Whoever handles accessibility, else the site's own contact.
  const std::string contact = !a.contact.empty() ? a.contact : site.contact_email;
  st["contact"] = contact;
  st["contact_href"] = is_email(contact) ? "mailto:" + contact : is_web_address(contact) ? contact : "";
  json issues = json::array();
  for (const auto& issue : a.known_issues) issues.push_back(issue);
  st["known_issues"] = issues;
  st["compliance"] = a.compliance;
  st["fully_compliant"] = a.compliance == "full";
  st["partially_compliant"] = a.compliance == "partial";
  st["non_compliant"] = a.compliance == "non-compliant";
  st["last_tested"] = PageContext::date(a.last_tested);
  st["prepared"] = PageContext::date(a.prepared);
  page["statement"] = st;
  return page;
}

}  // namespace quorum
