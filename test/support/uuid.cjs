/**
 * CommonJS stand-in for uuid 14 (ESM-only), which office-addin-manifest requires and which Jest cannot require()
 * on Node 20. Every user in this dependency tree (office-addin-manifest, exceljs) calls only v4(). See jest.config.js.
 */
const { randomUUID } = require("node:crypto");

exports.v4 = () => randomUUID();
