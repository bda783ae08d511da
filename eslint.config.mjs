// ESLint 9 flat config, picked up by `office-addin-lint check` (npm run lint) because it sits in the project root;
// without it office-addin-lint falls back to its own config. Based on eslint-plugin-office-addins' "react" config
// (Office.js rules such as load-before-read and sync-before-read, React, Prettier).
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

// The block of the "recommended" config that holds the Office.js, TypeScript and Prettier rules.
const officeRules = officeAddins.configs.recommended.find((c) => c.rules?.["office-addins/load-object-before-read"]);

export default [
  {
    ignores: ["node_modules/**", "dist/**", "lib/**", "coverage/**"],
  },
  ...officeAddins.configs.react,
  {
    // The plugin's rules block only matches .js/.ts files; apply the same parser and rules to .tsx.
    files: ["**/*.{ts,tsx,mts,cts}"],
    plugins: officeRules.plugins,
    languageOptions: {
      parser: tsParser,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    rules: {
      ...officeRules.rules,
      // TypeScript checks names itself (Office, Excel, document, jest globals come from @types).
      "no-undef": "off",
      // The automatic JSX runtime (tsconfig "jsx": "react-jsx") needs no React in scope.
      "react/react-in-jsx-scope": "off",
      "react/jsx-uses-react": "off",
      // Props are typed with TypeScript.
      "react/prop-types": "off",
    },
  },
];
