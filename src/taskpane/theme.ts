/** Picks the Fluent UI theme that matches Office's theme, where Office tells us its theme. */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/** True when `color` ("#RRGGBB" or "#RGB") is dark: relative luminance below one half. */
export function isDarkColor(color: string | undefined | null): boolean {
  if (!color) return false;
  let hex = color.trim().replace(/^#/, "");
  if (hex.length === 3) hex = [...hex].map((c) => c + c).join("");
  if (!/^[0-9a-f]{6}$/i.test(hex)) return false;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

/** Whether Office uses a dark theme. False when Office does not say (older hosts, or outside Office). */
export function officeUsesDarkTheme(): boolean {
  try {
    if (typeof Office === "undefined") return false;
    const theme = Office.context?.officeTheme;
    return isDarkColor(theme?.bodyBackgroundColor);
  } catch {
    return false;
  }
}

/**
 * Fluent's font stack with the Chinese UI fonts Office itself uses (Microsoft YaHei UI on Windows, PingFang SC on
 * a Mac) ahead of the generic fallback, so Chinese text does not fall back to a serif font.
 */
export const FONT_FAMILY =
  "'Segoe UI', 'Segoe UI Web (West European)', 'Microsoft YaHei UI', 'Microsoft YaHei', 'PingFang SC', " +
  "-apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', sans-serif";

const LIGHT: Theme = { ...webLightTheme, fontFamilyBase: FONT_FAMILY };
const DARK: Theme = { ...webDarkTheme, fontFamilyBase: FONT_FAMILY };

/** The pane's theme: Fluent's web theme, light or dark as Office is, with the Chinese font stack. */
export function paneTheme(dark: boolean): Theme {
  return dark ? DARK : LIGHT;
}
