/** Template placeholders left where real text belongs: "-", "*", "_", "/", "无", "……", "XX", "待定". */

/** Only punctuation, dashes, stars, slashes or ellipses. */
const MARKS_ONLY = /^[-—–_*＊/\\.…。·、,，;；:：?？!！~～()（）【】[\]"“”'‘’]+$/;
const WORDS = /^(无|暂无|待定|待填|待补充|待填写|略|同上|空|不详|未定|tbd|n\/?a)$/i;
const XX = /[xX×]{2,}/;
/** The numbering of goal text ("目标1：", "1.", "（一）"), which says nothing by itself. */
const NUMBERING =
  /目标\s*[0-9一二三四五六七八九十]+\s*[:：]?|(?:^|[；;。\s])\s*[0-9]+\s*[.、)）]|[(（][一二三四五六七八九十0-9]+[)）]/g;

function fold(text: string): string {
  return text.normalize("NFKC").replace(/[\s\u00a0\u3000\u200b]+/g, "");
}

/** True when the text is nothing but a placeholder (after any 目标1： numbering). */
export function isPlaceholder(text: string): boolean {
  const s = fold(text);
  if (s === "") return false;
  if (MARKS_ONLY.test(s) || WORDS.test(s) || /^[xX×]+$/.test(s)) return true;
  const core = s.replace(NUMBERING, "").replace(/[-—–_*/\\.…。·、,，;；:：?？!！()（）]+/g, "");
  if (core === "") return true;
  return WORDS.test(core) || /^[xX×]+$/.test(core);
}

/** True when the text holds an XX / ×× placeholder anywhere ("XX单位", "××县××局"). */
export function hasXX(text: string): boolean {
  return XX.test(fold(text));
}

/**
 * Punctuation and symbols. Unicode property escapes are ES2018, which WPS's older embedded Chromium may not parse:
 * the regex is built at run time, with the ASCII, general, CJK and full-width punctuation and symbol blocks where
 * the engine lacks them.
 */
const PUNCTUATION: RegExp = (() => {
  try {
    return new RegExp("[\\p{P}\\p{S}]+", "gu");
  } catch {
    return /[!-/:-@[-`{-~\u00a1-\u00bf\u00d7\u00f7\u2010-\u2027\u2030-\u205e\u2190-\u2bff\u3000-\u303f\ufe30-\ufe6b\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\uffe0-\uffee]+/g;
  }
})();

/** The text without numbering, whitespace and punctuation: what a reader would call its content. */
export function realText(text: string): string {
  return fold(text).replace(NUMBERING, "").replace(PUNCTUATION, "");
}

/** "无", "/", "-": what a one-year project writes for a 中期目标 it does not have. */
export function isNotApplicable(text: string): boolean {
  return /^([无/\-—–]|暂无|不适用|无中期目标)$/.test(fold(text));
}
