// Numbers as the page writes them, the text toLocaleString('en') gives: digits grouped by commas
// ("1,234,567"), and `digits` decimals. Whole numbers, all the page shows before its first answer, are
// grouped here without Intl: a page's first toLocaleString loads the browser's locale data (12–16 ms in a
// new Chromium), which delayed the first list of documents and the first answer. Decimals go to Intl, whose
// rounding of ties (1.005 → 1.01) follows the decimal written, not the binary number.
// tests/web/format.test.mjs checks both against toLocaleString.
export function formatCount(value, digits = 0) {
  if (digits === 0 && Number.isSafeInteger(value)) return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
