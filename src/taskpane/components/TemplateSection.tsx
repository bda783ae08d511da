/**
 * RESERVED: the "插入新年度模板" (insert next year's template) section.
 *
 * Another change implements this feature; the pane already renders this component in its place (below the
 * findings, see App.tsx), so that change only has to fill it in. Until then it renders nothing. The section's title
 * is reserved in i18n.ts as `templateSection`.
 */
import type * as React from "react";
import type { Lang } from "../../core/finding";
import type { ExcelHost } from "../../excel/host";

export interface TemplateSectionProps {
  host: ExcelHost | undefined;
  lang: Lang;
  /** A check or fix runs. */
  busy: boolean;
}

/** Renders nothing yet: the props are the ones the section will need. */
export const TemplateSection: React.FC<TemplateSectionProps> = () => null;
