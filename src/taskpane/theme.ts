/** Picks the Fluent UI theme that matches Office's theme, where Office tells us its theme. */

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
