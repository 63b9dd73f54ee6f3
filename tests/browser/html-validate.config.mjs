// html-validate configuration for the pages of a built Quorum site (used by check-site.mjs).
//
// Every page must pass the "html-validate:recommended" preset (which includes the
// standard, a11y, document and prettier presets) with zero errors. A rule is switched
// off here only when it objects to a deliberate, valid choice; each exception says why.
export default {
  root: true,
  extends: ["html-validate:recommended"],
  rules: {
    // long-title: <title> over 70 characters. Titles say what the page is first and then
    // the site, as GOV.UK does ("Minutes: Health and Wellbeing Board, Friday 8 September
    // 2017 – Thurrock Health and Wellbeing Board papers"), so that a screen-reader user,
    // a browser tab and a search result all start with the distinct part; the committee
    // names and dates that make them long are what tells two papers apart. The limit is a
    // search-engine display heuristic, not an HTML or WCAG requirement (WCAG 2.4.2 asks
    // for titles that describe the page, which these do).
    "long-title": "off",
  },
};
