/** The URL segment of the national view (/chi-so/toan-quoc); every other segment is a province slug. */
export const NATIONAL_SLUG = "toan-quoc";
