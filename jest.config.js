/** Jest runs TypeScript through ts-jest without type checking (type checks run in `npm run typecheck`). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.test.json", isolatedModules: true }],
  },
  testTimeout: 30000,
  // An unexpected console.error / console.warn fails the test that caused it (known noise filtered there).
  setupFilesAfterEnv: ["<rootDir>/test/support/console-guard.ts"],
  reporters: ["default", "<rootDir>/test/support/summary-reporter.cjs"],
  moduleNameMapper: {
    // office-addin-mock and office-addin-manifest require ESM-only packages (uuid 14, and strip-bom 5 through
    // @microsoft/app-manifest); Jest on Node 20 cannot require() ESM. Small CommonJS stand-ins take their place.
    "^uuid$": "<rootDir>/test/support/uuid.cjs",
    "^strip-bom$": "<rootDir>/test/support/strip-bom.cjs",
  },
};
