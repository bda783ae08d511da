/**
 * CommonJS stand-in for strip-bom 5 (ESM-only), which @microsoft/app-manifest requires and which Jest cannot
 * require() on Node 20. Loaded only in tests, through office-addin-mock -> office-addin-manifest; see jest.config.js.
 */
module.exports = function stripBom(string) {
  if (typeof string !== "string") throw new TypeError(`Expected a string, got ${typeof string}`);
  return string.charCodeAt(0) === 0xfeff ? string.slice(1) : string;
};
